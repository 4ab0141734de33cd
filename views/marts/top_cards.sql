-- The most booked players of each league-season: every player shown at least one card, ranked by
-- yellow cards then red cards (equal counts share a rank, as in 1, 2, 2, 4), as the API's
-- /players/topyellowcards orders them; red_rank ranks the sent-off players by red cards alone
-- (/players/topredcards). A player booked for two teams of the same league-season has one row,
-- under the team he played most minutes for.
-- tiebreak_rank separates equal counts: yellow cards (more first), red cards (more first), fouls
-- committed (more first), minutes played (fewer first: booked more often per minute); players
-- equal on all four share it, and are listed by name, then player id. Cards are those of
-- golden.fixture_player_stats (cards.yellow, cards.red): a second yellow counts as the API counts it.
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
--   red_rank integer
--   player_id integer
--   player_name text
--   team_id integer
--   team_name text
--   yellow_cards integer
--   red_cards integer
--   fouls_committed integer
--   appearances integer
--   minutes integer
--   minutes_per_card numeric
create view marts.top_cards as
with

players as (
    select * from marts.player_league_seasons
),

ranked as (
    select
        players.*,
        rank() over (partition by league_id, season order by yellow_cards desc, red_cards desc)::int as rank,
        rank() over (
            partition by league_id, season
            order by yellow_cards desc, red_cards desc, fouls_committed desc, minutes asc
        )::int as tiebreak_rank,
        -- Partitioned by whether he was sent off, so the others' numbers do not count against them.
        case when red_cards > 0
            then rank() over (partition by league_id, season, red_cards > 0 order by red_cards desc)::int
        end as red_rank
    from players
    where yellow_cards > 0 or red_cards > 0
)

select
    ranked.league_id,
    ranked.season,
    ranked.league_name,
    ranked.country_name,
    ranked.season_label,
    ranked.rank,
    ranked.tiebreak_rank,
    ranked.red_rank,
    ranked.player_id,
    ranked.player_name,
    ranked.team_id,
    ranked.team_name,
    ranked.yellow_cards,
    ranked.red_cards,
    ranked.fouls_committed,
    ranked.appearances,
    ranked.minutes,
    round(ranked.minutes::numeric / (ranked.yellow_cards + ranked.red_cards), 1) as minutes_per_card
from ranked;

comment on view marts.top_cards is
    'Players shown at least one card in a league-season, ranked by yellow then red cards (ties share a rank), then by tiebreak_rank; red_rank ranks the sent-off players; from marts.player_season_stats.';
comment on column marts.top_cards.league_id is 'The competition.';
comment on column marts.top_cards.season is 'Season start year.';
comment on column marts.top_cards.league_name is 'Competition name.';
comment on column marts.top_cards.country_name is 'Country of the competition.';
comment on column marts.top_cards.season_label is 'The season as people write it (marts.seasons: 2023-24, or 2023 for a calendar-year season).';
comment on column marts.top_cards.rank is 'Rank by yellow cards, then red cards; equal counts share a rank (1, 2, 2, 4).';
comment on column marts.top_cards.tiebreak_rank is 'Rank by yellow cards, red cards, more fouls committed, fewer minutes; shared only when all four are equal (list those by player_name, player_id).';
comment on column marts.top_cards.red_rank is 'Rank by red cards among the players sent off (equal counts share it); null for a player never sent off.';
comment on column marts.top_cards.player_id is 'The player.';
comment on column marts.top_cards.player_name is 'Player display name.';
comment on column marts.top_cards.team_id is 'His team in this league-season (the one he played most minutes for).';
comment on column marts.top_cards.team_name is 'Team name.';
comment on column marts.top_cards.yellow_cards is 'Yellow cards in the league-season, all teams.';
comment on column marts.top_cards.red_cards is 'Red cards in the league-season, all teams.';
comment on column marts.top_cards.fouls_committed is 'Fouls committed.';
comment on column marts.top_cards.appearances is 'Matches played.';
comment on column marts.top_cards.minutes is 'Minutes played.';
comment on column marts.top_cards.minutes_per_card is 'Minutes played per card shown (yellow and red).';
