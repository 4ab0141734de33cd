-- Matches as curated: golden.fixtures with the corrections of golden.overrides applied, field
-- by field (`quantfoot override set fixture ID FIELD VALUE`). golden.fixtures keeps the API's values;
-- the marts read fixtures from here, so a correction shows everywhere and survives every load.
-- The key and what places a fixture (league_id, season, home_team_id, away_team_id) are not
-- overridable: plain columns, so that a filter on them reaches the indexes of golden.fixtures.
-- No WITH, unlike the other marts: PostgreSQL plans a view built on WITH as a separate subquery,
-- and the marts join this one by id, which must reach the indexes of golden.fixtures.
-- Apps may rely on the columns of the contract below (src/db/contracts.ts): it may grow, but
-- removing or retyping a column takes a new version of this mart (a _v2 file beside this one).
-- contract:
--   fixture_id integer
--   league_id integer
--   season integer
--   round text
--   kickoff_at timestamp with time zone
--   referee text
--   venue_id integer
--   venue_name text
--   venue_city text
--   status_short text
--   status_long text
--   elapsed smallint
--   status_extra smallint
--   first_half_at timestamp with time zone
--   second_half_at timestamp with time zone
--   home_team_id integer
--   away_team_id integer
--   home_winner boolean
--   away_winner boolean
--   goals_home smallint
--   goals_away smallint
--   halftime_home smallint
--   halftime_away smallint
--   fulltime_home smallint
--   fulltime_away smallint
--   extratime_home smallint
--   extratime_away smallint
--   penalty_home smallint
--   penalty_away smallint
--   has_standings boolean
--   referee_name text
--   referee_country text
--   overridden_fields text[]
create view marts.fixtures as
select
    fixtures.fixture_id,
    fixtures.league_id,
    fixtures.season,
    coalesce((overrides.curated).round, fixtures.round) as round,
    coalesce((overrides.curated).kickoff_at, fixtures.kickoff_at) as kickoff_at,
    coalesce((overrides.curated).referee, fixtures.referee) as referee,
    coalesce((overrides.curated).venue_id, fixtures.venue_id) as venue_id,
    coalesce((overrides.curated).venue_name, fixtures.venue_name) as venue_name,
    coalesce((overrides.curated).venue_city, fixtures.venue_city) as venue_city,
    coalesce((overrides.curated).status_short, fixtures.status_short) as status_short,
    coalesce((overrides.curated).status_long, fixtures.status_long) as status_long,
    coalesce((overrides.curated).elapsed, fixtures.elapsed) as elapsed,
    coalesce((overrides.curated).status_extra, fixtures.status_extra) as status_extra,
    coalesce((overrides.curated).first_half_at, fixtures.first_half_at) as first_half_at,
    coalesce((overrides.curated).second_half_at, fixtures.second_half_at) as second_half_at,
    fixtures.home_team_id,
    fixtures.away_team_id,
    coalesce((overrides.curated).home_winner, fixtures.home_winner) as home_winner,
    coalesce((overrides.curated).away_winner, fixtures.away_winner) as away_winner,
    coalesce((overrides.curated).goals_home, fixtures.goals_home) as goals_home,
    coalesce((overrides.curated).goals_away, fixtures.goals_away) as goals_away,
    coalesce((overrides.curated).halftime_home, fixtures.halftime_home) as halftime_home,
    coalesce((overrides.curated).halftime_away, fixtures.halftime_away) as halftime_away,
    coalesce((overrides.curated).fulltime_home, fixtures.fulltime_home) as fulltime_home,
    coalesce((overrides.curated).fulltime_away, fixtures.fulltime_away) as fulltime_away,
    coalesce((overrides.curated).extratime_home, fixtures.extratime_home) as extratime_home,
    coalesce((overrides.curated).extratime_away, fixtures.extratime_away) as extratime_away,
    coalesce((overrides.curated).penalty_home, fixtures.penalty_home) as penalty_home,
    coalesce((overrides.curated).penalty_away, fixtures.penalty_away) as penalty_away,
    coalesce((overrides.curated).has_standings, fixtures.has_standings) as has_standings,
    coalesce((overrides.curated).referee_name, fixtures.referee_name) as referee_name,
    coalesce((overrides.curated).referee_country, fixtures.referee_country) as referee_country,
    coalesce(overrides.overridden_fields, '{}') as overridden_fields
from golden.fixtures
-- One row per corrected fixture: its corrections read into a row of golden.fixtures (each value as its
-- column's type, the other columns null).
left join (
    select
        entity_id as fixture_id,
        jsonb_populate_record(null::golden.fixtures, jsonb_object_agg(field, value)) as curated,
        array_agg(field order by field) as overridden_fields
    from golden.overrides
    where entity = 'fixtures'
    group by entity_id
) as overrides on overrides.fixture_id = fixtures.fixture_id;

comment on view marts.fixtures is
    'Matches (golden.fixtures) with curated overrides in place of the API''s values (golden.overrides, quantfoot override set); overridden_fields names them.';
comment on column marts.fixtures.fixture_id is 'API-Football fixture id, never reused.';
comment on column marts.fixtures.league_id is 'The competition.';
comment on column marts.fixtures.season is 'The season start year.';
comment on column marts.fixtures.round is 'league.round, e.g. "Regular Season - 1", "Group Stage - 2", "Final".';
comment on column marts.fixtures.kickoff_at is 'Kick-off (fixture.timestamp), time zone aware.';
comment on column marts.fixtures.referee is 'Referee as the API writes it.';
comment on column marts.fixtures.venue_id is 'fixture.venue.id; null when the API gives none.';
comment on column marts.fixtures.venue_name is 'fixture.venue.name as given for this match.';
comment on column marts.fixtures.venue_city is 'fixture.venue.city as given for this match.';
comment on column marts.fixtures.status_short is 'Status code, see fixture_statuses.';
comment on column marts.fixtures.status_long is 'Status text as the API sent it.';
comment on column marts.fixtures.elapsed is 'Minutes played (capped at 45/90/120 by the API).';
comment on column marts.fixtures.status_extra is 'fixture.status.extra: added minutes; absent in older data.';
comment on column marts.fixtures.first_half_at is 'fixture.periods.first: first-half kick-off.';
comment on column marts.fixtures.second_half_at is 'fixture.periods.second: second-half kick-off.';
comment on column marts.fixtures.home_team_id is 'Home team.';
comment on column marts.fixtures.away_team_id is 'Away team.';
comment on column marts.fixtures.home_winner is 'teams.home.winner: null for draws and unfinished matches.';
comment on column marts.fixtures.away_winner is 'teams.away.winner';
comment on column marts.fixtures.goals_home is 'goals.home: home goals (after extra time, without the shoot-out); null before kick-off.';
comment on column marts.fixtures.goals_away is 'goals.away';
comment on column marts.fixtures.halftime_home is 'score.halftime.home';
comment on column marts.fixtures.halftime_away is 'score.halftime.away';
comment on column marts.fixtures.fulltime_home is 'score.fulltime.home: after 90 minutes.';
comment on column marts.fixtures.fulltime_away is 'score.fulltime.away';
comment on column marts.fixtures.extratime_home is 'score.extratime.home: goals in extra time only; null when none was played.';
comment on column marts.fixtures.extratime_away is 'score.extratime.away';
comment on column marts.fixtures.penalty_home is 'score.penalty.home: shoot-out kicks scored; null without a shoot-out.';
comment on column marts.fixtures.penalty_away is 'score.penalty.away';
comment on column marts.fixtures.has_standings is 'league.standings: the API keeps standings for this fixture''s league (absent in older data).';
comment on column marts.fixtures.referee_name is 'The referee''s name parsed from referee ("Anthony Taylor" of "Anthony Taylor, England"); null without a referee.';
comment on column marts.fixtures.referee_country is 'The referee''s country when referee names one after a comma ("England"); null otherwise.';
comment on column marts.fixtures.overridden_fields is 'The fields whose value here is a curated override, not the API''s (golden.overrides); empty when none.';
