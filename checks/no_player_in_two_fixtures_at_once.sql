-- description: No player is in the line-ups of two fixtures with the same kick-off time (a merged player id, or a fixture loaded twice under two ids).
-- severity: error
-- applies_to: covers_lineups
with appearances as (
    select p.player_id, f.kickoff_at, f.fixture_id, f.league_id, f.season, p.team_id
    from golden.fixture_lineup_players p
    join golden.fixtures f using (fixture_id)
),
clashes as (
    select player_id, kickoff_at
    from appearances
    group by player_id, kickoff_at
    having count(distinct fixture_id) > 1
)
select a.league_id, a.season, a.player_id, a.kickoff_at, a.fixture_id, a.team_id
from appearances a
join clashes using (player_id, kickoff_at)
