-- One row per fixture with everything that names it: competition, country, season label, round,
-- both teams by name, where it was played and who refereed, and the score. marts.fixtures has the
-- venue and referee already, but by id and as the API wrote them; this is the row an analyst reads
-- a match by, without golden. Who won (shoot-outs, awarded matches) is marts.fixture_results'.
-- Built on marts.fixtures (no WITH inside), so a filter on fixture_id, league_id and season, or on
-- home_team_id or away_team_id, reaches the indexes of golden.fixtures.
-- Apps may rely on the columns of the contract below (src/db/contracts.ts): it may grow, but
-- removing or retyping a column takes a new version of this mart (a _v2 file beside this one).
-- contract:
--   fixture_id integer
--   league_id integer
--   league_name text
--   country_name text
--   season integer
--   season_label text
--   round text
--   kickoff_at timestamp with time zone
--   status text
--   status_long text
--   status_category text
--   home_team_id integer
--   home_team_name text
--   away_team_id integer
--   away_team_name text
--   home_goals smallint
--   away_goals smallint
--   halftime_home smallint
--   halftime_away smallint
--   home_penalties smallint
--   away_penalties smallint
--   venue_id integer
--   venue_name text
--   venue_city text
--   referee_name text
--   referee_country text
create view marts.matches as
with

fixtures as (
    select * from marts.fixtures
),

statuses as (
    select status_short, category from golden.fixture_statuses
),

seasons as (
    select league_id, season, league_name, country_name, season_label from marts.seasons
),

-- Referenced twice (home and away): not materialized, so each join reaches golden.teams' key.
teams as not materialized (
    select team_id, name as team_name from marts.teams
),

venues as (
    select venue_id, name as venue_name, city as venue_city from marts.venues
)

select
    fixtures.fixture_id,
    fixtures.league_id,
    seasons.league_name,
    seasons.country_name,
    fixtures.season,
    seasons.season_label,
    fixtures.round,
    fixtures.kickoff_at,
    fixtures.status_short as status,
    fixtures.status_long,
    statuses.category as status_category,
    fixtures.home_team_id,
    home.team_name as home_team_name,
    fixtures.away_team_id,
    away.team_name as away_team_name,
    fixtures.goals_home as home_goals,
    fixtures.goals_away as away_goals,
    fixtures.halftime_home,
    fixtures.halftime_away,
    fixtures.penalty_home as home_penalties,
    fixtures.penalty_away as away_penalties,
    fixtures.venue_id,
    -- The stadium as curated (marts.venues) when the match names one, else as the fixture gives it.
    coalesce(venues.venue_name, fixtures.venue_name) as venue_name,
    coalesce(venues.venue_city, fixtures.venue_city) as venue_city,
    fixtures.referee_name,
    fixtures.referee_country
from fixtures
join statuses on statuses.status_short = fixtures.status_short
join seasons on seasons.league_id = fixtures.league_id and seasons.season = fixtures.season
join teams as home on home.team_id = fixtures.home_team_id
join teams as away on away.team_id = fixtures.away_team_id
left join venues on venues.venue_id = fixtures.venue_id;

comment on view marts.matches is
    'One row per fixture, every status, with its labels: competition, country, season label, team names, venue and referee, and the score. marts.fixture_results says who won.';
comment on column marts.matches.fixture_id is 'API-Football fixture id.';
comment on column marts.matches.league_id is 'The competition.';
comment on column marts.matches.league_name is 'Competition name (marts.leagues, overrides applied).';
comment on column marts.matches.country_name is 'Country of the competition ("World" for international ones).';
comment on column marts.matches.season is 'Season start year.';
comment on column marts.matches.season_label is 'Season as people write it, e.g. 2023-24 (marts.seasons).';
comment on column marts.matches.round is 'Round as the API names it, e.g. "Regular Season - 1", "Final".';
comment on column marts.matches.kickoff_at is 'Kick-off, time zone aware.';
comment on column marts.matches.status is 'Status code, e.g. NS, FT, AET, PEN, PST, AWD.';
comment on column marts.matches.status_long is 'Status text as the API sent it.';
comment on column marts.matches.status_category is 'scheduled, in_play, finished, postponed, cancelled, abandoned or awarded.';
comment on column marts.matches.home_team_id is 'Home team.';
comment on column marts.matches.home_team_name is 'Home team name (marts.teams, overrides applied).';
comment on column marts.matches.away_team_id is 'Away team.';
comment on column marts.matches.away_team_name is 'Away team name.';
comment on column marts.matches.home_goals is 'Home goals after extra time, shoot-out excluded; the awarded score for AWD/WO; null before kick-off.';
comment on column marts.matches.away_goals is 'Away goals, as home_goals.';
comment on column marts.matches.halftime_home is 'Home goals at half time.';
comment on column marts.matches.halftime_away is 'Away goals at half time.';
comment on column marts.matches.home_penalties is 'Home kicks scored in the penalty shoot-out; null without one.';
comment on column marts.matches.away_penalties is 'Away kicks scored in the penalty shoot-out; null without one.';
comment on column marts.matches.venue_id is 'The stadium; null when the API gives none.';
comment on column marts.matches.venue_name is 'Stadium name: marts.venues'' (curated) when the match has a venue_id, else as the fixture gives it.';
comment on column marts.matches.venue_city is 'Stadium city, as venue_name.';
comment on column marts.matches.referee_name is 'The referee, parsed from the API''s referee text; null when none is known.';
comment on column marts.matches.referee_country is 'The referee''s country when the API names one, else null.';
