-- Every pair of teams that met, across competitions and seasons, from the first team's side:
-- each pair has two rows (A v B and B v A), so a filter on team_id and opponent_id answers it.
-- Apps may rely on the columns of the contract below (src/db/contracts.ts): it may grow, but
-- removing or retyping a column takes a new version of this mart (a _v2 file beside this one).
-- contract:
--   team_id integer
--   team_name text
--   opponent_id integer
--   opponent_name text
--   played integer
--   won integer
--   drawn integer
--   lost integer
--   goals_for integer
--   goals_against integer
--   played_at_home integer
--   first_kickoff_at timestamp with time zone
--   last_kickoff_at timestamp with time zone
--   last_fixture_id integer
--   recent_form text
create view marts.head_to_head as
with

team_matches as (
    select * from marts.team_matches
),

teams as not materialized (
    select team_id, name as team_name from marts.teams
),

pairs as (
    select
        team_id,
        opponent_id,
        count(*)::int as played,
        (count(*) filter (where result = 'W'))::int as won,
        (count(*) filter (where result = 'D'))::int as drawn,
        (count(*) filter (where result = 'L'))::int as lost,
        sum(goals_for)::int as goals_for,
        sum(goals_against)::int as goals_against,
        (count(*) filter (where is_home))::int as played_at_home,
        min(kickoff_at) as first_kickoff_at,
        max(kickoff_at) as last_kickoff_at,
        (array_agg(fixture_id order by kickoff_at desc, fixture_id desc))[1] as last_fixture_id,
        left(string_agg(result, '' order by kickoff_at desc, fixture_id desc), 5) as recent_form
    from team_matches
    group by team_id, opponent_id
)

select
    pairs.team_id,
    team.team_name,
    pairs.opponent_id,
    opponent.team_name as opponent_name,
    pairs.played,
    pairs.won,
    pairs.drawn,
    pairs.lost,
    pairs.goals_for,
    pairs.goals_against,
    pairs.played_at_home,
    pairs.first_kickoff_at,
    pairs.last_kickoff_at,
    pairs.last_fixture_id,
    pairs.recent_form
from pairs
join teams as team on team.team_id = pairs.team_id
join teams as opponent on opponent.team_id = pairs.opponent_id;

comment on view marts.head_to_head is
    'Record of each team against each opponent it met, over all competitions and seasons (finished and awarded fixtures); two rows per pair, one from each side.';
comment on column marts.head_to_head.team_id is 'The team whose record this is.';
comment on column marts.head_to_head.team_name is 'Its name.';
comment on column marts.head_to_head.opponent_id is 'The opponent.';
comment on column marts.head_to_head.opponent_name is 'The opponent''s name.';
comment on column marts.head_to_head.played is 'Matches between them.';
comment on column marts.head_to_head.won is 'Won by team_id (on the score; a shoot-out leaves a draw).';
comment on column marts.head_to_head.drawn is 'Drawn.';
comment on column marts.head_to_head.lost is 'Lost by team_id.';
comment on column marts.head_to_head.goals_for is 'Goals team_id scored against the opponent.';
comment on column marts.head_to_head.goals_against is 'Goals the opponent scored against team_id.';
comment on column marts.head_to_head.played_at_home is 'Matches of them team_id played at home.';
comment on column marts.head_to_head.first_kickoff_at is 'Their first meeting.';
comment on column marts.head_to_head.last_kickoff_at is 'Their latest meeting.';
comment on column marts.head_to_head.last_fixture_id is 'The fixture of their latest meeting.';
comment on column marts.head_to_head.recent_form is 'team_id''s results in their last five meetings, newest first.';
