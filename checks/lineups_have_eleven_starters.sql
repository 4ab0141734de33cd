-- description: Every line-up lists 11 starters.
-- severity: error
-- applies_to: covers_lineups
select f.league_id, f.season, l.fixture_id, l.team_id, count(p.player_id) filter (where p.is_starter)::int as starters
from golden.fixture_lineups l
join golden.fixtures f using (fixture_id)
left join golden.fixture_lineup_players p using (fixture_id, team_id)
group by f.league_id, f.season, l.fixture_id, l.team_id
having count(p.player_id) filter (where p.is_starter) <> 11
