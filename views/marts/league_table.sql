-- League tables computed from results, one per league-season and group.
-- Which matches count: those of marts.team_matches (finished, and awarded with the awarded score;
-- never postponed, cancelled or abandoned ones), in the rounds that feed a table: for a cup its
-- group stage ("Group Stage - 1", "League Stage - 3"), for a league every round except play-offs
-- and finals. The group of a match is the group of golden.standings that lists both teams; a league
-- the API publishes no standings for has one table named after the league, a cup without standings
-- has none. Ranked by points, goal difference, goals
-- scored, then team name: the API's further tie-breakers (head-to-head, fair play) are not modelled.
-- A split season (Liga MX: "Liga MX: Apertura" and "Liga MX: Clausura" list the same clubs) puts a
-- match in the group its round names ("Apertura - 3"): the phase before " - " found in a group's name
-- decides among the groups listing both teams.
-- Apps may rely on the columns of the contract below (src/db/contracts.ts): it may grow, but
-- removing or retyping a column takes a new version of this mart (a _v2 file beside this one).
-- contract:
--   league_id integer
--   season integer
--   group_name text
--   team_id integer
--   team_name text
--   rank integer
--   played integer
--   won integer
--   drawn integer
--   lost integer
--   goals_for integer
--   goals_against integer
--   goal_diff integer
--   points integer
--   form text
create view marts.league_table as
with

team_matches as (
    select * from marts.team_matches
),

-- golden.fixtures itself: only the columns that place a fixture, which no override changes.
fixtures as not materialized (
    select league_id, season, home_team_id, away_team_id from golden.fixtures
),

leagues as not materialized (
    select league_id, name as league_name, type as league_type from marts.leagues
),

seasons as (
    select league_id, season from golden.seasons
),

teams as (
    select team_id, name as team_name from marts.teams
),

standings_groups as not materialized (
    select league_id, season, group_name, team_id from golden.standings
),

team_seasons as (
    select league_id, season, team_id from golden.team_seasons
),

-- Leagues (not cups) the API publishes no standings for: one table, named after the league.
unpublished as not materialized (
    select seasons.league_id, seasons.season, leagues.league_name
    from seasons
    join leagues on leagues.league_id = seasons.league_id
    where leagues.league_type = 'League'
      and not exists (
          select 1 from standings_groups
          where standings_groups.league_id = seasons.league_id and standings_groups.season = seasons.season
      )
),

table_round_matches as (
    select team_matches.*
    from team_matches
    join leagues on leagues.league_id = team_matches.league_id
    where case leagues.league_type
        when 'Cup' then team_matches.round ilike 'group%' or team_matches.round ilike 'league stage%'
        else not (team_matches.round ilike '%play%off%' or team_matches.round ilike '%final%')
    end
),

-- One pass over the matches: the published groups listing both teams, else the unpublished
-- league's single table; a match in neither (a cup without standings) is in no table.
candidate_groups as (
    select
        matches.*,
        coalesce(own.group_name, unpublished.league_name) as group_name,
        coalesce(length(split_part(matches.round, ' - ', 1)) >= 4
            and strpos(lower(own.group_name), lower(split_part(matches.round, ' - ', 1))) > 0, false) as names_phase
    from table_round_matches as matches
    left join unpublished
        on unpublished.league_id = matches.league_id and unpublished.season = matches.season
    left join standings_groups as own
        on own.league_id = matches.league_id and own.season = matches.season and own.team_id = matches.team_id
    left join standings_groups as other
        on other.league_id = matches.league_id and other.season = matches.season
        and other.group_name = own.group_name and other.team_id = matches.opponent_id
    where other.team_id is not null or unpublished.league_id is not null
),

-- Of several groups listing both teams, the ones named after the match's phase, when there are.
-- (A window partitioned by league-season first, so a filter on the league-season reaches the tables.)
phased_groups as (
    select
        candidate_groups.*,
        bool_or(names_phase) over (partition by league_id, season, fixture_id, team_id) as any_names_phase
    from candidate_groups
),

grouped_matches as (
    select * from phased_groups where names_phase or not any_names_phase
),

-- Every team of a table, also before its first match: the published group's teams, or for an
-- unpublished league its golden.team_seasons and every team of its fixtures.
group_members as (
    select league_id, season, group_name, team_id from standings_groups
    union
    select unpublished.league_id, unpublished.season, unpublished.league_name, team_seasons.team_id
    from unpublished
    join team_seasons on team_seasons.league_id = unpublished.league_id and team_seasons.season = unpublished.season
    union
    select unpublished.league_id, unpublished.season, unpublished.league_name, fixtures.home_team_id
    from unpublished
    join fixtures on fixtures.league_id = unpublished.league_id and fixtures.season = unpublished.season
    union
    select unpublished.league_id, unpublished.season, unpublished.league_name, fixtures.away_team_id
    from unpublished
    join fixtures on fixtures.league_id = unpublished.league_id and fixtures.season = unpublished.season
),

totals as (
    select
        members.league_id,
        members.season,
        members.group_name,
        members.team_id,
        count(matches.fixture_id)::int as played,
        (count(*) filter (where matches.result = 'W'))::int as won,
        (count(*) filter (where matches.result = 'D'))::int as drawn,
        (count(*) filter (where matches.result = 'L'))::int as lost,
        coalesce(sum(matches.goals_for), 0)::int as goals_for,
        coalesce(sum(matches.goals_against), 0)::int as goals_against,
        coalesce(sum(matches.points), 0)::int as points,
        left(string_agg(matches.result, '' order by matches.kickoff_at desc, matches.fixture_id desc), 5) as form
    from group_members as members
    left join grouped_matches as matches
        on matches.league_id = members.league_id and matches.season = members.season
        and matches.group_name = members.group_name and matches.team_id = members.team_id
    group by members.league_id, members.season, members.group_name, members.team_id
),

ranked as (
    select
        totals.*,
        teams.team_name,
        totals.goals_for - totals.goals_against as goal_diff,
        row_number() over (
            partition by totals.league_id, totals.season, totals.group_name
            order by totals.points desc, totals.goals_for - totals.goals_against desc, totals.goals_for desc,
                teams.team_name collate "und-x-icu", totals.team_id
        )::int as rank
    from totals
    join teams on teams.team_id = totals.team_id
)

select
    league_id,
    season,
    group_name,
    team_id,
    team_name,
    rank,
    played,
    won,
    drawn,
    lost,
    goals_for,
    goals_against,
    goal_diff,
    points,
    form
from ranked;

comment on view marts.league_table is
    'League tables computed from results, per league-season and group (the golden.standings group listing both teams, the one named after the round''s phase in a split season; the league name for a league without published standings). Counts finished and awarded matches (awarded score) of a league''s rounds except play-offs and finals, and of a cup''s group stage only; ranked by points, goal difference, goals scored, team name.';
comment on column marts.league_table.league_id is 'The competition.';
comment on column marts.league_table.season is 'Season start year.';
comment on column marts.league_table.group_name is 'The table: the API''s group label (e.g. "Premier League", "Group A"), or the league name when the API publishes no standings.';
comment on column marts.league_table.team_id is 'The team.';
comment on column marts.league_table.team_name is 'Team name.';
comment on column marts.league_table.rank is 'Position in the group: points, then goal difference, then goals scored, then team name.';
comment on column marts.league_table.played is 'Matches counted.';
comment on column marts.league_table.won is 'Matches won.';
comment on column marts.league_table.drawn is 'Matches drawn.';
comment on column marts.league_table.lost is 'Matches lost.';
comment on column marts.league_table.goals_for is 'Goals scored.';
comment on column marts.league_table.goals_against is 'Goals conceded.';
comment on column marts.league_table.goal_diff is 'goals_for minus goals_against.';
comment on column marts.league_table.points is '3 per win, 1 per draw.';
comment on column marts.league_table.form is 'The last five results in this table, newest first, e.g. WWDLW; null before the first match.';
