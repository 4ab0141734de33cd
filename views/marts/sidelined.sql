-- Players' absences with names (golden.sidelined, loaded with `etl run --with sidelined` for the
-- players the injuries name): what kept them out, from when to when, and for how long.
-- Apps may rely on the columns of the contract below (src/db/contracts.ts): it may grow, but
-- removing or retyping a column takes a new version of this mart (a _v2 file beside this one).
-- contract:
--   player_id integer
--   player_name text
--   type text
--   start_date date
--   end_date date
--   is_ongoing boolean
--   days integer
create view marts.sidelined as
with

absences as (
    select player_id, start_date, end_date, type from golden.sidelined
),

players as (
    select player_id, name as player_name from marts.players
),

final as (
    select
        absences.player_id,
        players.player_name,
        absences.type,
        absences.start_date,
        absences.end_date,
        absences.end_date is null as is_ongoing,
        coalesce(absences.end_date, current_date) - absences.start_date + 1 as days
    from absences
    join players on players.player_id = absences.player_id
)

select * from final;

comment on view marts.sidelined is
    'Players'' absences (golden.sidelined, loaded with etl run --with sidelined for the players the injuries name): the cause as the API words it, the dates, and the days out.';
comment on column marts.sidelined.player_id is 'The player.';
comment on column marts.sidelined.player_name is 'Player name.';
comment on column marts.sidelined.type is 'The cause as the API words it, e.g. "Hamstring Injury", "Suspended".';
comment on column marts.sidelined.start_date is 'First day out.';
comment on column marts.sidelined.end_date is 'Last day out; null while he is still out.';
comment on column marts.sidelined.is_ongoing is 'He is still out (no end date).';
comment on column marts.sidelined.days is 'Days out, both ends included (to today while ongoing).';
