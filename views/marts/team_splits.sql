-- Home, away and total records of each team in a league-season: played, won, drawn, lost, goals,
-- points, and the match outcomes bettors and scouts count (clean sheets, failed to score, both
-- teams scored, over and under 2.5 goals). The matches are marts.team_matches' (finished, and
-- awarded with the awarded score), every round of the league-season, cup knockouts included, as in
-- marts.team_form.
-- Every team has its three rows (home, away, total), zeros where it has not played yet at home or
-- away: the splits are counted over each match repeated three times, not grouped by is_home. The
-- grouping keys lead with league_id, season and team_id, so a filter on them reaches the indexes
-- under marts.team_matches.
-- Apps may rely on the columns of the contract below (src/db/contracts.ts): it may grow, but
-- removing or retyping a column takes a new version of this mart (a _v2 file beside this one).
-- contract:
--   league_id integer
--   league_name text
--   country_name text
--   season integer
--   season_label text
--   team_id integer
--   team_name text
--   split text
--   played integer
--   won integer
--   drawn integer
--   lost integer
--   goals_for integer
--   goals_against integer
--   goal_diff integer
--   points integer
--   points_per_match numeric
--   clean_sheets integer
--   failed_to_score integer
--   both_teams_scored integer
--   over_2_5_goals integer
--   under_2_5_goals integer
create view marts.team_splits as
with

team_matches as (
    select * from marts.team_matches
),

seasons as (
    select league_id, season, league_name, country_name, season_label from marts.seasons
),

teams as (
    select team_id, name as team_name from marts.teams
),

splits as (
    select split from (values ('home'), ('away'), ('total')) as splits(split)
),

split_matches as (
    select
        team_matches.*,
        splits.split,
        splits.split = 'total' or (splits.split = 'home') = team_matches.is_home as in_split
    from team_matches
    cross join splits
),

totals as (
    select
        league_id,
        season,
        team_id,
        split,
        (count(*) filter (where in_split))::int as played,
        (count(*) filter (where in_split and result = 'W'))::int as won,
        (count(*) filter (where in_split and result = 'D'))::int as drawn,
        (count(*) filter (where in_split and result = 'L'))::int as lost,
        coalesce(sum(goals_for) filter (where in_split), 0)::int as goals_for,
        coalesce(sum(goals_against) filter (where in_split), 0)::int as goals_against,
        coalesce(sum(points) filter (where in_split), 0)::int as points,
        (count(*) filter (where in_split and goals_against = 0))::int as clean_sheets,
        (count(*) filter (where in_split and goals_for = 0))::int as failed_to_score,
        (count(*) filter (where in_split and goals_for > 0 and goals_against > 0))::int as both_teams_scored,
        (count(*) filter (where in_split and goals_for + goals_against > 2))::int as over_2_5_goals,
        (count(*) filter (where in_split and goals_for + goals_against <= 2))::int as under_2_5_goals
    from split_matches
    group by league_id, season, team_id, split
)

select
    totals.league_id,
    seasons.league_name,
    seasons.country_name,
    totals.season,
    seasons.season_label,
    totals.team_id,
    teams.team_name,
    totals.split,
    totals.played,
    totals.won,
    totals.drawn,
    totals.lost,
    totals.goals_for,
    totals.goals_against,
    totals.goals_for - totals.goals_against as goal_diff,
    totals.points,
    round(totals.points::numeric / nullif(totals.played, 0), 2) as points_per_match,
    totals.clean_sheets,
    totals.failed_to_score,
    totals.both_teams_scored,
    totals.over_2_5_goals,
    totals.under_2_5_goals
from totals
join seasons on seasons.league_id = totals.league_id and seasons.season = totals.season
join teams on teams.team_id = totals.team_id;

comment on view marts.team_splits is
    'Each team''s home, away and total record in a league-season (three rows, zeros where nothing was played): results, goals, points, clean sheets, failed to score, both teams scored, over and under 2.5 goals. Finished and awarded matches of every round (marts.team_matches).';
comment on column marts.team_splits.league_id is 'The competition.';
comment on column marts.team_splits.league_name is 'Competition name (marts.leagues).';
comment on column marts.team_splits.country_name is 'Country of the competition.';
comment on column marts.team_splits.season is 'Season start year.';
comment on column marts.team_splits.season_label is 'Season as people write it, e.g. 2023-24.';
comment on column marts.team_splits.team_id is 'The team.';
comment on column marts.team_splits.team_name is 'Its name.';
comment on column marts.team_splits.split is 'home (matches it hosted), away, or total (both).';
comment on column marts.team_splits.played is 'Matches in the split.';
comment on column marts.team_splits.won is 'Won on the score (a shoot-out leaves a draw).';
comment on column marts.team_splits.drawn is 'Drawn.';
comment on column marts.team_splits.lost is 'Lost.';
comment on column marts.team_splits.goals_for is 'Goals scored (after extra time, shoot-out excluded; awarded score for AWD/WO).';
comment on column marts.team_splits.goals_against is 'Goals conceded.';
comment on column marts.team_splits.goal_diff is 'goals_for minus goals_against.';
comment on column marts.team_splits.points is 'Points: 3 a win, 1 a draw.';
comment on column marts.team_splits.points_per_match is 'points / played, two decimals; null before the first match.';
comment on column marts.team_splits.clean_sheets is 'Matches without conceding.';
comment on column marts.team_splits.failed_to_score is 'Matches without scoring.';
comment on column marts.team_splits.both_teams_scored is 'Matches in which both teams scored.';
comment on column marts.team_splits.over_2_5_goals is 'Matches with three goals or more in all.';
comment on column marts.team_splits.under_2_5_goals is 'Matches with two goals or fewer in all (played = over_2_5_goals + under_2_5_goals).';
