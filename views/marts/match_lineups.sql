-- Who played: one row per player of a team's line-up in a match (golden.fixture_lineup_players),
-- starters and substitutes, with the line-up's formation and coach and the player's position, grid
-- cell and shirt number. A line-up the API sent without its players has no rows here.
-- The line-up's key (fixture_id, team_id) leads both tables' primary keys, so a filter on fixture_id,
-- on team_id (fixture_lineups_team_idx), on player_id, or on league_id and season reaches an index.
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
--   is_home boolean
--   opponent_id integer
--   opponent_name text
--   formation text
--   coach_id integer
--   coach_name text
--   player_id integer
--   player_name text
--   shirt_number smallint
--   position text
--   grid text
--   grid_row smallint
--   grid_column smallint
--   is_starter boolean
--   list_index smallint
create view marts.match_lineups as
with

lineups as (
    select fixture_id, team_id, formation, coach_id, coach_name from golden.fixture_lineups
),

lineup_players as (
    select fixture_id, team_id, player_id, player_name, shirt_number, position, grid, is_starter, list_index
    from golden.fixture_lineup_players
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

coaches as (
    select coach_id, name as coach_name from marts.coaches
),

players as (
    select player_id, name as player_name from marts.players
),

sides as (
    select
        lineups.*,
        fixtures.league_id,
        fixtures.season,
        fixtures.round,
        fixtures.kickoff_at,
        lineups.team_id = fixtures.home_team_id as is_home,
        case when lineups.team_id = fixtures.home_team_id then fixtures.away_team_id else fixtures.home_team_id end as opponent_id
    from lineups
    join fixtures on fixtures.fixture_id = lineups.fixture_id
)

select
    sides.fixture_id,
    sides.league_id,
    seasons.league_name,
    seasons.country_name,
    sides.season,
    seasons.season_label,
    sides.round,
    sides.kickoff_at,
    sides.team_id,
    team.team_name,
    sides.is_home,
    sides.opponent_id,
    opponent.team_name as opponent_name,
    sides.formation,
    sides.coach_id,
    coalesce(coaches.coach_name, sides.coach_name) as coach_name,
    lineup_players.player_id,
    coalesce(players.player_name, lineup_players.player_name) as player_name,
    lineup_players.shirt_number,
    lineup_players.position,
    lineup_players.grid,
    split_part(lineup_players.grid, ':', 1)::smallint as grid_row,
    split_part(lineup_players.grid, ':', 2)::smallint as grid_column,
    lineup_players.is_starter,
    lineup_players.list_index
from sides
join lineup_players on lineup_players.fixture_id = sides.fixture_id and lineup_players.team_id = sides.team_id
join seasons on seasons.league_id = sides.league_id and seasons.season = sides.season
join teams as team on team.team_id = sides.team_id
join teams as opponent on opponent.team_id = sides.opponent_id
left join coaches on coaches.coach_id = sides.coach_id
left join players on players.player_id = lineup_players.player_id;

comment on view marts.match_lineups is
    'Line-ups: one row per player named in a team''s line-up for a match (starters and substitutes), with formation, coach, position, grid cell and shirt number.';
comment on column marts.match_lineups.fixture_id is 'The match.';
comment on column marts.match_lineups.league_id is 'The competition.';
comment on column marts.match_lineups.league_name is 'Competition name (marts.leagues).';
comment on column marts.match_lineups.country_name is 'Country of the competition.';
comment on column marts.match_lineups.season is 'Season start year.';
comment on column marts.match_lineups.season_label is 'Season as people write it, e.g. 2023-24.';
comment on column marts.match_lineups.round is 'Round as the API names it.';
comment on column marts.match_lineups.kickoff_at is 'Kick-off of the match.';
comment on column marts.match_lineups.team_id is 'The team of the line-up.';
comment on column marts.match_lineups.team_name is 'Its name.';
comment on column marts.match_lineups.is_home is 'The team played at home.';
comment on column marts.match_lineups.opponent_id is 'The other team.';
comment on column marts.match_lineups.opponent_name is 'Its name.';
comment on column marts.match_lineups.formation is 'The team''s formation, e.g. 4-3-3; null when the API gives none.';
comment on column marts.match_lineups.coach_id is 'The coach named in the line-up.';
comment on column marts.match_lineups.coach_name is 'His name (marts.coaches, overrides applied), else as the line-up gives it.';
comment on column marts.match_lineups.player_id is 'The player.';
comment on column marts.match_lineups.player_name is 'His name (marts.players, overrides applied), else as the line-up gives it.';
comment on column marts.match_lineups.shirt_number is 'Shirt number in this match.';
comment on column marts.match_lineups.position is 'G, D, M or F.';
comment on column marts.match_lineups.grid is 'Cell on the pitch as "row:column" for starters (1:1 is the goalkeeper); null for substitutes.';
comment on column marts.match_lineups.grid_row is 'The row of grid: 1 the goalkeeper, then each line of the formation towards the opponent''s goal.';
comment on column marts.match_lineups.grid_column is 'The column of grid within its row.';
comment on column marts.match_lineups.is_starter is 'In the starting XI (true) or among the substitutes (false).';
comment on column marts.match_lineups.list_index is 'Position in the API''s starting XI or substitutes list.';
