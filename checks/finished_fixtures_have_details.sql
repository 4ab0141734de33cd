-- description: A finished fixture of a season whose coverage promises line-ups, team statistics or player statistics has them (both teams' line-ups, team statistics rows, player statistics rows); names what is missing.
-- severity: warn
-- applies_to: all
select f.league_id, f.season, f.fixture_id, f.kickoff_at, missing.what as missing
from golden.fixtures f
join golden.fixture_statuses s using (status_short)
join golden.seasons se using (league_id, season)
cross join lateral (
    select array_remove(array[
        case when se.covers_lineups and (select count(*) from golden.fixture_lineups l where l.fixture_id = f.fixture_id) < 2 then 'lineups' end,
        case when se.covers_fixture_statistics and not exists (select 1 from golden.fixture_team_stats t where t.fixture_id = f.fixture_id) then 'team statistics' end,
        case when se.covers_player_statistics and not exists (select 1 from golden.fixture_player_stats p where p.fixture_id = f.fixture_id) then 'player statistics' end
    ], null) as what
) missing
where s.category = 'finished'
  and cardinality(missing.what) > 0
