-- description: A player of a line-up has season statistics (/players) for that team and league-season, where the season's coverage promises them: without them he is missing from player_season_stats and top_scorers.
-- severity: warn
-- applies_to: covers_players
select f.league_id, f.season, p.team_id, p.player_id, count(*)::int as lineups
from golden.fixture_lineup_players p
join golden.fixtures f using (fixture_id)
where not exists (
    select 1 from golden.player_team_seasons pts
    where pts.player_id = p.player_id and pts.team_id = p.team_id and pts.league_id = f.league_id and pts.season = f.season
)
group by f.league_id, f.season, p.team_id, p.player_id
