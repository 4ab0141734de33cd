-- description: The league table computed from results equals the API's standings (rank, points, played, won, drawn, lost, goals): a difference flags a fixture we lack, a score that differs, or standings older than the fixtures.
-- severity: error
-- applies_to: covers_standings
select league_id, season, group_name, team_id, differences
from marts.standings_reconciliation
where not matches
