-- Expected goals over a league-season per team, summed from marts.match_xg over the finished
-- matches where both teams have xG (xg_matches of them), with the goals and points of those same
-- matches beside them, so that goals_minus_xg and points_minus_expected compare like with like.
-- Expected points are the sum of each match's (the Poisson model described in match_xg.sql).
-- Every xG figure is null for a team with no such match (the API sends xG from 2024 on).
-- Apps may rely on the columns of the contract below (src/db/contracts.ts): it may grow, but
-- removing or retyping a column takes a new version of this mart (a _v2 file beside this one).
-- contract:
--   league_id integer
--   season integer
--   league_name text
--   team_id integer
--   team_name text
--   matches integer
--   xg_matches integer
--   xg_for numeric
--   xg_against numeric
--   xg_diff numeric
--   goals_for integer
--   goals_against integer
--   goals_minus_xg numeric
--   non_penalty_goals_for integer
--   points integer
--   expected_points numeric
--   points_minus_expected numeric
--   country_name text
--   season_label text
create view marts.team_xg_season as
with

match_xg as (
    select * from marts.match_xg
),

season_totals as (
    select
        league_id,
        season,
        league_name,
        country_name,
        season_label,
        team_id,
        team_name,
        count(*)::int as matches,
        count(xg_for)::int as xg_matches,
        sum(xg_for) as xg_for,
        sum(xg_against) as xg_against,
        (sum(goals_for) filter (where xg_for is not null))::int as goals_for,
        (sum(goals_against) filter (where xg_for is not null))::int as goals_against,
        -- Only when every xG match has its events: a partial count would read as fewer goals.
        case when count(xg_for) = count(non_penalty_goals_for) filter (where xg_for is not null)
            then (sum(non_penalty_goals_for) filter (where xg_for is not null))::int
        end as non_penalty_goals_for,
        (sum(points) filter (where xg_for is not null))::int as points,
        sum(expected_points) as expected_points
    from match_xg
    group by league_id, season, league_name, country_name, season_label, team_id, team_name
)

select
    league_id,
    season,
    league_name,
    team_id,
    team_name,
    matches,
    xg_matches,
    xg_for,
    xg_against,
    xg_for - xg_against as xg_diff,
    goals_for,
    goals_against,
    goals_for - xg_for as goals_minus_xg,
    non_penalty_goals_for,
    points,
    expected_points,
    points - expected_points as points_minus_expected,
    country_name,
    season_label
from season_totals;

comment on view marts.team_xg_season is
    'A team''s expected goals and expected points over a league-season, from marts.match_xg (finished matches where both teams have xG), beside the goals and points of those matches; null without xG.';
comment on column marts.team_xg_season.league_id is 'The competition.';
comment on column marts.team_xg_season.season is 'Season start year.';
comment on column marts.team_xg_season.league_name is 'Competition name.';
comment on column marts.team_xg_season.team_id is 'The team.';
comment on column marts.team_xg_season.team_name is 'Team name.';
comment on column marts.team_xg_season.matches is 'Finished matches played.';
comment on column marts.team_xg_season.xg_matches is 'Of them, those where both teams have xG: the base of every other figure.';
comment on column marts.team_xg_season.xg_for is 'Expected goals for, summed; null when xg_matches is 0.';
comment on column marts.team_xg_season.xg_against is 'Expected goals against, summed; null when xg_matches is 0.';
comment on column marts.team_xg_season.xg_diff is 'xg_for minus xg_against.';
comment on column marts.team_xg_season.goals_for is 'Goals scored in the xG matches; null when xg_matches is 0.';
comment on column marts.team_xg_season.goals_against is 'Goals conceded in the xG matches.';
comment on column marts.team_xg_season.goals_minus_xg is 'goals_for minus xg_for: finishing above (positive) or below expectation.';
comment on column marts.team_xg_season.non_penalty_goals_for is 'Goals scored in the xG matches, penalties in play excluded; null unless every xG match has events.';
comment on column marts.team_xg_season.points is 'Points won in the xG matches.';
comment on column marts.team_xg_season.expected_points is 'Expected points summed over the xG matches (match_xg''s Poisson model).';
comment on column marts.team_xg_season.points_minus_expected is 'points minus expected_points: results above (positive) or below what the chances were worth.';
comment on column marts.team_xg_season.country_name is 'Country of the competition.';
comment on column marts.team_xg_season.season_label is 'The season as people write it (marts.seasons: 2023-24, or 2023 for a calendar-year season).';
