-- One row per team per fixture that counts: finished (FT, AET, PEN) and awarded (AWD, WO), the
-- latter with the score marts.fixture_results counts for them (the API's when it agrees with the
-- award, else 3-0 to the awarded side: one rule, stated there, so the two marts never disagree).
-- Postponed, cancelled, abandoned and unplayed fixtures have no rows, nor an award the API gives
-- neither a score nor a winner for.
-- result and points follow the score (a shoot-out leaves a draw a draw, as league tables count it);
-- is_winner says who went through.
-- Apps may rely on the columns of the contract below (src/db/contracts.ts): it may grow, but
-- removing or retyping a column takes a new version of this mart (a _v2 file beside this one).
-- contract:
--   fixture_id integer
--   league_id integer
--   season integer
--   round text
--   kickoff_at timestamp with time zone
--   status text
--   team_id integer
--   opponent_id integer
--   is_home boolean
--   goals_for smallint
--   goals_against smallint
--   result text
--   points integer
--   is_winner boolean
--   team_name text
--   opponent_name text
--   league_name text
--   country_name text
--   season_label text
--   stage text
create view marts.team_matches as
with

fixture_results as (
    select * from marts.fixture_results
),

-- Referenced by both branches below; not materialized, so that filters reach the fixtures' indexes.
counted as not materialized (
    select *
    from fixture_results
    where status_category in ('finished', 'awarded')
      and home_goals is not null
),

-- One branch per side rather than a lateral unnest, so that a filter on team_id reaches the
-- fixtures_home_team_idx and fixtures_away_team_idx indexes.
sides as (
    select
        fixture_id, league_id, season, round, kickoff_at, status, league_name, country_name, season_label,
        home_team_id as team_id,
        away_team_id as opponent_id,
        home_team_name as team_name,
        away_team_name as opponent_name,
        stage,
        home_points as points,
        true as is_home,
        home_goals as goals_for,
        away_goals as goals_against,
        case winner when 'home' then true when 'away' then false end as is_winner
    from counted
    union all
    select
        fixture_id, league_id, season, round, kickoff_at, status, league_name, country_name, season_label,
        away_team_id as team_id,
        home_team_id as opponent_id,
        away_team_name as team_name,
        home_team_name as opponent_name,
        stage,
        away_points as points,
        false as is_home,
        away_goals as goals_for,
        home_goals as goals_against,
        case winner when 'away' then true when 'home' then false end as is_winner
    from counted
),

results as (
    select
        sides.*,
        case
            when goals_for > goals_against then 'W'
            when goals_for = goals_against then 'D'
            else 'L'
        end as result
    from sides
)

select
    fixture_id,
    league_id,
    season,
    round,
    kickoff_at,
    status,
    team_id,
    opponent_id,
    is_home,
    goals_for,
    goals_against,
    result,
    points,
    is_winner,
    team_name,
    opponent_name,
    league_name,
    country_name,
    season_label,
    stage
from results;

comment on view marts.team_matches is
    'One row per team per fixture that counts: finished (FT, AET, PEN) and awarded (AWD, WO, with the score marts.fixture_results counts: the API''s when it agrees with the award, else 3-0). result and points follow the score after extra time; is_winner also counts shoot-outs.';
comment on column marts.team_matches.fixture_id is 'The fixture.';
comment on column marts.team_matches.league_id is 'The competition.';
comment on column marts.team_matches.season is 'Season start year.';
comment on column marts.team_matches.round is 'Round as the API names it.';
comment on column marts.team_matches.kickoff_at is 'Kick-off, time zone aware.';
comment on column marts.team_matches.status is 'FT, AET, PEN, AWD or WO.';
comment on column marts.team_matches.team_id is 'The team this row is about.';
comment on column marts.team_matches.opponent_id is 'The other team.';
comment on column marts.team_matches.is_home is 'The team played at home (was listed first).';
comment on column marts.team_matches.goals_for is 'Goals the team scored (after extra time, shoot-out excluded; for AWD/WO the score of marts.fixture_results: the API''s when it agrees with the award, else 3-0).';
comment on column marts.team_matches.goals_against is 'Goals the team conceded, as goals_for.';
comment on column marts.team_matches.result is 'W, D or L from goals_for and goals_against.';
comment on column marts.team_matches.points is 'Points of the result under the competition''s rules (golden.competition_rules: 3 for a win and 1 for a draw unless a competition says otherwise), as marts.fixture_results gives them.';
comment on column marts.team_matches.is_winner is 'The team won the fixture as decided (shoot-out and awards included); false if it lost; null for a draw.';
comment on column marts.team_matches.team_name is 'The team''s name (overrides applied).';
comment on column marts.team_matches.opponent_name is 'The opponent''s name (overrides applied).';
comment on column marts.team_matches.league_name is 'Competition name (overrides applied).';
comment on column marts.team_matches.country_name is 'Country of the competition ("World" for international ones).';
comment on column marts.team_matches.season_label is 'The season as people write it, e.g. "2023-24", "2023".';
comment on column marts.team_matches.stage is 'table or knockout: whether the round makes a league table (marts.fixture_results.stage).';
