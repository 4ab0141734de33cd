-- Each player's statistics in a match (golden.fixture_player_stats), with his name, team, opponent
-- and the match's labels. Unused substitutes have a row with null minutes and rating; most counters
-- are null rather than 0 when the API sent nothing.
-- A filter on fixture_id, team_id, player_id (each has an index on the table) or league_id and season
-- reaches an index.
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
--   player_id integer
--   player_name text
--   shirt_number smallint
--   position text
--   is_captain boolean
--   is_substitute boolean
--   minutes integer
--   rating numeric
--   goals integer
--   assists integer
--   shots_total integer
--   shots_on integer
--   passes_total integer
--   passes_key integer
--   passes_accurate integer
--   tackles_total integer
--   blocks integer
--   interceptions integer
--   duels_total integer
--   duels_won integer
--   dribbles_attempts integer
--   dribbles_success integer
--   dribbles_past integer
--   fouls_drawn integer
--   fouls_committed integer
--   offsides integer
--   yellow_cards integer
--   red_cards integer
--   saves integer
--   goals_conceded integer
--   penalties_won integer
--   penalties_committed integer
--   penalties_scored integer
--   penalties_missed integer
--   penalties_saved integer
create view marts.match_player_stats as
with

player_stats as (
    select * from golden.fixture_player_stats
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

lines as (
    select
        player_stats.*,
        fixtures.league_id,
        fixtures.season,
        fixtures.round,
        fixtures.kickoff_at,
        player_stats.team_id = fixtures.home_team_id as is_home,
        case when player_stats.team_id = fixtures.home_team_id then fixtures.away_team_id else fixtures.home_team_id end as opponent_id
    from player_stats
    join fixtures on fixtures.fixture_id = player_stats.fixture_id
)

select
    lines.fixture_id,
    lines.league_id,
    seasons.league_name,
    seasons.country_name,
    lines.season,
    seasons.season_label,
    lines.round,
    lines.kickoff_at,
    lines.team_id,
    team.team_name,
    lines.is_home,
    lines.opponent_id,
    opponent.team_name as opponent_name,
    lines.player_id,
    players.player_name,
    lines.shirt_number,
    lines.position,
    lines.is_captain,
    lines.is_substitute,
    lines.minutes,
    lines.rating,
    lines.goals,
    lines.assists,
    lines.shots_total,
    lines.shots_on,
    lines.passes_total,
    lines.passes_key,
    lines.passes_accurate,
    lines.tackles_total,
    lines.blocks,
    lines.interceptions,
    lines.duels_total,
    lines.duels_won,
    lines.dribbles_attempts,
    lines.dribbles_success,
    lines.dribbles_past,
    lines.fouls_drawn,
    lines.fouls_committed,
    lines.offsides,
    lines.yellow_cards,
    lines.red_cards,
    lines.saves,
    lines.goals_conceded,
    lines.penalties_won,
    lines.penalties_committed,
    lines.penalties_scored,
    lines.penalties_missed,
    lines.penalties_saved
from lines
join seasons on seasons.league_id = lines.league_id and seasons.season = lines.season
join teams as team on team.team_id = lines.team_id
join teams as opponent on opponent.team_id = lines.opponent_id
join players on players.player_id = lines.player_id;

comment on view marts.match_player_stats is
    'Each player''s statistics in a match (golden.fixture_player_stats) with names, team, opponent and the match''s labels.';
comment on column marts.match_player_stats.fixture_id is 'The match.';
comment on column marts.match_player_stats.league_id is 'The competition.';
comment on column marts.match_player_stats.league_name is 'Competition name (marts.leagues).';
comment on column marts.match_player_stats.country_name is 'Country of the competition.';
comment on column marts.match_player_stats.season is 'Season start year.';
comment on column marts.match_player_stats.season_label is 'Season as people write it, e.g. 2023-24.';
comment on column marts.match_player_stats.round is 'Round as the API names it.';
comment on column marts.match_player_stats.kickoff_at is 'Kick-off of the match.';
comment on column marts.match_player_stats.team_id is 'The team he played for.';
comment on column marts.match_player_stats.team_name is 'Its name.';
comment on column marts.match_player_stats.is_home is 'His team played at home.';
comment on column marts.match_player_stats.opponent_id is 'The other team.';
comment on column marts.match_player_stats.opponent_name is 'Its name.';
comment on column marts.match_player_stats.player_id is 'The player.';
comment on column marts.match_player_stats.player_name is 'His name (marts.players, overrides applied).';
comment on column marts.match_player_stats.shirt_number is 'Shirt number in this match.';
comment on column marts.match_player_stats.position is 'G, D, M or F.';
comment on column marts.match_player_stats.is_captain is 'He captained the team.';
comment on column marts.match_player_stats.is_substitute is 'He started on the bench.';
comment on column marts.match_player_stats.minutes is 'Minutes played; null for an unused substitute.';
comment on column marts.match_player_stats.rating is 'The API''s match rating (0 to 10); null when not rated.';
comment on column marts.match_player_stats.goals is 'Goals scored, own goals excluded.';
comment on column marts.match_player_stats.assists is 'Assists.';
comment on column marts.match_player_stats.shots_total is 'Shots.';
comment on column marts.match_player_stats.shots_on is 'Shots on target.';
comment on column marts.match_player_stats.passes_total is 'Passes.';
comment on column marts.match_player_stats.passes_key is 'Key passes (leading to a shot).';
comment on column marts.match_player_stats.passes_accurate is 'Accurate passes (a count, not a percentage).';
comment on column marts.match_player_stats.tackles_total is 'Tackles.';
comment on column marts.match_player_stats.blocks is 'Blocks.';
comment on column marts.match_player_stats.interceptions is 'Interceptions.';
comment on column marts.match_player_stats.duels_total is 'Duels contested.';
comment on column marts.match_player_stats.duels_won is 'Duels won.';
comment on column marts.match_player_stats.dribbles_attempts is 'Dribbles attempted.';
comment on column marts.match_player_stats.dribbles_success is 'Successful dribbles.';
comment on column marts.match_player_stats.dribbles_past is 'Times he was dribbled past.';
comment on column marts.match_player_stats.fouls_drawn is 'Fouls suffered.';
comment on column marts.match_player_stats.fouls_committed is 'Fouls committed.';
comment on column marts.match_player_stats.offsides is 'Offsides.';
comment on column marts.match_player_stats.yellow_cards is 'Yellow cards.';
comment on column marts.match_player_stats.red_cards is 'Red cards.';
comment on column marts.match_player_stats.saves is 'Saves (goalkeepers).';
comment on column marts.match_player_stats.goals_conceded is 'Goals conceded while he played (goalkeepers).';
comment on column marts.match_player_stats.penalties_won is 'Penalties won.';
comment on column marts.match_player_stats.penalties_committed is 'Penalties conceded.';
comment on column marts.match_player_stats.penalties_scored is 'Penalties scored (shoot-out excluded).';
comment on column marts.match_player_stats.penalties_missed is 'Penalties missed.';
comment on column marts.match_player_stats.penalties_saved is 'Penalties saved (goalkeepers).';
