-- Who is missing for a match: one row per player the API lists as out or doubtful for a fixture
-- (golden.injuries, /injuries), with the reason, an injury-or-suspension flag, and the match's
-- labels. The API lists absentees before a match; marts.sidelined has players' absence periods.
-- A filter on fixture_id, player_id or league_id and season reaches an index.
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
--   team_id integer
--   team_name text
--   opponent_id integer
--   opponent_name text
--   player_id integer
--   player_name text
--   type text
--   is_missing boolean
--   reason text
--   is_suspension boolean
create view marts.injuries as
with

injuries as (
    select fixture_id, player_id, team_id, type, reason from golden.injuries
),

fixtures as (
    select fixture_id, league_id, season, round, kickoff_at, home_team_id, away_team_id from marts.fixtures
),

seasons as (
    select league_id, season, league_name, country_name, season_label from marts.seasons
),

-- Referenced twice (team and opponent).
teams as not materialized (
    select team_id, name as team_name from marts.teams
),

players as (
    select player_id, name as player_name from marts.players
),

absences as (
    select
        injuries.*,
        fixtures.league_id,
        fixtures.season,
        fixtures.round,
        fixtures.kickoff_at,
        case when injuries.team_id = fixtures.home_team_id then fixtures.away_team_id else fixtures.home_team_id end as opponent_id
    from injuries
    join fixtures on fixtures.fixture_id = injuries.fixture_id
)

select
    absences.fixture_id,
    absences.league_id,
    seasons.league_name,
    seasons.country_name,
    absences.season,
    seasons.season_label,
    absences.round,
    absences.kickoff_at,
    absences.team_id,
    team.team_name,
    absences.opponent_id,
    opponent.team_name as opponent_name,
    absences.player_id,
    players.player_name,
    absences.type,
    absences.type = 'Missing Fixture' as is_missing,
    absences.reason,
    -- The API has no kind of absence, only its text: "Yellow Cards", "Red Card", "Suspended" are
    -- suspensions; injuries, illness and the rest are not.
    coalesce(absences.reason ~* '\mcards?\M|\msuspen', false) as is_suspension
from absences
join seasons on seasons.league_id = absences.league_id and seasons.season = absences.season
join teams as team on team.team_id = absences.team_id
join teams as opponent on opponent.team_id = absences.opponent_id
join players on players.player_id = absences.player_id;

comment on view marts.injuries is
    'Players missing or doubtful for a match (golden.injuries, from /injuries): injured, suspended or otherwise absent, with the reason and the match''s labels.';
comment on column marts.injuries.fixture_id is 'The match the player misses or may miss.';
comment on column marts.injuries.league_id is 'The competition.';
comment on column marts.injuries.league_name is 'Competition name (marts.leagues).';
comment on column marts.injuries.country_name is 'Country of the competition.';
comment on column marts.injuries.season is 'Season start year.';
comment on column marts.injuries.season_label is 'Season as people write it, e.g. 2023-24.';
comment on column marts.injuries.round is 'Round as the API names it.';
comment on column marts.injuries.kickoff_at is 'Kick-off of the match.';
comment on column marts.injuries.team_id is 'The player''s team.';
comment on column marts.injuries.team_name is 'Its name.';
comment on column marts.injuries.opponent_id is 'The team it plays.';
comment on column marts.injuries.opponent_name is 'Its name.';
comment on column marts.injuries.player_id is 'The player.';
comment on column marts.injuries.player_name is 'His name (marts.players, overrides applied).';
comment on column marts.injuries.type is 'Missing Fixture (out) or Questionable (doubtful), as the API says.';
comment on column marts.injuries.is_missing is 'He is out (type Missing Fixture), not merely doubtful.';
comment on column marts.injuries.reason is 'The API''s reason, e.g. "Knee Injury", "Yellow Cards", "Suspended".';
comment on column marts.injuries.is_suspension is 'The reason is a suspension (it names cards or a suspension); false for injuries, illness and other reasons, and when no reason is given.';
