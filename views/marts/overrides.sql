-- Every curated correction (golden.overrides) beside the value the API gives now, so that one the
-- API has caught up with can be retired (quantfoot override list marks them; the data test
-- checks/overrides_agreed_by_the_api.sql lists them). The comparison is typed: the override is
-- read as its column's type (jsonb_populate_record on the golden row) and compared with the golden
-- value, so "+44" agrees with 44 and a time agrees with the same instant in another zone.
-- Apps may rely on the columns of the contract below (src/db/contracts.ts): it may grow, but
-- removing or retyping a column takes a new version of this mart (a _v2 file beside this one).
-- contract:
--   entity text
--   entity_id integer
--   field text
--   value text
--   api_value text
--   api_agrees boolean
--   reason text
--   author text
--   created_at timestamp with time zone
create view marts.overrides as
with

overrides as (
    select * from golden.overrides
),

-- Per corrected table: the golden value of each corrected field, and the override read as that
-- field's type, both as jsonb.
api_values as (
    select overrides.entity, overrides.entity_id, overrides.field,
        to_jsonb(leagues) -> overrides.field as api_value,
        to_jsonb(jsonb_populate_record(leagues, jsonb_build_object(overrides.field, overrides.value))) -> overrides.field as typed_value
    from overrides
    join golden.leagues on leagues.league_id = overrides.entity_id
    where overrides.entity = 'leagues'
    union all
    select overrides.entity, overrides.entity_id, overrides.field,
        to_jsonb(venues) -> overrides.field,
        to_jsonb(jsonb_populate_record(venues, jsonb_build_object(overrides.field, overrides.value))) -> overrides.field
    from overrides
    join golden.venues on venues.venue_id = overrides.entity_id
    where overrides.entity = 'venues'
    union all
    select overrides.entity, overrides.entity_id, overrides.field,
        to_jsonb(teams) -> overrides.field,
        to_jsonb(jsonb_populate_record(teams, jsonb_build_object(overrides.field, overrides.value))) -> overrides.field
    from overrides
    join golden.teams on teams.team_id = overrides.entity_id
    where overrides.entity = 'teams'
    union all
    select overrides.entity, overrides.entity_id, overrides.field,
        to_jsonb(players) -> overrides.field,
        to_jsonb(jsonb_populate_record(players, jsonb_build_object(overrides.field, overrides.value))) -> overrides.field
    from overrides
    join golden.players on players.player_id = overrides.entity_id
    where overrides.entity = 'players'
    union all
    select overrides.entity, overrides.entity_id, overrides.field,
        to_jsonb(coaches) -> overrides.field,
        to_jsonb(jsonb_populate_record(coaches, jsonb_build_object(overrides.field, overrides.value))) -> overrides.field
    from overrides
    join golden.coaches on coaches.coach_id = overrides.entity_id
    where overrides.entity = 'coaches'
    union all
    select overrides.entity, overrides.entity_id, overrides.field,
        to_jsonb(fixtures) -> overrides.field,
        to_jsonb(jsonb_populate_record(fixtures, jsonb_build_object(overrides.field, overrides.value))) -> overrides.field
    from overrides
    join golden.fixtures on fixtures.fixture_id = overrides.entity_id
    where overrides.entity = 'fixtures'
)

select
    overrides.entity,
    overrides.entity_id,
    overrides.field,
    overrides.value,
    api_values.api_value #>> '{}' as api_value,
    coalesce(api_values.api_value = api_values.typed_value, false) as api_agrees,
    overrides.reason,
    overrides.author,
    overrides.created_at
from overrides
left join api_values
    on api_values.entity = overrides.entity
    and api_values.entity_id = overrides.entity_id
    and api_values.field = overrides.field;

comment on view marts.overrides is
    'Curated corrections (golden.overrides) with the value the API gives now; api_agrees marks those the API has caught up with, to be removed (quantfoot override remove).';
comment on column marts.overrides.entity is 'The corrected golden table: leagues, venues, teams, players, coaches or fixtures.';
comment on column marts.overrides.entity_id is 'The corrected row: the table''s API id.';
comment on column marts.overrides.field is 'The corrected column.';
comment on column marts.overrides.value is 'The value the marts show.';
comment on column marts.overrides.api_value is 'The value the API gives now (the golden row''s), as text; null when it gives none.';
comment on column marts.overrides.api_agrees is 'The API now gives the corrected value (compared as the column''s type): the override can go.';
comment on column marts.overrides.reason is 'Why the API was corrected.';
comment on column marts.overrides.author is 'Who corrected it.';
comment on column marts.overrides.created_at is 'When the correction was set.';
