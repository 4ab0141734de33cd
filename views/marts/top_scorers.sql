-- The scorers of each league-season, ranked by goals (equal goals share a rank, as in 1, 2, 2, 4).
-- A player who scored for two teams of the same league-season has one row, under the team he
-- played most minutes for.
-- Equal goals are then separated by tiebreak_rank, the order of the golden boot tables: goals
-- (more first), penalties scored (fewer first: more goals from open play), assists (more first),
-- minutes played (fewer first); players equal on all four share a tiebreak_rank, and are listed by
-- name, then player id. rank keeps its contracted meaning (equal goals share it); it is read from
-- the stored marts.player_season_stats (through marts.player_league_seasons, which says which team
-- is his), so ranking every league-season reads no match line.
-- Apps may rely on the columns of the contract below (src/db/contracts.ts): it may grow, but
-- removing or retyping a column takes a new version of this mart (a _v2 file beside this one).
-- contract:
--   league_id integer
--   season integer
--   rank integer
--   player_id integer
--   player_name text
--   team_id integer
--   team_name text
--   goals integer
--   assists integer
--   penalties_scored integer
--   appearances integer
--   minutes integer
--   goals_per_90 numeric
--   minutes_per_goal numeric
--   tiebreak_rank integer
--   league_name text
--   country_name text
--   season_label text
create view marts.top_scorers as
with

players as (
    select * from marts.player_league_seasons
),

ranked as (
    select
        players.*,
        rank() over (partition by league_id, season order by goals desc)::int as rank,
        rank() over (
            partition by league_id, season
            order by goals desc, penalties_scored asc, assists desc, minutes asc
        )::int as tiebreak_rank
    from players
    where goals > 0
)

select
    ranked.league_id,
    ranked.season,
    ranked.rank,
    ranked.player_id,
    ranked.player_name,
    ranked.team_id,
    ranked.team_name,
    ranked.goals,
    ranked.assists,
    ranked.penalties_scored,
    ranked.appearances,
    ranked.minutes,
    round(ranked.goals * 90.0 / nullif(ranked.minutes, 0), 2) as goals_per_90,
    round(ranked.minutes::numeric / ranked.goals, 1) as minutes_per_goal,
    ranked.tiebreak_rank,
    ranked.league_name,
    ranked.country_name,
    ranked.season_label
from ranked;

comment on view marts.top_scorers is
    'Players with at least one goal in a league-season, ranked by goals (ties share a rank), then by tiebreak_rank (fewer penalties, more assists, fewer minutes); from marts.player_season_stats, so own goals and shoot-out kicks do not count.';
comment on column marts.top_scorers.league_id is 'The competition.';
comment on column marts.top_scorers.season is 'Season start year.';
comment on column marts.top_scorers.rank is 'Rank by goals; equal goals share a rank (1, 2, 2, 4).';
comment on column marts.top_scorers.player_id is 'The player.';
comment on column marts.top_scorers.player_name is 'Player display name.';
comment on column marts.top_scorers.team_id is 'His team in this league-season (the one he played most minutes for).';
comment on column marts.top_scorers.team_name is 'Team name.';
comment on column marts.top_scorers.goals is 'Goals in the league-season, all teams.';
comment on column marts.top_scorers.assists is 'Assists in the league-season.';
comment on column marts.top_scorers.penalties_scored is 'Goals among them from penalties, as the API counts them.';
comment on column marts.top_scorers.appearances is 'Matches played.';
comment on column marts.top_scorers.minutes is 'Minutes played.';
comment on column marts.top_scorers.goals_per_90 is 'Goals per 90 minutes played.';
comment on column marts.top_scorers.minutes_per_goal is 'Minutes played per goal.';
comment on column marts.top_scorers.tiebreak_rank is 'Rank by goals, then fewer penalties scored, more assists, fewer minutes; shared only when all four are equal (list those by player_name, player_id).';
comment on column marts.top_scorers.league_name is 'Competition name.';
comment on column marts.top_scorers.country_name is 'Country of the competition.';
comment on column marts.top_scorers.season_label is 'The season as people write it (marts.seasons: 2023-24, or 2023 for a calendar-year season).';
