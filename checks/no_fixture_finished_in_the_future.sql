-- description: No fixture is finished (or awarded) with a kick-off still to come: a date the API moved without the status, or a clock that is wrong.
-- severity: error
-- applies_to: all
select f.league_id, f.season, f.fixture_id, f.kickoff_at, f.status_short
from golden.fixtures f
join golden.fixture_statuses s using (status_short)
where s.category in ('finished', 'awarded')
  and f.kickoff_at > now()
