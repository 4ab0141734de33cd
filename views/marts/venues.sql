-- Stadiums as curated: golden.venues with the corrections of golden.overrides applied, field
-- by field (`quantfoot override set venue ID FIELD VALUE`). golden.venues keeps the API's values;
-- the marts read venues from here, so a correction shows everywhere and survives every load.
-- No WITH, unlike the other marts: PostgreSQL plans a view built on WITH as a separate subquery,
-- and the marts join this one by id, which must reach the indexes of golden.venues.
-- Apps may rely on the columns of the contract below (src/db/contracts.ts): it may grow, but
-- removing or retyping a column takes a new version of this mart (a _v2 file beside this one).
-- contract:
--   venue_id integer
--   name text
--   address text
--   city text
--   country_name text
--   capacity integer
--   surface text
--   image_url text
--   overridden_fields text[]
create view marts.venues as
select
    venues.venue_id,
    coalesce((overrides.curated).name, venues.name) as name,
    coalesce((overrides.curated).address, venues.address) as address,
    coalesce((overrides.curated).city, venues.city) as city,
    coalesce((overrides.curated).country_name, venues.country_name) as country_name,
    coalesce((overrides.curated).capacity, venues.capacity) as capacity,
    coalesce((overrides.curated).surface, venues.surface) as surface,
    coalesce((overrides.curated).image_url, venues.image_url) as image_url,
    coalesce(overrides.overridden_fields, '{}') as overridden_fields
from golden.venues
-- One row per corrected venue: its corrections read into a row of golden.venues (each value as its
-- column's type, the other columns null).
left join (
    select
        entity_id as venue_id,
        jsonb_populate_record(null::golden.venues, jsonb_object_agg(field, value)) as curated,
        array_agg(field order by field) as overridden_fields
    from golden.overrides
    where entity = 'venues'
    group by entity_id
) as overrides on overrides.venue_id = venues.venue_id;

comment on view marts.venues is
    'Stadiums (golden.venues) with curated overrides in place of the API''s values (golden.overrides, quantfoot override set); overridden_fields names them.';
comment on column marts.venues.venue_id is 'API-Football venue id.';
comment on column marts.venues.name is 'Venue name; the API has venues without one.';
comment on column marts.venues.address is 'Street address.';
comment on column marts.venues.city is 'City.';
comment on column marts.venues.country_name is 'Country as /venues spells it (not a key of countries: /teams venues carry none).';
comment on column marts.venues.capacity is 'Seats.';
comment on column marts.venues.surface is 'Pitch surface, e.g. grass, artificial turf.';
comment on column marts.venues.image_url is 'Image URL.';
comment on column marts.venues.overridden_fields is 'The fields whose value here is a curated override, not the API''s (golden.overrides); empty when none.';
