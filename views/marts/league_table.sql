-- League tables computed from results, one per league-season and group, ranked by the competition's
-- rules (marts.competition_rules, from golden.competition_rules: edit them there).
-- Which matches count: those of marts.team_matches (finished, and awarded with the score
-- marts.fixture_results counts; never postponed, cancelled or abandoned ones), in the rounds that
-- feed a table (marts.fixture_results.stage): for a cup its group stage ("Group Stage - 1", "League
-- Stage - 3", the Nations League's "League A - 3"), for a league every round except play-offs and
-- finals. A match counts in the group of each of its teams: a league split
-- into conferences (MLS East and West) keeps the matches between them, in both tables. A league the
-- API publishes no standings for has one table named after the league, a cup without standings none.
-- A split season (Liga MX: "Liga MX: Apertura" and "Liga MX: Clausura" list the same clubs) puts a
-- match in the group its round names ("Apertura - 3"): the phase before " - " found in a group's name
-- decides among the team's groups.
-- Ranking: points (the competition's points per win and draw), then its tie_breakers in order, every
-- criterion higher-is-better. The h2h_ criteria count only the matches, in this group, among the
-- teams level on every criterion before the first h2h_ one (the mini-table of UEFA and La Liga, of
-- the Premier League once goal difference and goals scored are level). UEFA's re-application of the
-- head-to-head criteria to a subset still level, fair play, coefficients and lots are not modelled:
-- teams level on every criterion are ordered by name. tie_break names what put a team above the next.
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
--   league_name text
--   country_name text
--   season_label text
--   tie_break text
--   away_goals integer
--   away_wins integer
create view marts.league_table as
with

team_matches as (
    select * from marts.team_matches
),

-- golden.fixtures itself: only the columns that place a fixture, which no override changes.
fixtures as not materialized (
    select league_id, season, home_team_id, away_team_id from golden.fixtures
),

rules as not materialized (
    select
        league_id, season, league_name, country_name, season_label, league_type, tie_breakers, points_per_win, points_per_draw
    from marts.competition_rules
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
    select rules.league_id, rules.season, rules.league_name
    from rules
    where rules.league_type = 'League'
      and not exists (
          select 1 from standings_groups
          where standings_groups.league_id = rules.league_id and standings_groups.season = rules.season
      )
),

-- The rounds that make a table: one definition, marts.fixture_results.stage.
table_round_matches as (
    select team_matches.*
    from team_matches
    where team_matches.stage = 'table'
),

-- One pass over the matches: the team's own published groups (whichever group its opponent is in),
-- else the unpublished league's single table; a match in neither (a cup without standings) is in
-- no table.
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
    where own.team_id is not null or unpublished.league_id is not null
),

-- Of the team's several groups, the ones named after the match's phase, when there are.
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

-- Each member of a table beside each of its matches (one row, without a match, before its first).
member_matches as (
    select
        members.league_id,
        members.season,
        members.group_name,
        members.team_id,
        matches.fixture_id,
        matches.kickoff_at,
        matches.is_home,
        matches.result,
        matches.goals_for as match_goals_for,
        matches.goals_against as match_goals_against
    from group_members as members
    left join grouped_matches as matches
        on matches.league_id = members.league_id and matches.season = members.season
        and matches.group_name = members.group_name and matches.team_id = members.team_id
),

-- The team's totals on each of its rows. Everything from here on is windows over this one pass, not
-- joins of the matches to themselves: the mini-table needs both teams' totals beside each match,
-- and a second reading of the matches would read every league's (a CTE referenced twice is computed
-- whole) or read them again for each reference.
with_totals as (
    select
        member_matches.*,
        rules.league_name,
        rules.country_name,
        rules.season_label,
        rules.tie_breakers,
        rules.points_per_win,
        rules.points_per_draw,
        (count(fixture_id) over team)::int as played,
        (count(*) filter (where result = 'W') over team)::int as won,
        (count(*) filter (where result = 'D') over team)::int as drawn,
        (count(*) filter (where result = 'L') over team)::int as lost,
        coalesce(sum(match_goals_for) over team, 0)::int as goals_for,
        coalesce(sum(match_goals_against) over team, 0)::int as goals_against,
        coalesce(sum(match_goals_for) filter (where not is_home) over team, 0)::int as away_goals,
        (count(*) filter (where result = 'W' and not is_home) over team)::int as away_wins,
        left(string_agg(result, '') over (team order by kickoff_at desc, fixture_id desc
            rows between unbounded preceding and unbounded following), 5) as form
    from member_matches
    join rules on rules.league_id = member_matches.league_id and rules.season = member_matches.season
    window team as (partition by member_matches.league_id, member_matches.season, member_matches.group_name, member_matches.team_id)
),

-- Points under the competition's rules, and the overall criteria before the first head-to-head one:
-- teams with equal keys are level when the head-to-head criteria start.
keyed as (
    select
        with_totals.*,
        won * points_per_win + drawn * points_per_draw as points,
        goals_for - goals_against as goal_diff,
        array(
            select case criteria.name
                when 'points' then with_totals.won * with_totals.points_per_win + with_totals.drawn * with_totals.points_per_draw
                when 'goal_diff' then with_totals.goals_for - with_totals.goals_against
                when 'goals_for' then with_totals.goals_for
                when 'away_goals' then with_totals.away_goals
                when 'wins' then with_totals.won
                when 'away_wins' then with_totals.away_wins
            end
            from unnest(with_totals.tie_breakers) with ordinality as criteria(name, position)
            where criteria.position < (
                select min(h2h.position) from unnest(with_totals.tie_breakers) with ordinality as h2h(name, position)
                where h2h.name like 'h2h%')
            order by criteria.position
        ) as level_key
    from with_totals
),

-- A match of the mini-table: both its rows in this group carry the same level key.
level_meetings as (
    select
        keyed.*,
        fixture_id is not null
            and count(*) over fixture = 2
            and min(level_key) over fixture = max(level_key) over fixture as among_level
    from keyed
    window fixture as (partition by league_id, season, group_name, fixture_id)
),

-- The mini-table's figures on each of the team's rows, then one row per team.
head_to_head as (
    select
        level_meetings.*,
        coalesce(sum(case result when 'W' then points_per_win when 'D' then points_per_draw else 0 end)
            filter (where among_level) over team, 0)::int as h2h_points,
        coalesce(sum(match_goals_for - match_goals_against) filter (where among_level) over team, 0)::int as h2h_goal_diff,
        coalesce(sum(match_goals_for) filter (where among_level) over team, 0)::int as h2h_goals_for,
        coalesce(sum(match_goals_for) filter (where among_level and not is_home) over team, 0)::int as h2h_away_goals,
        row_number() over team as team_row
    from level_meetings
    window team as (partition by league_id, season, group_name, team_id)
),

-- Every criterion's value in the competition's order: comparing these arrays ranks the group.
sort_keys as (
    select
        head_to_head.*,
        teams.team_name,
        array(
            select case criteria.name
                when 'points' then head_to_head.points
                when 'goal_diff' then head_to_head.goal_diff
                when 'goals_for' then head_to_head.goals_for
                when 'away_goals' then head_to_head.away_goals
                when 'wins' then head_to_head.won
                when 'away_wins' then head_to_head.away_wins
                when 'h2h_points' then head_to_head.h2h_points
                when 'h2h_goal_diff' then head_to_head.h2h_goal_diff
                when 'h2h_goals_for' then head_to_head.h2h_goals_for
                when 'h2h_away_goals' then head_to_head.h2h_away_goals
            end
            from unnest(head_to_head.tie_breakers) with ordinality as criteria(name, position)
            order by criteria.position
        ) as sort_key
    from head_to_head
    join teams on teams.team_id = head_to_head.team_id
    where head_to_head.team_row = 1
),

ranked as (
    select
        sort_keys.*,
        row_number() over ranking::int as rank,
        lead(sort_key) over ranking as next_sort_key
    from sort_keys
    window ranking as (
        partition by league_id, season, group_name
        order by sort_key desc, team_name collate "und-x-icu", team_id
    )
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
    form,
    league_name,
    country_name,
    season_label,
    case
        when next_sort_key is null then null
        else coalesce(
            (select tie_breakers[position] from generate_subscripts(sort_key, 1) as position
             where sort_key[position] <> next_sort_key[position] order by position limit 1),
            'team_name')
    end as tie_break,
    away_goals,
    away_wins
from ranked;

comment on view marts.league_table is
    'League tables computed from results, per league-season and group (a match counts in each of its teams'' golden.standings groups, the one named after the round''s phase in a split season; the league name for a league without published standings). Counts finished and awarded matches of a league''s rounds except play-offs and finals, and of a cup''s group stage only; ranked by the competition''s rules (marts.competition_rules: points, then its tie-breakers, head-to-head among the teams level), then team name.';
comment on column marts.league_table.league_id is 'The competition.';
comment on column marts.league_table.season is 'Season start year.';
comment on column marts.league_table.group_name is 'The table: the API''s group label (e.g. "Premier League", "Group A"), or the league name when the API publishes no standings.';
comment on column marts.league_table.team_id is 'The team.';
comment on column marts.league_table.team_name is 'Team name.';
comment on column marts.league_table.rank is 'Position in the group: points, then the competition''s tie_breakers (marts.competition_rules), then team name.';
comment on column marts.league_table.played is 'Matches counted.';
comment on column marts.league_table.won is 'Matches won.';
comment on column marts.league_table.drawn is 'Matches drawn.';
comment on column marts.league_table.lost is 'Matches lost.';
comment on column marts.league_table.goals_for is 'Goals scored.';
comment on column marts.league_table.goals_against is 'Goals conceded.';
comment on column marts.league_table.goal_diff is 'goals_for minus goals_against.';
comment on column marts.league_table.points is 'The competition''s points per win and draw (3 and 1 unless golden.competition_rules says otherwise).';
comment on column marts.league_table.form is 'The last five results in this table, newest first, e.g. WWDLW; null before the first match.';
comment on column marts.league_table.league_name is 'Competition name (overrides applied).';
comment on column marts.league_table.country_name is 'Country of the competition ("World" for international ones).';
comment on column marts.league_table.season_label is 'The season as people write it, e.g. "2023-24", "2023".';
comment on column marts.league_table.tie_break is 'The criterion that put this team above the next one: points, a tie-breaker of the competition (e.g. h2h_points, goal_diff) or team_name when level on all; null for the last team.';
comment on column marts.league_table.away_goals is 'Goals scored away from home (a tie-breaker of some competitions).';
comment on column marts.league_table.away_wins is 'Matches won away from home (a tie-breaker of some competitions).';
