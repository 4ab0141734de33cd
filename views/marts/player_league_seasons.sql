-- A player's whole league-season, all his teams of it together: one row per player per
-- league-season, with the counts of marts.player_season_stats summed over his teams and the team he
-- played most minutes for (then the lowest team id) as his team. A player who moved between two
-- clubs of one league in January has one row here and two in player_season_stats.
-- top_scorers, top_assists and top_cards rank these rows: the rule for "his team" is stated once.
-- Read from the stored marts.player_season_stats, so a query over every league-season reads no
-- match line; a filter on one league-season reaches that mart's index in both places it is read.
-- Apps may rely on the columns of the contract below (src/db/contracts.ts): it may grow, but
-- removing or retyping a column takes a new version of this mart (a _v2 file beside this one).
-- contract:
--   league_id integer
--   season integer
--   league_name text
--   country_name text
--   season_label text
--   player_id integer
--   player_name text
--   team_id integer
--   team_name text
--   teams integer
--   appearances integer
--   starts integer
--   minutes integer
--   goals integer
--   assists integer
--   penalties_scored integer
--   key_passes integer
--   yellow_cards integer
--   red_cards integer
--   fouls_committed integer
create view marts.player_league_seasons as
with

-- Referenced twice (the sums, then the row of his main team): not materialized, so a filter on one
-- league-season reaches the index of the stored mart in both places.
player_season_stats as not materialized (
    select * from marts.player_season_stats
),

per_player as (
    select
        league_id,
        season,
        player_id,
        -- His team: most minutes, then the lowest team id (an int array compares element by
        -- element, which is cheaper than ordering an array_agg per player).
        -(max(array[minutes, -team_id]))[2] as team_id,
        count(*)::int as teams,
        sum(appearances)::int as appearances,
        sum(starts)::int as starts,
        sum(minutes)::int as minutes,
        sum(goals)::int as goals,
        sum(assists)::int as assists,
        sum(penalties_scored)::int as penalties_scored,
        sum(key_passes)::int as key_passes,
        sum(yellow_cards)::int as yellow_cards,
        sum(red_cards)::int as red_cards,
        sum(fouls_committed)::int as fouls_committed
    from player_season_stats
    group by league_id, season, player_id
)

select
    per_player.league_id,
    per_player.season,
    main.league_name,
    main.country_name,
    main.season_label,
    per_player.player_id,
    main.player_name,
    per_player.team_id,
    main.team_name,
    per_player.teams,
    per_player.appearances,
    per_player.starts,
    per_player.minutes,
    per_player.goals,
    per_player.assists,
    per_player.penalties_scored,
    per_player.key_passes,
    per_player.yellow_cards,
    per_player.red_cards,
    per_player.fouls_committed
from per_player
join player_season_stats as main
    on main.league_id = per_player.league_id
    and main.season = per_player.season
    and main.team_id = per_player.team_id
    and main.player_id = per_player.player_id;

comment on view marts.player_league_seasons is
    'One row per player per league-season, all his teams of it together: the counts of marts.player_season_stats summed, under the team he played most minutes for. The rows top_scorers, top_assists and top_cards rank.';
comment on column marts.player_league_seasons.league_id is 'The competition.';
comment on column marts.player_league_seasons.season is 'Season start year.';
comment on column marts.player_league_seasons.league_name is 'Competition name.';
comment on column marts.player_league_seasons.country_name is 'Country of the competition.';
comment on column marts.player_league_seasons.season_label is 'The season as people write it (marts.seasons: 2023-24, or 2023 for a calendar-year season).';
comment on column marts.player_league_seasons.player_id is 'The player.';
comment on column marts.player_league_seasons.player_name is 'Player display name.';
comment on column marts.player_league_seasons.team_id is 'His team in this league-season: the one he played most minutes for, then the lowest team id.';
comment on column marts.player_league_seasons.team_name is 'Team name.';
comment on column marts.player_league_seasons.teams is 'How many teams of this league-season he has statistics for (2 after a move within the league).';
comment on column marts.player_league_seasons.appearances is 'Matches played, all his teams.';
comment on column marts.player_league_seasons.starts is 'Matches started, all his teams.';
comment on column marts.player_league_seasons.minutes is 'Minutes played, all his teams.';
comment on column marts.player_league_seasons.goals is 'Goals, all his teams (no own goals, no shoot-out kicks).';
comment on column marts.player_league_seasons.assists is 'Assists, all his teams.';
comment on column marts.player_league_seasons.penalties_scored is 'Goals among them from penalties, as the API counts them.';
comment on column marts.player_league_seasons.key_passes is 'Key passes, all his teams.';
comment on column marts.player_league_seasons.yellow_cards is 'Yellow cards, all his teams (as the API counts a second yellow).';
comment on column marts.player_league_seasons.red_cards is 'Red cards, all his teams.';
comment on column marts.player_league_seasons.fouls_committed is 'Fouls committed, all his teams.';
