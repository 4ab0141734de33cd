-- name: overrides_agreed_by_the_api
-- description: an override whose value the API now gives too (compared as the column's type) corrects nothing any more: remove it with quantfoot override remove ENTITY ID FIELD, so that later corrections by the API show again
-- severity: warn
select entity, entity_id, field, value, api_value, reason, author, created_at
from marts.overrides
where api_agrees
order by entity, entity_id, field
