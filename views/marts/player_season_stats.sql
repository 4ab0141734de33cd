-- A player's season for one team in one league-season, summed from golden.fixture_player_stats of
-- the fixtures that count (finished or awarded). Goals are the API's goals.total per match, which
-- excludes own goals and shoot-out kicks, so they equal the player's goal events of those fixtures.
-- Apps may rely on the columns of the contract below (src/db/contracts.ts): it may grow, but
-- removing or retyping a column takes a new version of this mart (a _v2 file beside this one).
-- contract:
--   league_id integer
--   season integer
--   team_id integer
--   team_name text
--   player_id integer
--   player_name text
--   appearances integer
--   starts integer
--   minutes integer
--   goals integer
--   assists integer
--   penalties_scored integer
--   penalties_missed integer
--   shots integer
--   shots_on_target integer
--   key_passes integer
--   yellow_cards integer
--   red_cards integer
--   average_rating numeric
--   rated_matches integer
--   goals_per_90 numeric
--   assists_per_90 numeric
--   goal_contributions_per_90 numeric
--   shots_per_90 numeric
create view marts.player_season_stats as
with

player_stats as (
    select * from golden.fixture_player_stats
),

-- marts.fixtures rather than marts.fixture_results: a view built on WITH is planned as a
-- separate subquery, which a join on fixture_id cannot reach by index.
fixtures as (
    select fixture_id, league_id, season, status_short from marts.fixtures
),

statuses as (
    select status_short, category from golden.fixture_statuses
),

players as (
    select player_id, name as player_name from marts.players
),

teams as (
    select team_id, name as team_name from marts.teams
),

season_lines as (
    select
        fixtures.league_id,
        fixtures.season,
        player_stats.team_id,
        player_stats.player_id,
        (count(*) filter (where player_stats.minutes > 0))::int as appearances,
        (count(*) filter (where player_stats.minutes > 0 and player_stats.is_substitute is false))::int as starts,
        coalesce(sum(player_stats.minutes), 0)::int as minutes,
        coalesce(sum(player_stats.goals), 0)::int as goals,
        coalesce(sum(player_stats.assists), 0)::int as assists,
        coalesce(sum(player_stats.penalties_scored), 0)::int as penalties_scored,
        coalesce(sum(player_stats.penalties_missed), 0)::int as penalties_missed,
        coalesce(sum(player_stats.shots_total), 0)::int as shots,
        coalesce(sum(player_stats.shots_on), 0)::int as shots_on_target,
        coalesce(sum(player_stats.passes_key), 0)::int as key_passes,
        coalesce(sum(player_stats.yellow_cards), 0)::int as yellow_cards,
        coalesce(sum(player_stats.red_cards), 0)::int as red_cards,
        round(avg(player_stats.rating), 2) as average_rating,
        count(player_stats.rating)::int as rated_matches
    from player_stats
    join fixtures on fixtures.fixture_id = player_stats.fixture_id
    join statuses on statuses.status_short = fixtures.status_short
    where statuses.category in ('finished', 'awarded')
    group by fixtures.league_id, fixtures.season, player_stats.team_id, player_stats.player_id
)

select
    season_lines.league_id,
    season_lines.season,
    season_lines.team_id,
    teams.team_name,
    season_lines.player_id,
    players.player_name,
    season_lines.appearances,
    season_lines.starts,
    season_lines.minutes,
    season_lines.goals,
    season_lines.assists,
    season_lines.penalties_scored,
    season_lines.penalties_missed,
    season_lines.shots,
    season_lines.shots_on_target,
    season_lines.key_passes,
    season_lines.yellow_cards,
    season_lines.red_cards,
    season_lines.average_rating,
    season_lines.rated_matches,
    round(season_lines.goals * 90.0 / nullif(season_lines.minutes, 0), 2) as goals_per_90,
    round(season_lines.assists * 90.0 / nullif(season_lines.minutes, 0), 2) as assists_per_90,
    round((season_lines.goals + season_lines.assists) * 90.0 / nullif(season_lines.minutes, 0), 2) as goal_contributions_per_90,
    round(season_lines.shots * 90.0 / nullif(season_lines.minutes, 0), 2) as shots_per_90
from season_lines
join players on players.player_id = season_lines.player_id
join teams on teams.team_id = season_lines.team_id;

comment on view marts.player_season_stats is
    'A player''s season for one team in one league-season, summed from golden.fixture_player_stats of finished and awarded fixtures; goals exclude own goals and shoot-out kicks.';
comment on column marts.player_season_stats.league_id is 'The competition.';
comment on column marts.player_season_stats.season is 'Season start year.';
comment on column marts.player_season_stats.team_id is 'The team he played for (a player who changed team within the league-season has one row per team).';
comment on column marts.player_season_stats.team_name is 'Team name.';
comment on column marts.player_season_stats.player_id is 'The player.';
comment on column marts.player_season_stats.player_name is 'Player display name.';
comment on column marts.player_season_stats.appearances is 'Matches in which he played (minutes > 0).';
comment on column marts.player_season_stats.starts is 'Matches he started (games.substitute false) and played.';
comment on column marts.player_season_stats.minutes is 'Minutes played.';
comment on column marts.player_season_stats.goals is 'Goals (goals.total: own goals and shoot-out kicks excluded).';
comment on column marts.player_season_stats.assists is 'Assists.';
comment on column marts.player_season_stats.penalties_scored is 'Penalties scored (penalty.scored as the API counts it).';
comment on column marts.player_season_stats.penalties_missed is 'Penalties missed (penalty.missed as the API counts it).';
comment on column marts.player_season_stats.shots is 'Shots.';
comment on column marts.player_season_stats.shots_on_target is 'Shots on target.';
comment on column marts.player_season_stats.key_passes is 'Passes that led to a shot.';
comment on column marts.player_season_stats.yellow_cards is 'Yellow cards.';
comment on column marts.player_season_stats.red_cards is 'Red cards.';
comment on column marts.player_season_stats.average_rating is 'Mean of the match ratings he was given (2 decimals); null if never rated.';
comment on column marts.player_season_stats.rated_matches is 'Matches with a rating, the base of average_rating.';
comment on column marts.player_season_stats.goals_per_90 is 'Goals per 90 minutes played; null without minutes.';
comment on column marts.player_season_stats.assists_per_90 is 'Assists per 90 minutes played; null without minutes.';
comment on column marts.player_season_stats.goal_contributions_per_90 is 'Goals plus assists per 90 minutes played; null without minutes.';
comment on column marts.player_season_stats.shots_per_90 is 'Shots per 90 minutes played; null without minutes.';
