-- description: An event is credited to the home or the away team of its fixture.
-- severity: error
-- applies_to: covers_events
select f.league_id, f.season, e.fixture_id, e.event_index, e.team_id, f.home_team_id, f.away_team_id
from golden.fixture_events e
join golden.fixtures f using (fixture_id)
where e.team_id not in (f.home_team_id, f.away_team_id)
