-- One row per fixture: its score and who won.
-- The winner follows the API's teams.home.winner / teams.away.winner flags where one is true: they
-- settle penalty shoot-outs and awarded matches as the competition decided. Without a flag it is
-- read from the score (goals after extra time), and for PEN from the shoot-out score. Only finished
-- (FT, AET, PEN) and awarded (AWD, WO) fixtures have a winner.
-- Apps may rely on the columns of the contract below (src/db/contracts.ts): it may grow, but
-- removing or retyping a column takes a new version of this mart (a _v2 file beside this one).
-- contract:
--   fixture_id integer
--   league_id integer
--   season integer
--   round text
--   kickoff_at timestamp with time zone
--   status text
--   status_category text
--   home_team_id integer
--   away_team_id integer
--   home_goals smallint
--   away_goals smallint
--   home_penalties smallint
--   away_penalties smallint
--   winner text
--   winner_team_id integer
--   decided_by text
create view marts.fixture_results as
with

fixtures as (
    select * from marts.fixtures
),

statuses as (
    select status_short, category from golden.fixture_statuses
),

decided as (
    select
        fixtures.*,
        statuses.category as status_category,
        case
            when statuses.category not in ('finished', 'awarded') or fixtures.goals_home is null then null
            when fixtures.home_winner then 'home'
            when fixtures.away_winner then 'away'
            when fixtures.goals_home > fixtures.goals_away then 'home'
            when fixtures.goals_home < fixtures.goals_away then 'away'
            when fixtures.status_short = 'PEN' then
                case
                    when fixtures.penalty_home > fixtures.penalty_away then 'home'
                    when fixtures.penalty_home < fixtures.penalty_away then 'away'
                end
            else 'draw'
        end as winner
    from fixtures
    join statuses on statuses.status_short = fixtures.status_short
)

select
    fixture_id,
    league_id,
    season,
    round,
    kickoff_at,
    status_short as status,
    status_category,
    home_team_id,
    away_team_id,
    goals_home as home_goals,
    goals_away as away_goals,
    penalty_home as home_penalties,
    penalty_away as away_penalties,
    winner,
    case winner when 'home' then home_team_id when 'away' then away_team_id end as winner_team_id,
    case
        when status_category = 'awarded' then 'awarded'
        when status_short = 'FT' then 'regular_time'
        when status_short = 'AET' then 'extra_time'
        when status_short = 'PEN' then 'penalties'
    end as decided_by
from decided;

comment on view marts.fixture_results is
    'One row per fixture with its score and winner. winner follows the API''s teams.*.winner flags when one is set (shoot-outs, awarded matches), else the score after extra time, else for PEN the shoot-out score; null unless finished (FT, AET, PEN) or awarded (AWD, WO).';
comment on column marts.fixture_results.fixture_id is 'API-Football fixture id.';
comment on column marts.fixture_results.league_id is 'The competition.';
comment on column marts.fixture_results.season is 'Season start year.';
comment on column marts.fixture_results.round is 'Round as the API names it, e.g. "Regular Season - 1", "Group Stage - 2", "Final".';
comment on column marts.fixture_results.kickoff_at is 'Kick-off, time zone aware.';
comment on column marts.fixture_results.status is 'Status code, e.g. NS, FT, AET, PEN, PST, AWD (golden.fixture_statuses).';
comment on column marts.fixture_results.status_category is 'scheduled, in_play, finished, postponed, cancelled, abandoned or awarded.';
comment on column marts.fixture_results.home_team_id is 'Home team.';
comment on column marts.fixture_results.away_team_id is 'Away team.';
comment on column marts.fixture_results.home_goals is 'Home goals after extra time, shoot-out excluded; the awarded score for AWD/WO; null before kick-off.';
comment on column marts.fixture_results.away_goals is 'Away goals, as home_goals.';
comment on column marts.fixture_results.home_penalties is 'Home kicks scored in the penalty shoot-out; null without one.';
comment on column marts.fixture_results.away_penalties is 'Away kicks scored in the penalty shoot-out; null without one.';
comment on column marts.fixture_results.winner is 'home, away or draw for finished and awarded fixtures (a shoot-out decides a PEN fixture); null otherwise.';
comment on column marts.fixture_results.winner_team_id is 'The winning team; null for a draw or an undecided fixture.';
comment on column marts.fixture_results.decided_by is 'regular_time (FT), extra_time (AET), penalties (PEN), awarded (AWD, WO); null while undecided.';
