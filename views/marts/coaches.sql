-- Coaches as curated: golden.coaches with the corrections of golden.overrides applied, field
-- by field (`quantfoot override set coach ID FIELD VALUE`). golden.coaches keeps the API's values;
-- the marts read coaches from here, so a correction shows everywhere and survives every load.
-- No WITH, unlike the other marts: PostgreSQL plans a view built on WITH as a separate subquery,
-- and the marts join this one by id, which must reach the indexes of golden.coaches.
-- Apps may rely on the columns of the contract below (src/db/contracts.ts): it may grow, but
-- removing or retyping a column takes a new version of this mart (a _v2 file beside this one).
-- contract:
--   coach_id integer
--   name text
--   firstname text
--   lastname text
--   birth_date date
--   birth_place text
--   birth_country text
--   nationality text
--   height_cm smallint
--   weight_kg smallint
--   photo_url text
--   team_id integer
--   overridden_fields text[]
create view marts.coaches as
select
    coaches.coach_id,
    coalesce((overrides.curated).name, coaches.name) as name,
    coalesce((overrides.curated).firstname, coaches.firstname) as firstname,
    coalesce((overrides.curated).lastname, coaches.lastname) as lastname,
    coalesce((overrides.curated).birth_date, coaches.birth_date) as birth_date,
    coalesce((overrides.curated).birth_place, coaches.birth_place) as birth_place,
    coalesce((overrides.curated).birth_country, coaches.birth_country) as birth_country,
    coalesce((overrides.curated).nationality, coaches.nationality) as nationality,
    coalesce((overrides.curated).height_cm, coaches.height_cm) as height_cm,
    coalesce((overrides.curated).weight_kg, coaches.weight_kg) as weight_kg,
    coalesce((overrides.curated).photo_url, coaches.photo_url) as photo_url,
    coalesce((overrides.curated).team_id, coaches.team_id) as team_id,
    coalesce(overrides.overridden_fields, '{}') as overridden_fields
from golden.coaches
-- One row per corrected coach: its corrections read into a row of golden.coaches (each value as its
-- column's type, the other columns null).
left join (
    select
        entity_id as coach_id,
        jsonb_populate_record(null::golden.coaches, jsonb_object_agg(field, value)) as curated,
        array_agg(field order by field) as overridden_fields
    from golden.overrides
    where entity = 'coaches'
    group by entity_id
) as overrides on overrides.coach_id = coaches.coach_id;

comment on view marts.coaches is
    'Coaches (golden.coaches) with curated overrides in place of the API''s values (golden.overrides, quantfoot override set); overridden_fields names them.';
comment on column marts.coaches.coach_id is 'API-Football coach id.';
comment on column marts.coaches.name is 'Name as the API abbreviates it, e.g. "T. Tuchel".';
comment on column marts.coaches.firstname is 'First name(s).';
comment on column marts.coaches.lastname is 'Last name(s).';
comment on column marts.coaches.birth_date is 'Date of birth.';
comment on column marts.coaches.birth_place is 'Place of birth.';
comment on column marts.coaches.birth_country is 'Country of birth.';
comment on column marts.coaches.nationality is 'Nationality as the API spells it.';
comment on column marts.coaches.height_cm is 'Height in cm (from "192 cm").';
comment on column marts.coaches.weight_kg is 'Weight in kg (from "85 kg").';
comment on column marts.coaches.photo_url is 'Photo URL.';
comment on column marts.coaches.team_id is 'His club now, as /coachs says (team); null when he has none.';
comment on column marts.coaches.overridden_fields is 'The fields whose value here is a curated override, not the API''s (golden.overrides); empty when none.';
