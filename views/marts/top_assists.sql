-- The assist makers of each league-season, ranked by assists (equal assists share a rank, as in 1,
-- 2, 2, 4), as the API's /players/topassists lists them. A player who assisted for two teams of the
-- same league-season has one row, under the team he played most minutes for.
-- tiebreak_rank separates equal assists: assists (more first), key passes (more first: he made
-- more chances), goals (more first), minutes played (fewer first); players equal on all four share
-- it, and are listed by name, then player id. Read from marts.player_league_seasons (the stored
-- player_season_stats, his teams of the league-season together).
-- Apps may rely on the columns of the contract below (src/db/contracts.ts): it may grow, but
-- removing or retyping a column takes a new version of this mart (a _v2 file beside this one).
-- contract:
--   league_id integer
--   season integer
--   league_name text
--   country_name text
--   season_label text
--   rank integer
--   tiebreak_rank integer
--   player_id integer
--   player_name text
--   team_id integer
--   team_name text
--   assists integer
--   key_passes integer
--   goals integer
--   appearances integer
--   minutes integer
--   assists_per_90 numeric
--   minutes_per_assist numeric
create view marts.top_assists as
with

players as (
    select * from marts.player_league_seasons
),

ranked as (
    select
        players.*,
        rank() over (partition by league_id, season order by assists desc)::int as rank,
        rank() over (
            partition by league_id, season
            order by assists desc, key_passes desc, goals desc, minutes asc
        )::int as tiebreak_rank
    from players
    where assists > 0
)

select
    ranked.league_id,
    ranked.season,
    ranked.league_name,
    ranked.country_name,
    ranked.season_label,
    ranked.rank,
    ranked.tiebreak_rank,
    ranked.player_id,
    ranked.player_name,
    ranked.team_id,
    ranked.team_name,
    ranked.assists,
    ranked.key_passes,
    ranked.goals,
    ranked.appearances,
    ranked.minutes,
    round(ranked.assists * 90.0 / nullif(ranked.minutes, 0), 2) as assists_per_90,
    round(ranked.minutes::numeric / ranked.assists, 1) as minutes_per_assist
from ranked;

comment on view marts.top_assists is
    'Players with at least one assist in a league-season, ranked by assists (ties share a rank), then by tiebreak_rank (more key passes, more goals, fewer minutes); from marts.player_season_stats.';
comment on column marts.top_assists.league_id is 'The competition.';
comment on column marts.top_assists.season is 'Season start year.';
comment on column marts.top_assists.league_name is 'Competition name.';
comment on column marts.top_assists.country_name is 'Country of the competition.';
comment on column marts.top_assists.season_label is 'The season as people write it (marts.seasons: 2023-24, or 2023 for a calendar-year season).';
comment on column marts.top_assists.rank is 'Rank by assists; equal assists share a rank (1, 2, 2, 4).';
comment on column marts.top_assists.tiebreak_rank is 'Rank by assists, then more key passes, more goals, fewer minutes; shared only when all four are equal (list those by player_name, player_id).';
comment on column marts.top_assists.player_id is 'The player.';
comment on column marts.top_assists.player_name is 'Player display name.';
comment on column marts.top_assists.team_id is 'His team in this league-season (the one he played most minutes for).';
comment on column marts.top_assists.team_name is 'Team name.';
comment on column marts.top_assists.assists is 'Assists in the league-season, all teams.';
comment on column marts.top_assists.key_passes is 'Passes that led to a shot.';
comment on column marts.top_assists.goals is 'Goals (own goals and shoot-out kicks excluded).';
comment on column marts.top_assists.appearances is 'Matches played.';
comment on column marts.top_assists.minutes is 'Minutes played.';
comment on column marts.top_assists.assists_per_90 is 'Assists per 90 minutes played.';
comment on column marts.top_assists.minutes_per_assist is 'Minutes played per assist.';
