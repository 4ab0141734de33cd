-- description: In a finished fixture with player statistics, a team's goals are its players' goals plus the own goals credited to it (events of type Goal, detail Own Goal, outside the shoot-out).
-- severity: error
-- applies_to: covers_player_statistics
with sides as (
    select f.league_id, f.season, f.fixture_id, side.team_id, side.goals
    from golden.fixtures f
    join golden.fixture_statuses s using (status_short)
    cross join lateral (values (f.home_team_id, f.goals_home), (f.away_team_id, f.goals_away)) as side (team_id, goals)
    where s.category = 'finished'
      and exists (select 1 from golden.fixture_player_stats p where p.fixture_id = f.fixture_id)
)
select sides.league_id, sides.season, sides.fixture_id, sides.team_id, sides.goals, players.goals as player_goals, own.goals as own_goals
from sides
cross join lateral (
    select coalesce(sum(p.goals), 0)::int as goals
    from golden.fixture_player_stats p
    where p.fixture_id = sides.fixture_id and p.team_id = sides.team_id
) players
cross join lateral (
    select count(*)::int as goals
    from golden.fixture_events e
    where e.fixture_id = sides.fixture_id and e.team_id = sides.team_id
      and e.type = 'Goal' and e.detail = 'Own Goal' and not e.is_shootout
) own
where sides.goals is distinct from players.goals + own.goals
