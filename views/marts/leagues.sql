-- Competitions as curated: golden.leagues with the corrections of golden.overrides applied, field
-- by field (`quantfoot override set league ID FIELD VALUE`). golden.leagues keeps the API's values;
-- the marts read leagues from here, so a correction shows everywhere and survives every load.
-- No WITH, unlike the other marts: PostgreSQL plans a view built on WITH as a separate subquery,
-- and the marts join this one by id, which must reach the indexes of golden.leagues.
-- Apps may rely on the columns of the contract below (src/db/contracts.ts): it may grow, but
-- removing or retyping a column takes a new version of this mart (a _v2 file beside this one).
-- contract:
--   league_id integer
--   name text
--   type text
--   logo_url text
--   country_name text
--   overridden_fields text[]
create view marts.leagues as
select
    leagues.league_id,
    coalesce((overrides.curated).name, leagues.name) as name,
    coalesce((overrides.curated).type, leagues.type) as type,
    coalesce((overrides.curated).logo_url, leagues.logo_url) as logo_url,
    coalesce((overrides.curated).country_name, leagues.country_name) as country_name,
    coalesce(overrides.overridden_fields, '{}') as overridden_fields
from golden.leagues
-- One row per corrected league: its corrections read into a row of golden.leagues (each value as its
-- column's type, the other columns null).
left join (
    select
        entity_id as league_id,
        jsonb_populate_record(null::golden.leagues, jsonb_object_agg(field, value)) as curated,
        array_agg(field order by field) as overridden_fields
    from golden.overrides
    where entity = 'leagues'
    group by entity_id
) as overrides on overrides.league_id = leagues.league_id;

comment on view marts.leagues is
    'Competitions (golden.leagues) with curated overrides in place of the API''s values (golden.overrides, quantfoot override set); overridden_fields names them.';
comment on column marts.leagues.league_id is 'API-Football league id.';
comment on column marts.leagues.name is 'Competition name, e.g. "Premier League".';
comment on column marts.leagues.type is 'League or Cup, as the API capitalises it.';
comment on column marts.leagues.logo_url is 'Logo image URL.';
comment on column marts.leagues.country_name is 'Country of the competition ("World" for international ones).';
comment on column marts.leagues.overridden_fields is 'The fields whose value here is a curated override, not the API''s (golden.overrides); empty when none.';
