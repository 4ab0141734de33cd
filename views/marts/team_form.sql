-- Each team's last five matches that count in a league-season (all rounds, cup knockouts
-- included), newest first, with what they brought.
-- Apps may rely on the columns of the contract below (src/db/contracts.ts): it may grow, but
-- removing or retyping a column takes a new version of this mart (a _v2 file beside this one).
-- contract:
--   league_id integer
--   season integer
--   team_id integer
--   team_name text
--   form text
--   played integer
--   won integer
--   drawn integer
--   lost integer
--   goals_for integer
--   goals_against integer
--   points integer
--   last_kickoff_at timestamp with time zone
--   last_fixture_id integer
--   league_name text
--   country_name text
--   season_label text
create view marts.team_form as
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

recent as (
    select
        team_matches.*,
        row_number() over (
            partition by league_id, season, team_id
            order by kickoff_at desc, fixture_id desc
        ) as recency
    from team_matches
),

last_five as (
    select
        league_id,
        season,
        team_id,
        string_agg(result, '' order by recency) as form,
        count(*)::int as played,
        (count(*) filter (where result = 'W'))::int as won,
        (count(*) filter (where result = 'D'))::int as drawn,
        (count(*) filter (where result = 'L'))::int as lost,
        sum(goals_for)::int as goals_for,
        sum(goals_against)::int as goals_against,
        sum(points)::int as points,
        max(kickoff_at) as last_kickoff_at,
        (array_agg(fixture_id order by recency))[1] as last_fixture_id
    from recent
    where recency <= 5
    group by league_id, season, team_id
)

select
    last_five.league_id,
    last_five.season,
    last_five.team_id,
    teams.team_name,
    last_five.form,
    last_five.played,
    last_five.won,
    last_five.drawn,
    last_five.lost,
    last_five.goals_for,
    last_five.goals_against,
    last_five.points,
    last_five.last_kickoff_at,
    last_five.last_fixture_id,
    seasons.league_name,
    seasons.country_name,
    seasons.season_label
from last_five
join teams on teams.team_id = last_five.team_id
join seasons on seasons.league_id = last_five.league_id and seasons.season = last_five.season;

comment on view marts.team_form is
    'Each team''s last five counted matches in a league-season (finished or awarded, every round), newest first.';
comment on column marts.team_form.league_id is 'The competition.';
comment on column marts.team_form.season is 'Season start year.';
comment on column marts.team_form.team_id is 'The team.';
comment on column marts.team_form.team_name is 'Team name.';
comment on column marts.team_form.form is 'Results of the last five matches, newest first, e.g. WWDLW (fewer letters early in a season).';
comment on column marts.team_form.played is 'Matches in the form: 5, or fewer early in a season.';
comment on column marts.team_form.won is 'Wins among them.';
comment on column marts.team_form.drawn is 'Draws among them.';
comment on column marts.team_form.lost is 'Losses among them.';
comment on column marts.team_form.goals_for is 'Goals scored in them.';
comment on column marts.team_form.goals_against is 'Goals conceded in them.';
comment on column marts.team_form.points is 'Points from them (3 a win, 1 a draw).';
comment on column marts.team_form.last_kickoff_at is 'Kick-off of the newest of them.';
comment on column marts.team_form.last_fixture_id is 'The newest of them.';
comment on column marts.team_form.league_name is 'Competition name (marts.leagues, overrides applied).';
comment on column marts.team_form.country_name is 'Country of the competition ("World" for international ones).';
comment on column marts.team_form.season_label is 'Season as people write it, e.g. 2023-24 (marts.seasons).';
