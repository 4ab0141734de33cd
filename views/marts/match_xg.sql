-- Expected goals match by match: one row per team per finished match (two per match), its xG for
-- and against from golden.fixture_team_stats (the API's "expected_goals", sent from 2024 on) beside
-- the score, and the points the chances were worth.
-- The model, computed here in SQL: each team's goals are independent Poisson draws whose means are
-- the two xG figures, P(k goals) = e^-xG * xG^k / k!. Summing P(home i) * P(away j) over the
-- scores i, j from 0 to 15, where 15 stands for "15 or more" (it takes the rest of the
-- distribution, so the three probabilities add up to 1 at any xG), gives the win, draw and loss
-- probabilities, and expected points = 3 * P(win) + P(draw) (the competition's points per win and
-- draw, golden.competition_rules: 3 and 1 unless it says otherwise).
-- For example xG 1.0 against 0.0: the opponent scores 0 for certain, so P(draw) = P(0 goals) =
-- e^-1 = 0.368 and P(win) = 0.632: 2.264 expected points, and 0.368 for the opponent.
-- Only where both teams have xG: every xG column (and the probabilities) is null otherwise.
-- Finished matches only (awarded scores were not played for). Goals are the score after extra
-- time, shoot-outs excluded; penalty goals come from the goal events (detail "Penalty", not in a
-- shoot-out), so they and the non-penalty goals are null for a match without events.
-- Apps may rely on the columns of the contract below (src/db/contracts.ts): it may grow, but
-- removing or retyping a column takes a new version of this mart (a _v2 file beside this one).
-- contract:
--   fixture_id integer
--   league_id integer
--   season integer
--   league_name text
--   round text
--   kickoff_at timestamp with time zone
--   team_id integer
--   team_name text
--   opponent_id integer
--   opponent_name text
--   is_home boolean
--   goals_for integer
--   goals_against integer
--   penalty_goals_for integer
--   non_penalty_goals_for integer
--   xg_for numeric
--   xg_against numeric
--   xg_diff numeric
--   points integer
--   win_probability numeric
--   draw_probability numeric
--   loss_probability numeric
--   expected_points numeric
--   country_name text
--   season_label text
create view marts.match_xg as
with

-- marts.fixtures rather than marts.fixture_results: a view built on WITH is planned as a
-- separate subquery, which a filter on the league-season cannot reach by index.
fixtures as (
    select fixture_id, league_id, season, round, kickoff_at, status_short, home_team_id, away_team_id, goals_home, goals_away
    from marts.fixtures
),

statuses as (
    select status_short, category from golden.fixture_statuses
),

team_stats as not materialized (
    select fixture_id, team_id, expected_goals from golden.fixture_team_stats
),

events as not materialized (
    select fixture_id, team_id, type, detail, is_shootout from golden.fixture_events
),

teams as not materialized (
    select team_id, name as team_name from marts.teams
),

-- Labels, and the points a win and a draw are worth in the competition (golden.competition_rules).
rules as (
    select league_id, season, league_name, country_name, season_label, points_per_win, points_per_draw
    from marts.competition_rules
),

played as (
    select
        fixtures.*,
        home_stats.expected_goals as xg_home,
        away_stats.expected_goals as xg_away,
        goal_events.has_events,
        goal_events.home_penalty_goals,
        goal_events.away_penalty_goals
    from fixtures
    join statuses on statuses.status_short = fixtures.status_short
    left join team_stats as home_stats on home_stats.fixture_id = fixtures.fixture_id and home_stats.team_id = fixtures.home_team_id
    left join team_stats as away_stats on away_stats.fixture_id = fixtures.fixture_id and away_stats.team_id = fixtures.away_team_id
    -- Per match, so a filter on one league-season reads only its matches' events.
    cross join lateral (
        select
            count(*) > 0 as has_events,
            (count(*) filter (where events.type = 'Goal' and events.detail = 'Penalty' and events.is_shootout is not true
                and events.team_id = fixtures.home_team_id))::int as home_penalty_goals,
            (count(*) filter (where events.type = 'Goal' and events.detail = 'Penalty' and events.is_shootout is not true
                and events.team_id = fixtures.away_team_id))::int as away_penalty_goals
        from events
        where events.fixture_id = fixtures.fixture_id
    ) as goal_events
    where statuses.category = 'finished'
),

-- The Poisson model of the header, per match, from the home side.
outcomes as (
    select
        played.*,
        probabilities.home_win,
        probabilities.draw,
        probabilities.away_win
    from played
    cross join lateral (
        select
            sum(home.p * away.p) filter (where home.goals > away.goals) as home_win,
            sum(home.p * away.p) filter (where home.goals = away.goals) as draw,
            sum(home.p * away.p) filter (where home.goals < away.goals) as away_win
        from (
            select k as goals,
                case when k < 15 then pmf else greatest(0, 1 - sum(pmf) over (order by k rows between unbounded preceding and 1 preceding)) end as p
            from generate_series(0, 15) as k
            cross join lateral (select exp(-played.xg_home::float8) * power(played.xg_home::float8, k) / factorial(k)::float8 as pmf) as poisson
        ) as home
        cross join (
            select k as goals,
                case when k < 15 then pmf else greatest(0, 1 - sum(pmf) over (order by k rows between unbounded preceding and 1 preceding)) end as p
            from generate_series(0, 15) as k
            cross join lateral (select exp(-played.xg_away::float8) * power(played.xg_away::float8, k) / factorial(k)::float8 as pmf) as poisson
        ) as away
        where played.xg_home is not null and played.xg_away is not null
    ) as probabilities
),

-- Each match from both sides.
sides as (
    select
        outcomes.fixture_id,
        outcomes.league_id,
        outcomes.season,
        outcomes.round,
        outcomes.kickoff_at,
        sides.is_home,
        case when sides.is_home then outcomes.home_team_id else outcomes.away_team_id end as team_id,
        case when sides.is_home then outcomes.away_team_id else outcomes.home_team_id end as opponent_id,
        (case when sides.is_home then outcomes.goals_home else outcomes.goals_away end)::int as goals_for,
        (case when sides.is_home then outcomes.goals_away else outcomes.goals_home end)::int as goals_against,
        case when outcomes.has_events then case when sides.is_home then outcomes.home_penalty_goals else outcomes.away_penalty_goals end end as penalty_goals_for,
        case when sides.is_home then outcomes.xg_home else outcomes.xg_away end as xg_for,
        case when sides.is_home then outcomes.xg_away else outcomes.xg_home end as xg_against,
        case when sides.is_home then outcomes.home_win else outcomes.away_win end as win_probability,
        outcomes.draw as draw_probability,
        case when sides.is_home then outcomes.away_win else outcomes.home_win end as loss_probability
    from outcomes
    cross join (values (true), (false)) as sides (is_home)
)

select
    sides.fixture_id,
    sides.league_id,
    sides.season,
    rules.league_name,
    sides.round,
    sides.kickoff_at,
    sides.team_id,
    teams.team_name,
    sides.opponent_id,
    opponents.team_name as opponent_name,
    sides.is_home,
    sides.goals_for,
    sides.goals_against,
    sides.penalty_goals_for,
    sides.goals_for - sides.penalty_goals_for as non_penalty_goals_for,
    -- Both or neither: a figure without the other side's cannot be weighed.
    case when sides.xg_against is not null then sides.xg_for end as xg_for,
    case when sides.xg_for is not null then sides.xg_against end as xg_against,
    sides.xg_for - sides.xg_against as xg_diff,
    case when sides.goals_for > sides.goals_against then rules.points_per_win when sides.goals_for = sides.goals_against then rules.points_per_draw else 0 end as points,
    round(sides.win_probability::numeric, 4) as win_probability,
    round(sides.draw_probability::numeric, 4) as draw_probability,
    round(sides.loss_probability::numeric, 4) as loss_probability,
    round((rules.points_per_win * sides.win_probability + rules.points_per_draw * sides.draw_probability)::numeric, 3) as expected_points,
    rules.country_name,
    rules.season_label
from sides
join teams on teams.team_id = sides.team_id
join teams as opponents on opponents.team_id = sides.opponent_id
join rules on rules.league_id = sides.league_id and rules.season = sides.season;

comment on view marts.match_xg is
    'Expected goals per team per finished match (two rows a match) beside the score, with win/draw/loss probabilities and expected points from an independent-Poisson model of the two xG figures; xG columns null unless both teams have xG.';
comment on column marts.match_xg.fixture_id is 'The match.';
comment on column marts.match_xg.league_id is 'The competition.';
comment on column marts.match_xg.season is 'Season start year.';
comment on column marts.match_xg.league_name is 'Competition name.';
comment on column marts.match_xg.round is 'The round, as the API names it.';
comment on column marts.match_xg.kickoff_at is 'Kick-off time.';
comment on column marts.match_xg.team_id is 'The team this row is about.';
comment on column marts.match_xg.team_name is 'Its name.';
comment on column marts.match_xg.opponent_id is 'The other team.';
comment on column marts.match_xg.opponent_name is 'Its name.';
comment on column marts.match_xg.is_home is 'The team played at home.';
comment on column marts.match_xg.goals_for is 'Goals scored (after extra time, shoot-out excluded).';
comment on column marts.match_xg.goals_against is 'Goals conceded.';
comment on column marts.match_xg.penalty_goals_for is 'Of goals_for, penalties scored in play (goal events with detail Penalty, no shoot-out kick); null when the match has no events.';
comment on column marts.match_xg.non_penalty_goals_for is 'goals_for minus penalty_goals_for (own goals by the opponent included); null when the match has no events.';
comment on column marts.match_xg.xg_for is 'Expected goals of the team (fixture_team_stats.expected_goals); null unless both teams have one.';
comment on column marts.match_xg.xg_against is 'Expected goals of the opponent; null unless both teams have one.';
comment on column marts.match_xg.xg_diff is 'xg_for minus xg_against.';
comment on column marts.match_xg.points is 'Points the score gave under the competition''s rules (3 for more goals and 1 for as many unless golden.competition_rules says otherwise; a shoot-out does not change it), 0 otherwise.';
comment on column marts.match_xg.win_probability is 'P(more goals than the opponent) with goals ~ Poisson(xg_for) and Poisson(xg_against), independent (4 decimals).';
comment on column marts.match_xg.draw_probability is 'P(as many goals) under the same model.';
comment on column marts.match_xg.loss_probability is 'P(fewer goals) under the same model.';
comment on column marts.match_xg.expected_points is 'Points per win * win_probability + points per draw * draw_probability (3 and 1 unless golden.competition_rules says otherwise): the points the chances were worth (3 decimals).';
comment on column marts.match_xg.country_name is 'Country of the competition.';
comment on column marts.match_xg.season_label is 'The season as people write it (marts.seasons: 2023-24, or 2023 for a calendar-year season).';
