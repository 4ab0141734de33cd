-- The table of a league-season as it stood after each round: for every round and every team of the
-- league-season, its played, won, drawn, lost, goals, points and position over the matches of
-- marts.team_matches (finished, and awarded with the awarded score) kicked off by the end of that
-- round.
-- A round ends at its last counted kick-off, and rounds are ordered by that end, so "after round 5"
-- is the table at the moment round 5's last match was played, never with a later match in it. A
-- postponed match played weeks later moves its round's end with it (the round then comes after the
-- rounds played in between); golden.rounds' order is not used, because a table as of a date
-- must only hold matches played by then.
-- One table per league-season, over the rounds that make a table (marts.fixture_results.stage: a
-- league's play-offs and finals and a cup's knockouts are left out, as in marts.league_table); a
-- cup's groups are not told apart (marts.league_table splits them). Positions rank by points, then goal difference, then goals scored, equal teams
-- sharing a position: the competition-specific tie-breakers of marts.league_table (head-to-head,
-- team name) are deliberately not applied here.
-- Windows are partitioned by league_id and season first, so a filter on them reaches the indexes
-- under marts.team_matches; a filter on team_id alone still ranks every league-season's teams.
-- Apps may rely on the columns of the contract below (src/db/contracts.ts): it may grow, but
-- removing or retyping a column takes a new version of this mart (a _v2 file beside this one).
-- contract:
--   league_id integer
--   league_name text
--   country_name text
--   season integer
--   season_label text
--   round text
--   round_number integer
--   round_ended_at timestamp with time zone
--   team_id integer
--   team_name text
--   played integer
--   won integer
--   drawn integer
--   lost integer
--   goals_for integer
--   goals_against integer
--   goal_diff integer
--   points integer
--   position integer
--   previous_position integer
create view marts.standings_by_round as
with

-- Referenced three times (round ends, the timeline, the teams): not materialized, so that each
-- reference gets the filter on league_id and season.
team_matches as not materialized (
    select * from marts.team_matches where stage = 'table'
),

seasons as (
    select league_id, season, league_name, country_name, season_label from marts.seasons
),

teams as (
    select team_id, name as team_name from marts.teams
),

round_ends as (
    select league_id, season, round, max(kickoff_at) as round_ended_at
    from team_matches
    group by league_id, season, round
),

-- Referenced twice (the timeline, the teams' rows): not materialized, so both get the filter on
-- league_id and season (the window is partitioned by them).
rounds as not materialized (
    select
        round_ends.*,
        row_number() over (partition by league_id, season order by round_ended_at, round)::int as round_number
    from round_ends
),

-- The round after which each match first counts: the first round ending at or after its kick-off.
-- Found by walking one timeline of kick-offs and round ends per league-season (a match kicked off
-- at the moment a round ends sorts before that end, so it counts in it), not by a range join of
-- every match with every round, whose cost grows with rounds times matches.
timeline as (
    select league_id, season, kickoff_at as at, false as is_round_end, team_id, result, goals_for, goals_against, points
    from team_matches
    union all
    select league_id, season, round_ended_at, true, null, null, null, null, null
    from rounds
),

slotted as (
    select
        timeline.*,
        1 + coalesce(count(*) filter (where is_round_end) over (
            partition by league_id, season order by at, is_round_end
            rows between unbounded preceding and 1 preceding
        ), 0)::int as round_number
    from timeline
),

per_round as (
    select
        league_id,
        season,
        team_id,
        round_number,
        count(*)::int as played,
        (count(*) filter (where result = 'W'))::int as won,
        (count(*) filter (where result = 'D'))::int as drawn,
        (count(*) filter (where result = 'L'))::int as lost,
        sum(goals_for)::int as goals_for,
        sum(goals_against)::int as goals_against,
        sum(points)::int as points
    from slotted
    where not is_round_end
    group by league_id, season, team_id, round_number
),

-- The teams of a league-season: those with a counted match in it.
league_teams as (
    select distinct league_id, season, team_id from team_matches
),

-- Every team after every round, its matches so far summed round by round.
totals as (
    select
        rounds.league_id,
        rounds.season,
        rounds.round,
        rounds.round_number,
        rounds.round_ended_at,
        league_teams.team_id,
        (sum(coalesce(per_round.played, 0)) over so_far)::int as played,
        (sum(coalesce(per_round.won, 0)) over so_far)::int as won,
        (sum(coalesce(per_round.drawn, 0)) over so_far)::int as drawn,
        (sum(coalesce(per_round.lost, 0)) over so_far)::int as lost,
        (sum(coalesce(per_round.goals_for, 0)) over so_far)::int as goals_for,
        (sum(coalesce(per_round.goals_against, 0)) over so_far)::int as goals_against,
        (sum(coalesce(per_round.points, 0)) over so_far)::int as points
    from rounds
    join league_teams on league_teams.league_id = rounds.league_id and league_teams.season = rounds.season
    left join per_round
        on per_round.league_id = rounds.league_id and per_round.season = rounds.season
        and per_round.team_id = league_teams.team_id and per_round.round_number = rounds.round_number
    window so_far as (partition by rounds.league_id, rounds.season, league_teams.team_id order by rounds.round_number)
),

ranked as (
    select
        totals.*,
        totals.goals_for - totals.goals_against as goal_diff,
        rank() over (
            partition by league_id, season, round_number
            order by points desc, goals_for - goals_against desc, goals_for desc
        )::int as position
    from totals
),

moves as (
    select
        ranked.*,
        lag(position) over (partition by league_id, season, team_id order by round_number) as previous_position
    from ranked
)

select
    moves.league_id,
    seasons.league_name,
    seasons.country_name,
    moves.season,
    seasons.season_label,
    moves.round,
    moves.round_number,
    moves.round_ended_at,
    moves.team_id,
    teams.team_name,
    moves.played,
    moves.won,
    moves.drawn,
    moves.lost,
    moves.goals_for,
    moves.goals_against,
    moves.goal_diff,
    moves.points,
    moves.position,
    moves.previous_position
from moves
join seasons on seasons.league_id = moves.league_id and seasons.season = moves.season
join teams on teams.team_id = moves.team_id;

comment on view marts.standings_by_round is
    'The table after each round of a league-season (as of the round''s last kick-off): cumulative record and position of every team over the rounds that make a table (stage), ranked by points, goal difference, goals scored (equal teams share a position; no competition-specific tie-breakers, no split into groups: see league_table).';
comment on column marts.standings_by_round.league_id is 'The competition.';
comment on column marts.standings_by_round.league_name is 'Competition name (marts.leagues).';
comment on column marts.standings_by_round.country_name is 'Country of the competition.';
comment on column marts.standings_by_round.season is 'Season start year.';
comment on column marts.standings_by_round.season_label is 'Season as people write it, e.g. 2023-24.';
comment on column marts.standings_by_round.round is 'The round after which the table stands, as the API names it.';
comment on column marts.standings_by_round.round_number is 'Order of the round in the league-season, from 1, by round_ended_at (then name).';
comment on column marts.standings_by_round.round_ended_at is 'Kick-off of the round''s last counted match: the table holds every match kicked off by then.';
comment on column marts.standings_by_round.team_id is 'The team (every team with a counted match in the league-season, also before its first).';
comment on column marts.standings_by_round.team_name is 'Its name.';
comment on column marts.standings_by_round.played is 'Matches played by the end of the round.';
comment on column marts.standings_by_round.won is 'Of those, won (on the score).';
comment on column marts.standings_by_round.drawn is 'Drawn.';
comment on column marts.standings_by_round.lost is 'Lost.';
comment on column marts.standings_by_round.goals_for is 'Goals scored.';
comment on column marts.standings_by_round.goals_against is 'Goals conceded.';
comment on column marts.standings_by_round.goal_diff is 'goals_for minus goals_against.';
comment on column marts.standings_by_round.points is 'Points: 3 a win, 1 a draw.';
comment on column marts.standings_by_round.position is 'Position after the round by points, goal difference, goals scored; equal teams share it (1, 1, 3).';
comment on column marts.standings_by_round.previous_position is 'Position after the previous round; null after the first.';
