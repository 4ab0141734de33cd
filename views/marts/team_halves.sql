-- First half against second half, per team and league-season: goals from the scores of every
-- finished match (half time, and full time less half time; extra time left out), and shots,
-- corners, possession and expected goals from golden.fixture_team_half_stats where loaded
-- (`etl run --with halves`), with the number of matches those figures cover.
-- Apps may rely on the columns of the contract below (src/db/contracts.ts): it may grow, but
-- removing or retyping a column takes a new version of this mart (a _v2 file beside this one).
-- contract:
--   league_id integer
--   season integer
--   team_id integer
--   team_name text
--   half integer
--   matches integer
--   goals_for integer
--   goals_against integer
--   matches_with_stats integer
--   shots_for integer
--   shots_on_target_for integer
--   corners_for integer
--   possession_pct numeric
--   expected_goals_for numeric
--   league_name text
--   country_name text
--   season_label text
create view marts.team_halves as
with

fixtures as (
    select fixture_id, league_id, season, status_short, home_team_id, away_team_id,
        halftime_home, halftime_away, fulltime_home, fulltime_away
    from marts.fixtures
),

half_stats as not materialized (
    select fixture_id, team_id, half, shots_total, shots_on_goal, corner_kicks, possession_pct, expected_goals
    from golden.fixture_team_half_stats
),

seasons as (
    select league_id, season, league_name, country_name, season_label from marts.seasons
),

teams as (
    select team_id, name as team_name from marts.teams
),

-- Each finished match twice per side: its first and its second half.
sides as (
    select
        fixtures.fixture_id, fixtures.league_id, fixtures.season, side.team_id, halves.half,
        case halves.half when 1 then side.halftime_for else side.fulltime_for - side.halftime_for end as goals_for,
        case halves.half when 1 then side.halftime_against else side.fulltime_against - side.halftime_against end as goals_against
    from fixtures
    cross join lateral (values
        (fixtures.home_team_id, fixtures.halftime_home, fixtures.halftime_away, fixtures.fulltime_home, fixtures.fulltime_away),
        (fixtures.away_team_id, fixtures.halftime_away, fixtures.halftime_home, fixtures.fulltime_away, fixtures.fulltime_home)
    ) as side(team_id, halftime_for, halftime_against, fulltime_for, fulltime_against)
    cross join (values (1), (2)) as halves(half)
    where fixtures.status_short in ('FT', 'AET', 'PEN') and side.halftime_for is not null and side.fulltime_for is not null
),

final as (
    select
        sides.league_id,
        sides.season,
        sides.team_id,
        teams.team_name,
        sides.half,
        count(*)::int as matches,
        sum(sides.goals_for)::int as goals_for,
        sum(sides.goals_against)::int as goals_against,
        count(own.fixture_id)::int as matches_with_stats,
        sum(own.shots_total)::int as shots_for,
        sum(own.shots_on_goal)::int as shots_on_target_for,
        sum(own.corner_kicks)::int as corners_for,
        round(avg(own.possession_pct), 1) as possession_pct,
        sum(own.expected_goals) as expected_goals_for
    from sides
    join teams on teams.team_id = sides.team_id
    left join half_stats as own on own.fixture_id = sides.fixture_id and own.team_id = sides.team_id and own.half = sides.half
    group by sides.league_id, sides.season, sides.team_id, teams.team_name, sides.half
)

select
    final.*,
    seasons.league_name,
    seasons.country_name,
    seasons.season_label
from final
join seasons on seasons.league_id = final.league_id and seasons.season = final.season;

comment on view marts.team_halves is
    'First half against second half, per team and league-season: goals from the scores of all finished matches, and shots, corners, possession and xG from golden.fixture_team_half_stats where loaded (etl run --with halves).';
comment on column marts.team_halves.league_id is 'The competition.';
comment on column marts.team_halves.season is 'Season start year.';
comment on column marts.team_halves.team_id is 'The team.';
comment on column marts.team_halves.team_name is 'Team name.';
comment on column marts.team_halves.half is '1 for the first half, 2 for the second (extra time not included).';
comment on column marts.team_halves.matches is 'Finished matches with a half-time and a full-time score.';
comment on column marts.team_halves.goals_for is 'Goals scored in this half (second half: full time less half time).';
comment on column marts.team_halves.goals_against is 'Goals conceded in this half.';
comment on column marts.team_halves.matches_with_stats is 'Matches whose half statistics are loaded: the shots, corners, possession and xG below cover these only.';
comment on column marts.team_halves.shots_for is 'Shots in this half, over matches_with_stats.';
comment on column marts.team_halves.shots_on_target_for is 'Shots on target in this half, over matches_with_stats.';
comment on column marts.team_halves.corners_for is 'Corners won in this half, over matches_with_stats.';
comment on column marts.team_halves.possession_pct is 'Average ball possession in this half, over matches_with_stats.';
comment on column marts.team_halves.expected_goals_for is 'Expected goals in this half, over the matches that have them.';
comment on column marts.team_halves.league_name is 'Competition name (marts.leagues, overrides applied).';
comment on column marts.team_halves.country_name is 'Country of the competition ("World" for international ones).';
comment on column marts.team_halves.season_label is 'Season as people write it, e.g. 2023-24 (marts.seasons).';
