-- One row per fixture: its score, who won and how, with its labels.
-- The winner follows the API's teams.home.winner / teams.away.winner flags where one is true: they
-- settle penalty shoot-outs and awarded matches as the competition decided. Without a flag, a
-- shoot-out score decides a fixture that had one (PEN, or any finished fixture level after extra
-- time with a shoot-out score) before the score after extra time does; otherwise the score decides.
-- Only finished (FT, AET, PEN) and awarded (AWD, WO) fixtures have a winner.
-- Awarded fixtures, one rule for every mart (team_matches, league_table and knockout_ties read the
-- score from here): the API sends either the score on the pitch, the awarded score (3-0) or no goals.
-- The API's goals stand when they agree with the award (the flagged winner scored more, or no
-- winner is flagged): score_source 'awarded_api'. When they contradict it or are missing, the
-- regulations' forfeit score stands instead, 3-0 to the flagged winner: score_source 'awarded_3_0'.
-- An award with neither goals nor a winner flag cannot be scored: its goals stay null and the
-- tables cannot count it (the only awarded fixture they leave out).
-- decided_by says what settled the winner: regular_time (FT, a 90-minute draw included), extra_time
-- (won in extra time), penalties, awarded; null when nothing was decided, which includes a fixture
-- level after extra time without a shoot-out (a second leg the aggregate settles: see knockout_ties).
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
--   league_name text
--   country_name text
--   season_label text
--   home_team_name text
--   away_team_name text
--   score_source text
--   stage text
--   home_points integer
--   away_points integer
create view marts.fixture_results as
with

fixtures as (
    select * from marts.fixtures
),

statuses as (
    select status_short, category from golden.fixture_statuses
),

labels as (
    select league_id, season, league_name, country_name, season_label, league_type, points_per_win, points_per_draw
    from marts.competition_rules
),

teams as (
    select team_id, name as team_name from marts.teams
),

flagged as (
    select
        fixtures.*,
        statuses.category as status_category,
        case when fixtures.home_winner then 'home' when fixtures.away_winner then 'away' end as flagged_winner,
        fixtures.penalty_home is not null and fixtures.penalty_away is not null
            and fixtures.penalty_home <> fixtures.penalty_away
            and (fixtures.status_short = 'PEN' or fixtures.goals_home = fixtures.goals_away) as shootout_decides
    from fixtures
    join statuses on statuses.status_short = fixtures.status_short
),

-- The score every mart counts: the API's, except an award's that contradicts its winner or is missing.
scored as (
    select
        flagged.*,
        case
            when status_category = 'awarded' and goals_home is not null and (
                flagged_winner is null
                or (flagged_winner = 'home' and goals_home > goals_away)
                or (flagged_winner = 'away' and goals_away > goals_home)
            ) then 'awarded_api'
            when status_category = 'awarded' and flagged_winner is not null then 'awarded_3_0'
            when status_category = 'finished' and goals_home is not null then 'match'
        end as score_source
    from flagged
),

decided as (
    select
        scored.*,
        case score_source when 'awarded_3_0' then (case flagged_winner when 'home' then 3 else 0 end)::smallint else goals_home end as counted_home,
        case score_source when 'awarded_3_0' then (case flagged_winner when 'away' then 3 else 0 end)::smallint else goals_away end as counted_away,
        case
            when score_source is null then null
            when flagged_winner is not null then flagged_winner
            when shootout_decides then case when penalty_home > penalty_away then 'home' else 'away' end
            when goals_home > goals_away then 'home'
            when goals_home < goals_away then 'away'
            else 'draw'
        end as winner
    from scored
)

select
    decided.fixture_id,
    decided.league_id,
    decided.season,
    decided.round,
    decided.kickoff_at,
    decided.status_short as status,
    decided.status_category,
    decided.home_team_id,
    decided.away_team_id,
    decided.counted_home as home_goals,
    decided.counted_away as away_goals,
    decided.penalty_home as home_penalties,
    decided.penalty_away as away_penalties,
    decided.winner,
    case decided.winner when 'home' then decided.home_team_id when 'away' then decided.away_team_id end as winner_team_id,
    case
        when decided.winner is null then null
        when decided.status_category = 'awarded' then 'awarded'
        when decided.winner = 'draw' then case when decided.status_short = 'FT' then 'regular_time' end
        when decided.status_short = 'PEN' or decided.shootout_decides then 'penalties'
        when decided.status_short = 'AET' then 'extra_time'
        when decided.status_short = 'FT' then 'regular_time'
    end as decided_by,
    labels.league_name,
    labels.country_name,
    labels.season_label,
    home.team_name as home_team_name,
    away.team_name as away_team_name,
    decided.score_source,
    -- The one definition of the rounds that make a table, which league_table, standings_by_round
    -- and knockout_ties read: a cup's group or league stage (and the Nations League's "League A -
    -- 3" rounds), every round of a league but its play-offs and finals. The rest are knockouts.
    case
        when labels.league_type = 'Cup' then
            case when decided.round ilike 'group%' or decided.round ilike 'league stage%'
                    or decided.round ~* '^league [a-z] - [0-9]+$'
                then 'table' else 'knockout' end
        else
            case when decided.round ilike '%play%off%' or decided.round ilike '%final%'
                then 'knockout' else 'table' end
    end as stage,
    -- Points under the competition's rules (golden.competition_rules): a shoot-out leaves a draw a
    -- draw, as tables count it.
    case
        when decided.score_source is null then null
        when decided.counted_home > decided.counted_away then labels.points_per_win
        when decided.counted_home = decided.counted_away then labels.points_per_draw
        else 0
    end as home_points,
    case
        when decided.score_source is null then null
        when decided.counted_away > decided.counted_home then labels.points_per_win
        when decided.counted_away = decided.counted_home then labels.points_per_draw
        else 0
    end as away_points
from decided
join labels on labels.league_id = decided.league_id and labels.season = decided.season
join teams as home on home.team_id = decided.home_team_id
join teams as away on away.team_id = decided.away_team_id;

comment on view marts.fixture_results is
    'One row per fixture with its score, winner and labels. winner follows the API''s teams.*.winner flags when one is set (shoot-outs, awarded matches), else a shoot-out score (PEN), else the score after extra time; null unless finished (FT, AET, PEN) or awarded (AWD, WO). An awarded fixture keeps the API''s score when it agrees with the award, else 3-0 to the flagged winner (score_source).';
comment on column marts.fixture_results.fixture_id is 'API-Football fixture id.';
comment on column marts.fixture_results.league_id is 'The competition.';
comment on column marts.fixture_results.season is 'Season start year.';
comment on column marts.fixture_results.round is 'Round as the API names it, e.g. "Regular Season - 1", "Group Stage - 2", "Final".';
comment on column marts.fixture_results.kickoff_at is 'Kick-off, time zone aware.';
comment on column marts.fixture_results.status is 'Status code, e.g. NS, FT, AET, PEN, PST, AWD (golden.fixture_statuses).';
comment on column marts.fixture_results.status_category is 'scheduled, in_play, finished, postponed, cancelled, abandoned or awarded.';
comment on column marts.fixture_results.home_team_id is 'Home team.';
comment on column marts.fixture_results.away_team_id is 'Away team.';
comment on column marts.fixture_results.home_goals is 'Home goals after extra time, shoot-out excluded; for AWD/WO the API''s score when it agrees with the award, else the forfeit score 3-0 (score_source); null before kick-off.';
comment on column marts.fixture_results.away_goals is 'Away goals, as home_goals.';
comment on column marts.fixture_results.home_penalties is 'Home kicks scored in the penalty shoot-out; null without one.';
comment on column marts.fixture_results.away_penalties is 'Away kicks scored in the penalty shoot-out; null without one.';
comment on column marts.fixture_results.winner is 'home, away or draw for finished and awarded fixtures: the API''s winner flag, else the shoot-out score, else the score; null otherwise.';
comment on column marts.fixture_results.winner_team_id is 'The winning team; null for a draw or an undecided fixture.';
comment on column marts.fixture_results.decided_by is 'What settled the winner: regular_time (FT, draws included), extra_time (won in extra time), penalties (a shoot-out), awarded (AWD, WO); null while undecided and for a fixture level after extra time without a shoot-out.';
comment on column marts.fixture_results.league_name is 'Competition name (overrides applied).';
comment on column marts.fixture_results.country_name is 'Country of the competition ("World" for international ones).';
comment on column marts.fixture_results.season_label is 'The season as people write it, e.g. "2023-24", "2023" (marts.seasons).';
comment on column marts.fixture_results.home_team_name is 'Home team name (overrides applied).';
comment on column marts.fixture_results.away_team_name is 'Away team name (overrides applied).';
comment on column marts.fixture_results.score_source is 'Where home_goals and away_goals come from: match (played: FT, AET, PEN), awarded_api (an award whose API score agrees with it), awarded_3_0 (an award the API scores against its winner or not at all: 3-0 to the winner); null without a counted score.';
comment on column marts.fixture_results.stage is 'table for a round that makes a league table (a cup''s group or league stage, the Nations League''s "League A - 3" rounds, a league''s rounds but play-offs and finals), knockout for the rest: the one rule league_table, standings_by_round and knockout_ties follow.';
comment on column marts.fixture_results.home_points is 'League points of the home team under the competition''s rules (golden.competition_rules: points per win and draw; a shoot-out leaves a draw a draw); null without a counted score.';
comment on column marts.fixture_results.away_points is 'League points of the away team, as home_points.';
