-- A team's match statistics over a league-season, for and against, summed from
-- golden.fixture_team_stats of the fixtures that count (finished or awarded) and have statistics.
-- A statistic the API did not send is left out of its sum; expected goals (sent from 2024 on) come
-- with the number of matches that had them.
-- Apps may rely on the columns of the contract below (src/db/contracts.ts): it may grow, but
-- removing or retyping a column takes a new version of this mart (a _v2 file beside this one).
-- contract:
--   league_id integer
--   season integer
--   team_id integer
--   team_name text
--   matches integer
--   goals_for integer
--   goals_against integer
--   shots_for integer
--   shots_against integer
--   shots_on_target_for integer
--   shots_on_target_against integer
--   average_possession_pct numeric
--   expected_goals_for numeric
--   expected_goals_against numeric
--   expected_goals_matches integer
--   corners_for integer
--   corners_against integer
--   fouls integer
--   yellow_cards integer
--   red_cards integer
--   pass_accuracy_pct numeric
--   league_name text
--   country_name text
--   season_label text
create view marts.team_season_stats as
with

team_stats as not materialized (
    select * from golden.fixture_team_stats
),

-- marts.fixtures rather than marts.fixture_results: a view built on WITH is planned as a
-- separate subquery, which a join on fixture_id cannot reach by index.
fixtures as (
    select fixture_id, league_id, season, status_short, home_team_id, goals_home, goals_away from marts.fixtures
),

statuses as (
    select status_short, category from golden.fixture_statuses
),

seasons as (
    select league_id, season, league_name, country_name, season_label from marts.seasons
),

teams as (
    select team_id, name as team_name from marts.teams
),

per_match as (
    select
        fixtures.league_id,
        fixtures.season,
        own.team_id,
        own.fixture_id,
        case when own.team_id = fixtures.home_team_id then fixtures.goals_home else fixtures.goals_away end as goals_for,
        case when own.team_id = fixtures.home_team_id then fixtures.goals_away else fixtures.goals_home end as goals_against,
        own.shots_total as shots_for,
        other.shots_total as shots_against,
        own.shots_on_goal as shots_on_target_for,
        other.shots_on_goal as shots_on_target_against,
        own.possession_pct,
        own.expected_goals as expected_goals_for,
        other.expected_goals as expected_goals_against,
        own.corner_kicks as corners_for,
        other.corner_kicks as corners_against,
        own.fouls,
        own.yellow_cards,
        own.red_cards,
        own.passes_total,
        own.passes_accurate
    from team_stats as own
    join fixtures on fixtures.fixture_id = own.fixture_id
    join statuses on statuses.status_short = fixtures.status_short
    left join team_stats as other on other.fixture_id = own.fixture_id and other.team_id <> own.team_id
    where statuses.category in ('finished', 'awarded')
),

season_totals as (
    select
        league_id,
        season,
        team_id,
        count(*)::int as matches,
        sum(goals_for)::int as goals_for,
        sum(goals_against)::int as goals_against,
        sum(shots_for)::int as shots_for,
        sum(shots_against)::int as shots_against,
        sum(shots_on_target_for)::int as shots_on_target_for,
        sum(shots_on_target_against)::int as shots_on_target_against,
        round(avg(possession_pct), 1) as average_possession_pct,
        sum(expected_goals_for) as expected_goals_for,
        sum(expected_goals_against) as expected_goals_against,
        count(expected_goals_for)::int as expected_goals_matches,
        sum(corners_for)::int as corners_for,
        sum(corners_against)::int as corners_against,
        sum(fouls)::int as fouls,
        sum(yellow_cards)::int as yellow_cards,
        sum(red_cards)::int as red_cards,
        round(100.0 * sum(passes_accurate) / nullif(sum(passes_total), 0), 1) as pass_accuracy_pct
    from per_match
    group by league_id, season, team_id
)

select
    season_totals.league_id,
    season_totals.season,
    season_totals.team_id,
    teams.team_name,
    season_totals.matches,
    season_totals.goals_for,
    season_totals.goals_against,
    season_totals.shots_for,
    season_totals.shots_against,
    season_totals.shots_on_target_for,
    season_totals.shots_on_target_against,
    season_totals.average_possession_pct,
    season_totals.expected_goals_for,
    season_totals.expected_goals_against,
    season_totals.expected_goals_matches,
    season_totals.corners_for,
    season_totals.corners_against,
    season_totals.fouls,
    season_totals.yellow_cards,
    season_totals.red_cards,
    season_totals.pass_accuracy_pct,
    seasons.league_name,
    seasons.country_name,
    seasons.season_label
from season_totals
join teams on teams.team_id = season_totals.team_id
join seasons on seasons.league_id = season_totals.league_id and seasons.season = season_totals.season;

comment on view marts.team_season_stats is
    'A team''s match statistics over a league-season, for and against, from golden.fixture_team_stats of finished and awarded fixtures that have statistics.';
comment on column marts.team_season_stats.league_id is 'The competition.';
comment on column marts.team_season_stats.season is 'Season start year.';
comment on column marts.team_season_stats.team_id is 'The team.';
comment on column marts.team_season_stats.team_name is 'Team name.';
comment on column marts.team_season_stats.matches is 'Counted matches with statistics for the team: the base of every figure here.';
comment on column marts.team_season_stats.goals_for is 'Goals scored in those matches.';
comment on column marts.team_season_stats.goals_against is 'Goals conceded in those matches.';
comment on column marts.team_season_stats.shots_for is 'Total shots.';
comment on column marts.team_season_stats.shots_against is 'Total shots of the opponents.';
comment on column marts.team_season_stats.shots_on_target_for is 'Shots on goal.';
comment on column marts.team_season_stats.shots_on_target_against is 'Shots on goal of the opponents.';
comment on column marts.team_season_stats.average_possession_pct is 'Mean ball possession, percent (1 decimal).';
comment on column marts.team_season_stats.expected_goals_for is 'Sum of expected goals over the matches that have them (see expected_goals_matches); null when none.';
comment on column marts.team_season_stats.expected_goals_against is 'Sum of the opponents'' expected goals over the matches that have them.';
comment on column marts.team_season_stats.expected_goals_matches is 'Matches with an expected goals figure for the team.';
comment on column marts.team_season_stats.corners_for is 'Corner kicks.';
comment on column marts.team_season_stats.corners_against is 'Corner kicks of the opponents.';
comment on column marts.team_season_stats.fouls is 'Fouls committed.';
comment on column marts.team_season_stats.yellow_cards is 'Yellow cards.';
comment on column marts.team_season_stats.red_cards is 'Red cards.';
comment on column marts.team_season_stats.pass_accuracy_pct is 'Accurate passes over total passes, percent (1 decimal).';
comment on column marts.team_season_stats.league_name is 'Competition name (marts.leagues, overrides applied).';
comment on column marts.team_season_stats.country_name is 'Country of the competition ("World" for international ones).';
comment on column marts.team_season_stats.season_label is 'Season as people write it, e.g. 2023-24 (marts.seasons).';
