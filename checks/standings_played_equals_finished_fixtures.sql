-- description: played in the API's standings equals the finished (or awarded) fixtures we hold for that team in the rounds that make the table (a cup's group or league stage, a league's rounds but play-offs and finals; for a split season, the phase the group names): fewer means fixtures are missing, more that the standings are stale.
-- severity: error
-- applies_to: covers_standings
with table_fixtures as (
    select f.league_id, f.season, f.fixture_id, f.home_team_id, f.away_team_id, f.round, split_part(f.round, ' - ', 1) as phase
    from golden.fixtures f
    join golden.fixture_statuses s using (status_short)
    join golden.leagues l using (league_id)
    where s.category in ('finished', 'awarded')
      and case l.type
          when 'Cup' then f.round ilike 'group%' or f.round ilike 'league stage%' or f.round ~* '^league [a-z] - [0-9]+$'
          else not (f.round ilike '%play%off%' or f.round ilike '%final%')
      end
),
-- A group named after a phase of the season ("Liga MX: Apertura") counts that phase's rounds only.
group_phases as (
    select distinct st.league_id, st.season, st.group_name, tf.phase
    from golden.standings st
    join table_fixtures tf on tf.league_id = st.league_id and tf.season = st.season
    where length(tf.phase) >= 4 and strpos(lower(st.group_name), lower(tf.phase)) > 0
)
select st.league_id, st.season, st.group_name, st.team_id, st.all_played as api_played, counted.fixtures as finished_fixtures
from golden.standings st
cross join lateral (
    select count(*)::int as fixtures
    from table_fixtures tf
    where tf.league_id = st.league_id and tf.season = st.season
      and st.team_id in (tf.home_team_id, tf.away_team_id)
      and (
          not exists (select 1 from group_phases gp where gp.league_id = st.league_id and gp.season = st.season and gp.group_name = st.group_name)
          or tf.phase in (select gp.phase from group_phases gp where gp.league_id = st.league_id and gp.season = st.season and gp.group_name = st.group_name)
      )
) counted
where st.all_played is distinct from counted.fixtures
