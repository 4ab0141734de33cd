-- description: A finished fixture with events has as many goal events per side as goals: own goals count for the side credited; missed penalties and shoot-out kicks do not.
-- severity: error
-- applies_to: covers_events
select f.league_id, f.season, f.fixture_id, f.goals_home, f.goals_away, g.home as goal_events_home, g.away as goal_events_away
from golden.fixtures f
join golden.fixture_statuses s using (status_short)
cross join lateral (
    select
        count(*) filter (where e.team_id = f.home_team_id)::int as home,
        count(*) filter (where e.team_id = f.away_team_id)::int as away
    from golden.fixture_events e
    where e.fixture_id = f.fixture_id and e.type = 'Goal' and not e.is_shootout and e.detail is distinct from 'Missed Penalty'
) g
where s.category = 'finished'
  and exists (select 1 from golden.fixture_events e where e.fixture_id = f.fixture_id)
  and (f.goals_home, f.goals_away) is distinct from (g.home, g.away)
