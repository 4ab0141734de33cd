-- Clubs and national teams as curated: golden.teams with the corrections of golden.overrides
-- applied, field by field (`quantfoot override set team ID FIELD VALUE`). golden.teams keeps the
-- API's values; the marts read teams from here, so a correction shows everywhere and survives
-- every load.
-- No WITH, unlike the other marts: PostgreSQL plans a view built on WITH as a separate subquery,
-- and the marts join this one by id, which must reach the indexes of golden.teams.
-- Apps may rely on the columns of the contract below (src/db/contracts.ts): it may grow, but
-- removing or retyping a column takes a new version of this mart (a _v2 file beside this one).
-- contract:
--   team_id integer
--   name text
--   code text
--   country_name text
--   founded integer
--   is_national boolean
--   logo_url text
--   venue_id integer
--   overridden_fields text[]
create view marts.teams as
select
    teams.team_id,
    coalesce((overrides.curated).name, teams.name) as name,
    coalesce((overrides.curated).code, teams.code) as code,
    coalesce((overrides.curated).country_name, teams.country_name) as country_name,
    coalesce((overrides.curated).founded, teams.founded) as founded,
    coalesce((overrides.curated).is_national, teams.is_national) as is_national,
    coalesce((overrides.curated).logo_url, teams.logo_url) as logo_url,
    coalesce((overrides.curated).venue_id, teams.venue_id) as venue_id,
    coalesce(overrides.overridden_fields, '{}') as overridden_fields
from golden.teams
-- One row per corrected team: its corrections read into a row of golden.teams (each value as its
-- column's type, the other columns null).
left join (
    select
        entity_id as team_id,
        jsonb_populate_record(null::golden.teams, jsonb_object_agg(field, value)) as curated,
        array_agg(field order by field) as overridden_fields
    from golden.overrides
    where entity = 'teams'
    group by entity_id
) as overrides on overrides.team_id = teams.team_id;

comment on view marts.teams is
    'Clubs and national teams (golden.teams) with curated overrides in place of the API''s values (golden.overrides, quantfoot override set); overridden_fields names them.';
comment on column marts.teams.team_id is 'API-Football team id.';
comment on column marts.teams.name is 'Team name.';
comment on column marts.teams.code is 'Three-letter code, e.g. MUN; often null.';
comment on column marts.teams.country_name is 'Country as the API spells it.';
comment on column marts.teams.founded is 'Year founded.';
comment on column marts.teams.is_national is 'A national team.';
comment on column marts.teams.logo_url is 'Logo image URL.';
comment on column marts.teams.venue_id is 'Home venue (team.venue.id); null when the API gives none.';
comment on column marts.teams.overridden_fields is 'The fields whose value here is a curated override, not the API''s (golden.overrides); empty when none.';
