-- Which club each player was at, and when, as the squads recorded it (history.squad_players_history;
-- squads are loaded with `etl run --with squads`): one row per spell, from the load that first
-- listed him in the club's squad to the load whose squad no longer did (valid_to null: he is there
-- now). Versions of one membership that follow each other (a new shirt number) are one spell.
-- The club of player P on date D:
--   select team_id, team_name from marts.player_clubs
--   where player_id = P and valid_from <= D and (valid_to is null or valid_to > D)
-- Apps may rely on the columns of the contract below (src/db/contracts.ts): it may grow, but
-- removing or retyping a column takes a new version of this mart (a _v2 file beside this one).
-- contract:
--   player_id integer
--   player_name text
--   team_id integer
--   team_name text
--   valid_from timestamp with time zone
--   valid_to timestamp with time zone
--   is_current boolean
create view marts.player_clubs as
with

memberships as (
    select team_id, player_id, valid_from, valid_to from history.squad_players_history
),

players as (
    select player_id, name as player_name from marts.players
),

teams as (
    select team_id, name as team_name from marts.teams
),

-- A version that starts when the one before it ended continues its spell.
marked as (
    select
        memberships.*,
        case
            when lag(valid_to) over (partition by player_id, team_id order by valid_from) = valid_from then 0
            else 1
        end as starts_spell
    from memberships
),

numbered as (
    select
        marked.*,
        sum(starts_spell) over (partition by player_id, team_id order by valid_from rows unbounded preceding) as spell
    from marked
),

spells as (
    select
        player_id,
        team_id,
        min(valid_from) as valid_from,
        case when bool_and(valid_to is not null) then max(valid_to) end as valid_to
    from numbered
    group by player_id, team_id, spell
)

select
    spells.player_id,
    players.player_name,
    spells.team_id,
    teams.team_name,
    spells.valid_from,
    spells.valid_to,
    spells.valid_to is null as is_current
from spells
join players on players.player_id = spells.player_id
join teams on teams.team_id = spells.team_id;

comment on view marts.player_clubs is
    'Players'' spells at clubs as the squads recorded them (history.squad_players_history, etl run --with squads): the club of player P on date D is the row with player_id = P and valid_from <= D < valid_to (or valid_to null).';
comment on column marts.player_clubs.player_id is 'The player.';
comment on column marts.player_clubs.player_name is 'Player name.';
comment on column marts.player_clubs.team_id is 'The club.';
comment on column marts.player_clubs.team_name is 'Club name.';
comment on column marts.player_clubs.valid_from is 'When a loaded squad of the club first listed him (the start of that load''s transaction).';
comment on column marts.player_clubs.valid_to is 'When a loaded squad of the club no longer listed him; null while he is in it.';
comment on column marts.player_clubs.is_current is 'He is in the club''s squad now.';
