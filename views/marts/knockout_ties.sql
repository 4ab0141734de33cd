-- Knockout ties, one row per tie: its legs, the aggregate, who went through and how.
-- A tie is the knockout fixtures (marts.fixture_results.stage: the rounds league_table leaves out)
-- of one league-season and phase between the same two teams; the phase is what a round names
-- before " - " ("Apertura - Quarter-finals"), so a split season's two play-offs are apart.
-- Cancelled and abandoned fixtures settle nothing and are left out; a pair that met more than
-- twice in the knockout rounds of one phase (replays) is not a tie this mart can read, and is left out.
-- team_a is the home team of the first leg. Scores are those of marts.fixture_results (after extra
-- time, shoot-out apart; an awarded leg with its counted score).
-- decided_by, for a two-legged tie: aggregate (more goals over both legs), extra_time (level after
-- 90 minutes of the second leg, more goals after extra time), away_goals (level on aggregate, more
-- goals away, in a season whose competition rules use them: UEFA until 2020-21,
-- marts.competition_rules), penalties (level, settled by the second leg's shoot-out), awarded (level,
-- the second leg awarded). For a single match: single_match (won in 90 minutes), extra_time,
-- penalties, awarded. Null until every leg is played, or when nothing in the data settles the tie.
-- Apps may rely on the columns of the contract below (src/db/contracts.ts): it may grow, but
-- removing or retyping a column takes a new version of this mart (a _v2 file beside this one).
-- contract:
--   league_id integer
--   season integer
--   round text
--   league_name text
--   country_name text
--   season_label text
--   legs integer
--   team_a_id integer
--   team_a_name text
--   team_b_id integer
--   team_b_name text
--   first_leg_fixture_id integer
--   first_leg_kickoff_at timestamp with time zone
--   first_leg_home_goals smallint
--   first_leg_away_goals smallint
--   second_leg_fixture_id integer
--   second_leg_kickoff_at timestamp with time zone
--   second_leg_home_goals smallint
--   second_leg_away_goals smallint
--   team_a_goals integer
--   team_b_goals integer
--   team_a_away_goals integer
--   team_b_away_goals integer
--   team_a_penalties smallint
--   team_b_penalties smallint
--   away_goals_rule boolean
--   is_complete boolean
--   winner_team_id integer
--   winner_name text
--   decided_by text
create view marts.knockout_ties as
with

fixture_results as (
    select * from marts.fixture_results
),

rules as not materialized (
    select league_id, season, away_goals_decide_ties from marts.competition_rules
),

knockout_fixtures as (
    select
        fixture_results.*,
        -- The phase a round names ("Apertura - Quarter-finals"): a split season's two play-offs
        -- may pair the same teams, and each is a tie of its own.
        case when strpos(fixture_results.round, ' - ') > 0 then split_part(fixture_results.round, ' - ', 1) else '' end as phase,
        least(fixture_results.home_team_id, fixture_results.away_team_id) as first_team_id,
        greatest(fixture_results.home_team_id, fixture_results.away_team_id) as second_team_id
    from fixture_results
    where fixture_results.status_category not in ('cancelled', 'abandoned')
      and fixture_results.stage = 'knockout'
),

-- Referenced twice (first and second legs): not materialized, so a filter on one league-season
-- reaches the fixtures in both places (the window is partitioned by league-season first).
legs as not materialized (
    select
        knockout_fixtures.*,
        row_number() over (pair order by kickoff_at, fixture_id) as leg,
        count(*) over pair as leg_count
    from knockout_fixtures
    window pair as (partition by league_id, season, phase, first_team_id, second_team_id)
),

-- The first leg beside the second (none for a single match); team_a is the first leg's home team,
-- so it plays the second leg away.
paired as (
    select
        first_leg.league_id,
        first_leg.season,
        first_leg.round,
        first_leg.league_name,
        first_leg.country_name,
        first_leg.season_label,
        first_leg.leg_count::int as legs,
        first_leg.home_team_id as team_a_id,
        first_leg.home_team_name as team_a_name,
        first_leg.away_team_id as team_b_id,
        first_leg.away_team_name as team_b_name,
        first_leg.fixture_id as first_leg_fixture_id,
        first_leg.kickoff_at as first_leg_kickoff_at,
        first_leg.home_goals as first_leg_home_goals,
        first_leg.away_goals as first_leg_away_goals,
        second_leg.fixture_id as second_leg_fixture_id,
        second_leg.kickoff_at as second_leg_kickoff_at,
        second_leg.home_goals as second_leg_home_goals,
        second_leg.away_goals as second_leg_away_goals,
        (first_leg.home_goals + second_leg.away_goals)::int as two_leg_a_goals,
        (first_leg.away_goals + second_leg.home_goals)::int as two_leg_b_goals,
        case when second_leg.fixture_id is null then first_leg.home_penalties else second_leg.away_penalties end as team_a_penalties,
        case when second_leg.fixture_id is null then first_leg.away_penalties else second_leg.home_penalties end as team_b_penalties,
        coalesce(rules.away_goals_decide_ties, false) as away_goals_rule,
        case
            when first_leg.leg_count = 1 then first_leg.winner is not null
            else first_leg.score_source is not null and second_leg.score_source is not null
        end as is_complete,
        first_leg.winner_team_id as single_winner_team_id,
        first_leg.decided_by as single_decided_by,
        second_leg.winner_team_id as second_leg_winner_team_id,
        second_leg.decided_by as second_leg_decided_by,
        second_leg.status as second_leg_status
    from legs as first_leg
    left join legs as second_leg
        on second_leg.league_id = first_leg.league_id and second_leg.season = first_leg.season
        and second_leg.phase = first_leg.phase
        and second_leg.first_team_id = first_leg.first_team_id and second_leg.second_team_id = first_leg.second_team_id
        and second_leg.leg = 2
    left join rules on rules.league_id = first_leg.league_id and rules.season = first_leg.season
    where first_leg.leg = 1 and first_leg.leg_count <= 2
),

-- Aggregates over what has been played: a single match's own score; away goals only for two legs.
aggregated as (
    select
        paired.*,
        case when legs = 1 then first_leg_home_goals::int else coalesce(two_leg_a_goals, first_leg_home_goals::int) end as team_a_goals,
        case when legs = 1 then first_leg_away_goals::int else coalesce(two_leg_b_goals, first_leg_away_goals::int) end as team_b_goals,
        case when legs = 2 then coalesce(second_leg_away_goals, 0)::int end as team_a_away_goals,
        case when legs = 2 then first_leg_away_goals::int end as team_b_away_goals
    from paired
),

settled as (
    select
        aggregated.*,
        case
            when not is_complete then null
            when legs = 1 then
                case when single_winner_team_id is not null then
                    case single_decided_by when 'regular_time' then 'single_match' else single_decided_by end
                end
            when team_a_goals <> team_b_goals then
                case when second_leg_status = 'AET' then 'extra_time' else 'aggregate' end
            when away_goals_rule and team_a_away_goals <> team_b_away_goals then 'away_goals'
            when second_leg_decided_by in ('penalties', 'awarded') then second_leg_decided_by
        end as decided_by
    from aggregated
),

decided as (
    select
        settled.*,
        case decided_by
            when 'single_match' then single_winner_team_id
            when 'aggregate' then case when team_a_goals > team_b_goals then team_a_id else team_b_id end
            when 'extra_time' then
                case when legs = 1 then single_winner_team_id when team_a_goals > team_b_goals then team_a_id else team_b_id end
            when 'away_goals' then case when team_a_away_goals > team_b_away_goals then team_a_id else team_b_id end
            else case when legs = 1 then single_winner_team_id else second_leg_winner_team_id end
        end as winner_team_id
    from settled
)

select
    league_id,
    season,
    round,
    league_name,
    country_name,
    season_label,
    legs,
    team_a_id,
    team_a_name,
    team_b_id,
    team_b_name,
    first_leg_fixture_id,
    first_leg_kickoff_at,
    first_leg_home_goals,
    first_leg_away_goals,
    second_leg_fixture_id,
    second_leg_kickoff_at,
    second_leg_home_goals,
    second_leg_away_goals,
    team_a_goals,
    team_b_goals,
    team_a_away_goals,
    team_b_away_goals,
    team_a_penalties,
    team_b_penalties,
    away_goals_rule,
    is_complete,
    case when decided_by is null then null else winner_team_id end as winner_team_id,
    case when decided_by is null then null when winner_team_id = team_a_id then team_a_name else team_b_name end as winner_name,
    decided_by
from decided;

comment on view marts.knockout_ties is
    'Knockout ties, one row per tie (the knockout fixtures of a league-season between the same two teams, one or two legs): both legs, the aggregate, who went through and how (aggregate, extra_time, away_goals where the season''s competition rules use them, penalties, awarded, single_match).';
comment on column marts.knockout_ties.league_id is 'The competition.';
comment on column marts.knockout_ties.season is 'Season start year.';
comment on column marts.knockout_ties.round is 'The first leg''s round as the API names it, e.g. "Round of 16", "Final".';
comment on column marts.knockout_ties.league_name is 'Competition name (overrides applied).';
comment on column marts.knockout_ties.country_name is 'Country of the competition ("World" for international ones).';
comment on column marts.knockout_ties.season_label is 'The season as people write it, e.g. "2023-24", "2023".';
comment on column marts.knockout_ties.legs is '1 for a single match, 2 for a two-legged tie.';
comment on column marts.knockout_ties.team_a_id is 'The home team of the first leg.';
comment on column marts.knockout_ties.team_a_name is 'Its name (overrides applied).';
comment on column marts.knockout_ties.team_b_id is 'The away team of the first leg (at home in the second).';
comment on column marts.knockout_ties.team_b_name is 'Its name (overrides applied).';
comment on column marts.knockout_ties.first_leg_fixture_id is 'The first (or only) match.';
comment on column marts.knockout_ties.first_leg_kickoff_at is 'Its kick-off.';
comment on column marts.knockout_ties.first_leg_home_goals is 'team_a''s goals in the first leg (marts.fixture_results.home_goals); null before it is played.';
comment on column marts.knockout_ties.first_leg_away_goals is 'team_b''s goals in the first leg.';
comment on column marts.knockout_ties.second_leg_fixture_id is 'The second leg; null for a single match.';
comment on column marts.knockout_ties.second_leg_kickoff_at is 'Its kick-off.';
comment on column marts.knockout_ties.second_leg_home_goals is 'team_b''s goals in the second leg (after extra time, shoot-out apart).';
comment on column marts.knockout_ties.second_leg_away_goals is 'team_a''s goals in the second leg.';
comment on column marts.knockout_ties.team_a_goals is 'team_a''s aggregate over the legs played (its score for a single match).';
comment on column marts.knockout_ties.team_b_goals is 'team_b''s aggregate over the legs played.';
comment on column marts.knockout_ties.team_a_away_goals is 'Goals team_a scored away (in the second leg); null for a single match.';
comment on column marts.knockout_ties.team_b_away_goals is 'Goals team_b scored away (in the first leg); null for a single match.';
comment on column marts.knockout_ties.team_a_penalties is 'team_a''s kicks scored in the deciding match''s shoot-out; null without one.';
comment on column marts.knockout_ties.team_b_penalties is 'team_b''s kicks scored in the shoot-out; null without one.';
comment on column marts.knockout_ties.away_goals_rule is 'Away goals settle a tie level on aggregate this season (marts.competition_rules).';
comment on column marts.knockout_ties.is_complete is 'Every leg has a counted score (a single match: a winner or a draw).';
comment on column marts.knockout_ties.winner_team_id is 'Who went through; null until decided.';
comment on column marts.knockout_ties.winner_name is 'Its name.';
comment on column marts.knockout_ties.decided_by is 'How: aggregate, extra_time, away_goals, penalties, awarded (two legs); single_match, extra_time, penalties, awarded (one match); null until decided.';
