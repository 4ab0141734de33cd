-- How each fixture's status and score changed, as the golden source recorded them: one row per
-- version of history.fixtures_history whose status or score (goals, shoot-out) differs from the
-- version before, the first one included, with when that was recorded. These are the API's values
-- (an override corrects the marts, it is not a change of the match), and a change shows when a
-- load saw it: a match loaded once finished has a single row.
-- Apps may rely on the columns of the contract below (src/db/contracts.ts): it may grow, but
-- removing or retyping a column takes a new version of this mart (a _v2 file beside this one).
-- contract:
--   fixture_id integer
--   league_id integer
--   season integer
--   home_team_id integer
--   home_team_name text
--   away_team_id integer
--   away_team_name text
--   recorded_at timestamp with time zone
--   superseded_at timestamp with time zone
--   status text
--   elapsed smallint
--   home_goals smallint
--   away_goals smallint
--   home_penalties smallint
--   away_penalties smallint
--   previous_status text
--   previous_home_goals smallint
--   previous_away_goals smallint
create view marts.fixture_score_changes as
with

versions as (
    select
        version_id, fixture_id, league_id, season, home_team_id, away_team_id,
        status_short, elapsed, goals_home, goals_away, penalty_home, penalty_away, valid_from
    from history.fixtures_history
),

teams as (
    select team_id, name as team_name from marts.teams
),

compared as (
    select
        versions.*,
        lag(status_short) over by_fixture as previous_status,
        lag(goals_home) over by_fixture as previous_home_goals,
        lag(goals_away) over by_fixture as previous_away_goals,
        lag(penalty_home) over by_fixture as previous_home_penalties,
        lag(penalty_away) over by_fixture as previous_away_penalties,
        row_number() over by_fixture as version_number
    from versions
    window by_fixture as (partition by fixture_id order by valid_from, version_id)
),

changes as (
    select
        compared.*,
        lead(valid_from) over (partition by fixture_id order by valid_from, version_id) as superseded_at
    from compared
    where version_number = 1
       or (status_short, goals_home, goals_away, penalty_home, penalty_away)
          is distinct from (previous_status, previous_home_goals, previous_away_goals, previous_home_penalties, previous_away_penalties)
)

select
    changes.fixture_id,
    changes.league_id,
    changes.season,
    changes.home_team_id,
    home.team_name as home_team_name,
    changes.away_team_id,
    away.team_name as away_team_name,
    changes.valid_from as recorded_at,
    changes.superseded_at,
    changes.status_short as status,
    changes.elapsed,
    changes.goals_home as home_goals,
    changes.goals_away as away_goals,
    changes.penalty_home as home_penalties,
    changes.penalty_away as away_penalties,
    changes.previous_status,
    changes.previous_home_goals,
    changes.previous_away_goals
from changes
join teams as home on home.team_id = changes.home_team_id
join teams as away on away.team_id = changes.away_team_id;

comment on view marts.fixture_score_changes is
    'Each fixture''s status and score over time as the golden source recorded them (history.fixtures_history): one row per recorded change of status, goals or shoot-out score, the first version included.';
comment on column marts.fixture_score_changes.fixture_id is 'The fixture.';
comment on column marts.fixture_score_changes.league_id is 'The competition.';
comment on column marts.fixture_score_changes.season is 'Season start year.';
comment on column marts.fixture_score_changes.home_team_id is 'Home team.';
comment on column marts.fixture_score_changes.home_team_name is 'Home team name.';
comment on column marts.fixture_score_changes.away_team_id is 'Away team.';
comment on column marts.fixture_score_changes.away_team_name is 'Away team name.';
comment on column marts.fixture_score_changes.recorded_at is 'When the golden source recorded this status and score (the start of the loading transaction).';
comment on column marts.fixture_score_changes.superseded_at is 'When the next change was recorded; null for the status and score the fixture has now.';
comment on column marts.fixture_score_changes.status is 'Status code then, e.g. NS, 1H, HT, FT.';
comment on column marts.fixture_score_changes.elapsed is 'Minutes played then.';
comment on column marts.fixture_score_changes.home_goals is 'Home goals then; null before kick-off.';
comment on column marts.fixture_score_changes.away_goals is 'Away goals then; null before kick-off.';
comment on column marts.fixture_score_changes.home_penalties is 'Home shoot-out kicks scored then; null without a shoot-out.';
comment on column marts.fixture_score_changes.away_penalties is 'Away shoot-out kicks scored then; null without a shoot-out.';
comment on column marts.fixture_score_changes.previous_status is 'The status before this change; null for the first version.';
comment on column marts.fixture_score_changes.previous_home_goals is 'Home goals before this change.';
comment on column marts.fixture_score_changes.previous_away_goals is 'Away goals before this change.';
