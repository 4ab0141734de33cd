-- Form at any moment: one row per team per counted match of a league-season (marts.team_matches),
-- carrying the team's form over its five previous matches in that league-season, before the match
-- (the figures a prediction may use: nothing of the match itself), and over its last five matches
-- once the match was played (the match included).
-- The form of a team as of a moment is the "after" columns of its last match kicked off before it:
--   select form_after, points_after from marts.team_form_as_of
--   where league_id = 39 and season = 2023 and team_id = 42 and kickoff_at < '2023-10-01'
--   order by kickoff_at desc, fixture_id desc limit 1;
-- (no row: the team had not played yet). The form going into a match is the "before" columns of
-- that match's row. marts.team_form is the same form as of today.
-- Windows are partitioned by league_id, season and team_id, so a filter on any of them reaches the
-- indexes under marts.team_matches.
-- Apps may rely on the columns of the contract below (src/db/contracts.ts): it may grow, but
-- removing or retyping a column takes a new version of this mart (a _v2 file beside this one).
-- contract:
--   fixture_id integer
--   league_id integer
--   league_name text
--   country_name text
--   season integer
--   season_label text
--   round text
--   kickoff_at timestamp with time zone
--   team_id integer
--   team_name text
--   opponent_id integer
--   opponent_name text
--   is_home boolean
--   goals_for smallint
--   goals_against smallint
--   result text
--   points integer
--   match_number integer
--   form_before text
--   played_before integer
--   points_before integer
--   goals_for_before integer
--   goals_against_before integer
--   form_after text
--   played_after integer
--   points_after integer
--   goals_for_after integer
--   goals_against_after integer
create view marts.team_form_as_of as
with

team_matches as (
    select * from marts.team_matches
),

seasons as (
    select league_id, season, league_name, country_name, season_label from marts.seasons
),

-- Referenced twice (team and opponent).
teams as not materialized (
    select team_id, name as team_name from marts.teams
),

-- Newest first, so that a frame of the following rows reads the earlier matches newest first and
-- string_agg writes the form the way it is read (WWDLW, the latest on the left).
windows as (
    select
        team_matches.*,
        row_number() over newest_first_all as reversed_number,
        count(*) over newest_first_all as matches_in_season,
        string_agg(result, '') over previous_five as form_before,
        count(*) over previous_five as played_before,
        sum(points) over previous_five as points_before,
        sum(goals_for) over previous_five as goals_for_before,
        sum(goals_against) over previous_five as goals_against_before,
        string_agg(result, '') over last_five as form_after,
        count(*) over last_five as played_after,
        sum(points) over last_five as points_after,
        sum(goals_for) over last_five as goals_for_after,
        sum(goals_against) over last_five as goals_against_after
    from team_matches
    window
        newest_first as (partition by league_id, season, team_id order by kickoff_at desc, fixture_id desc),
        newest_first_all as (newest_first rows between unbounded preceding and unbounded following),
        previous_five as (newest_first rows between 1 following and 5 following),
        last_five as (newest_first rows between current row and 4 following)
)

select
    windows.fixture_id,
    windows.league_id,
    seasons.league_name,
    seasons.country_name,
    windows.season,
    seasons.season_label,
    windows.round,
    windows.kickoff_at,
    windows.team_id,
    team.team_name,
    windows.opponent_id,
    opponent.team_name as opponent_name,
    windows.is_home,
    windows.goals_for,
    windows.goals_against,
    windows.result,
    windows.points,
    (windows.matches_in_season - windows.reversed_number + 1)::int as match_number,
    windows.form_before,
    windows.played_before::int,
    coalesce(windows.points_before, 0)::int as points_before,
    coalesce(windows.goals_for_before, 0)::int as goals_for_before,
    coalesce(windows.goals_against_before, 0)::int as goals_against_before,
    windows.form_after,
    windows.played_after::int,
    windows.points_after::int,
    windows.goals_for_after::int,
    windows.goals_against_after::int
from windows
join seasons on seasons.league_id = windows.league_id and seasons.season = windows.season
join teams as team on team.team_id = windows.team_id
join teams as opponent on opponent.team_id = windows.opponent_id;

comment on view marts.team_form_as_of is
    'Form at any date: one row per team per counted match of a league-season, with the form over the five previous matches before it (form_before...) and over the last five once it was played (form_after...). As of a moment: the after columns of the team''s last row kicked off before it (order by kickoff_at desc limit 1).';
comment on column marts.team_form_as_of.fixture_id is 'The match.';
comment on column marts.team_form_as_of.league_id is 'The competition.';
comment on column marts.team_form_as_of.league_name is 'Competition name (marts.leagues).';
comment on column marts.team_form_as_of.country_name is 'Country of the competition.';
comment on column marts.team_form_as_of.season is 'Season start year.';
comment on column marts.team_form_as_of.season_label is 'Season as people write it, e.g. 2023-24.';
comment on column marts.team_form_as_of.round is 'Round as the API names it.';
comment on column marts.team_form_as_of.kickoff_at is 'Kick-off of the match: the moment the after columns hold from.';
comment on column marts.team_form_as_of.team_id is 'The team whose form this is.';
comment on column marts.team_form_as_of.team_name is 'Its name.';
comment on column marts.team_form_as_of.opponent_id is 'The opponent in this match.';
comment on column marts.team_form_as_of.opponent_name is 'Its name.';
comment on column marts.team_form_as_of.is_home is 'The team played this match at home.';
comment on column marts.team_form_as_of.goals_for is 'Goals the team scored in this match.';
comment on column marts.team_form_as_of.goals_against is 'Goals it conceded in this match.';
comment on column marts.team_form_as_of.result is 'W, D or L of this match, on the score.';
comment on column marts.team_form_as_of.points is 'Points of this match.';
comment on column marts.team_form_as_of.match_number is 'The team''s nth counted match of the league-season, from 1, by kick-off.';
comment on column marts.team_form_as_of.form_before is 'Results of the five matches before this one, newest first (fewer early in the season); null before the first match.';
comment on column marts.team_form_as_of.played_before is 'Matches in form_before: 0 to 5.';
comment on column marts.team_form_as_of.points_before is 'Points from them.';
comment on column marts.team_form_as_of.goals_for_before is 'Goals scored in them.';
comment on column marts.team_form_as_of.goals_against_before is 'Goals conceded in them.';
comment on column marts.team_form_as_of.form_after is 'Results of the last five matches with this one, newest (this one) first: the form from this kick-off until the next match.';
comment on column marts.team_form_as_of.played_after is 'Matches in form_after: 1 to 5.';
comment on column marts.team_form_as_of.points_after is 'Points from them.';
comment on column marts.team_form_as_of.goals_for_after is 'Goals scored in them.';
comment on column marts.team_form_as_of.goals_against_after is 'Goals conceded in them.';
