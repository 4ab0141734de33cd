-- Players as curated: golden.players with the corrections of golden.overrides applied, field
-- by field (`quantfoot override set player ID FIELD VALUE`). golden.players keeps the API's values;
-- the marts read players from here, so a correction shows everywhere and survives every load.
-- No WITH, unlike the other marts: PostgreSQL plans a view built on WITH as a separate subquery,
-- and the marts join this one by id, which must reach the indexes of golden.players.
-- Apps may rely on the columns of the contract below (src/db/contracts.ts): it may grow, but
-- removing or retyping a column takes a new version of this mart (a _v2 file beside this one).
-- contract:
--   player_id integer
--   name text
--   firstname text
--   lastname text
--   birth_date date
--   birth_place text
--   birth_country text
--   nationality text
--   height_cm smallint
--   weight_kg smallint
--   is_injured boolean
--   photo_url text
--   overridden_fields text[]
create view marts.players as
select
    players.player_id,
    coalesce((overrides.curated).name, players.name) as name,
    coalesce((overrides.curated).firstname, players.firstname) as firstname,
    coalesce((overrides.curated).lastname, players.lastname) as lastname,
    coalesce((overrides.curated).birth_date, players.birth_date) as birth_date,
    coalesce((overrides.curated).birth_place, players.birth_place) as birth_place,
    coalesce((overrides.curated).birth_country, players.birth_country) as birth_country,
    coalesce((overrides.curated).nationality, players.nationality) as nationality,
    coalesce((overrides.curated).height_cm, players.height_cm) as height_cm,
    coalesce((overrides.curated).weight_kg, players.weight_kg) as weight_kg,
    coalesce((overrides.curated).is_injured, players.is_injured) as is_injured,
    coalesce((overrides.curated).photo_url, players.photo_url) as photo_url,
    coalesce(overrides.overridden_fields, '{}') as overridden_fields
from golden.players
-- One row per corrected player: its corrections read into a row of golden.players (each value as its
-- column's type, the other columns null).
left join (
    select
        entity_id as player_id,
        jsonb_populate_record(null::golden.players, jsonb_object_agg(field, value)) as curated,
        array_agg(field order by field) as overridden_fields
    from golden.overrides
    where entity = 'players'
    group by entity_id
) as overrides on overrides.player_id = players.player_id;

comment on view marts.players is
    'Players (golden.players) with curated overrides in place of the API''s values (golden.overrides, quantfoot override set); overridden_fields names them.';
comment on column marts.players.player_id is 'API-Football player id.';
comment on column marts.players.name is 'Display name, e.g. "A. Diallo".';
comment on column marts.players.firstname is 'First name(s).';
comment on column marts.players.lastname is 'Last name(s).';
comment on column marts.players.birth_date is 'Date of birth.';
comment on column marts.players.birth_place is 'Place of birth.';
comment on column marts.players.birth_country is 'Country of birth.';
comment on column marts.players.nationality is 'Nationality.';
comment on column marts.players.height_cm is 'Height in cm, parsed from "187 cm".';
comment on column marts.players.weight_kg is 'Weight in kg, parsed from "79 kg".';
comment on column marts.players.is_injured is 'player.injured at the last load.';
comment on column marts.players.photo_url is 'Photo URL.';
comment on column marts.players.overridden_fields is 'The fields whose value here is a curated override, not the API''s (golden.overrides); empty when none.';
