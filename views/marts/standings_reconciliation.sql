-- The API's standings next to the table computed from our fixtures, one row per standings row.
-- matches is true when rank, points, played, won, drawn, lost, goals for and against all agree: a
-- false flags a fixture we lack, a score that differs, or standings older than the fixtures; reason
-- says which, and whether a rank differs only because the API orders teams level on points
-- otherwise than the competition's rules as golden.competition_rules holds them (tie_break).
-- Apps may rely on the columns of the contract below (src/db/contracts.ts): it may grow, but
-- removing or retyping a column takes a new version of this mart (a _v2 file beside this one).
-- contract:
--   league_id integer
--   season integer
--   group_name text
--   team_id integer
--   team_name text
--   matches boolean
--   differences text[]
--   api_rank smallint
--   computed_rank integer
--   api_points smallint
--   computed_points integer
--   api_played smallint
--   computed_played integer
--   api_won smallint
--   computed_won integer
--   api_drawn smallint
--   computed_drawn integer
--   api_lost smallint
--   computed_lost integer
--   api_goals_for smallint
--   computed_goals_for integer
--   api_goals_against smallint
--   computed_goals_against integer
--   api_form text
--   computed_form text
--   api_updated_at timestamp with time zone
--   league_name text
--   country_name text
--   season_label text
--   reason text
--   computed_tie_break text
create view marts.standings_reconciliation as
with

standings as (
    select * from golden.standings
),

league_table as (
    select * from marts.league_table
),

teams as (
    select team_id, name as team_name from marts.teams
),

labels as (
    select league_id, season, league_name, country_name, season_label from marts.competition_rules
),

paired as (
    select
        standings.league_id,
        standings.season,
        standings.group_name,
        standings.team_id,
        teams.team_name,
        standings.rank as api_rank,
        league_table.rank as computed_rank,
        standings.points as api_points,
        league_table.points as computed_points,
        standings.all_played as api_played,
        league_table.played as computed_played,
        standings.all_won as api_won,
        league_table.won as computed_won,
        standings.all_drawn as api_drawn,
        league_table.drawn as computed_drawn,
        standings.all_lost as api_lost,
        league_table.lost as computed_lost,
        standings.all_goals_for as api_goals_for,
        league_table.goals_for as computed_goals_for,
        standings.all_goals_against as api_goals_against,
        league_table.goals_against as computed_goals_against,
        standings.form as api_form,
        league_table.form as computed_form,
        standings.api_updated_at,
        league_table.tie_break as computed_tie_break
    from standings
    join teams on teams.team_id = standings.team_id
    left join league_table
        on league_table.league_id = standings.league_id and league_table.season = standings.season
        and league_table.group_name = standings.group_name and league_table.team_id = standings.team_id
),

compared as (
    select
        paired.*,
        array_remove(array[
            case when computed_rank is null then 'missing' end,
            case when api_rank is distinct from computed_rank then 'rank' end,
            case when api_points is distinct from computed_points then 'points' end,
            case when api_played is distinct from computed_played then 'played' end,
            case when api_won is distinct from computed_won then 'won' end,
            case when api_drawn is distinct from computed_drawn then 'drawn' end,
            case when api_lost is distinct from computed_lost then 'lost' end,
            case when api_goals_for is distinct from computed_goals_for then 'goals_for' end,
            case when api_goals_against is distinct from computed_goals_against then 'goals_against' end
        ], null) as differences
    from paired
),

-- Whether the figures (all but rank) agree, for this row and for every row of its group: a rank
-- that differs in a group whose figures all agree can only be the order of teams level on points.
figures_compared as (
    select
        compared.*,
        differences <@ array['rank'] as figures_agree,
        bool_and(differences <@ array['rank']) over (partition by league_id, season, group_name) as group_figures_agree
    from compared
),

explained as (
    select
        figures_compared.*,
        case
            when cardinality(differences) = 0 then null
            when computed_rank is null then 'not_computed'
            -- Only the points differ: a deduction (or a bonus) the API applied, not a result.
            when differences <@ array['rank', 'points'] and 'points' = any(differences) then 'points_adjusted'
            when not figures_agree and api_played < computed_played then 'standings_behind'
            when not figures_agree and api_played > computed_played then 'fixtures_missing'
            when not figures_agree then 'scores_differ'
            when group_figures_agree then 'tie_break'
            else 'other_rows_differ'
        end as reason
    from figures_compared
)

select
    league_id,
    season,
    group_name,
    team_id,
    team_name,
    cardinality(differences) = 0 as matches,
    differences,
    api_rank,
    computed_rank,
    api_points,
    computed_points,
    api_played,
    computed_played,
    api_won,
    computed_won,
    api_drawn,
    computed_drawn,
    api_lost,
    computed_lost,
    api_goals_for,
    computed_goals_for,
    api_goals_against,
    computed_goals_against,
    api_form,
    computed_form,
    api_updated_at,
    labels.league_name,
    labels.country_name,
    labels.season_label,
    reason,
    computed_tie_break
from explained
join labels using (league_id, season);

comment on view marts.standings_reconciliation is
    'golden.standings (the API''s tables) next to marts.league_table (computed from fixtures), one row per standings row; matches says whether rank, points, played, won, drawn, lost and goals agree.';
comment on column marts.standings_reconciliation.league_id is 'The competition.';
comment on column marts.standings_reconciliation.season is 'Season start year.';
comment on column marts.standings_reconciliation.group_name is 'The API''s group label.';
comment on column marts.standings_reconciliation.team_id is 'The team.';
comment on column marts.standings_reconciliation.team_name is 'Team name.';
comment on column marts.standings_reconciliation.matches is 'True when rank, points, played, won, drawn, lost, goals for and goals against are equal on both sides (form is shown, not compared).';
comment on column marts.standings_reconciliation.differences is 'Names of the figures that differ, e.g. {points,won}; {missing,...} when the computed table has no row; empty when matches.';
comment on column marts.standings_reconciliation.api_rank is 'Rank in golden.standings.';
comment on column marts.standings_reconciliation.computed_rank is 'Rank in marts.league_table.';
comment on column marts.standings_reconciliation.api_points is 'Points in golden.standings.';
comment on column marts.standings_reconciliation.computed_points is 'Points in marts.league_table.';
comment on column marts.standings_reconciliation.api_played is 'all.played in golden.standings.';
comment on column marts.standings_reconciliation.computed_played is 'Matches counted in marts.league_table.';
comment on column marts.standings_reconciliation.api_won is 'all.win in golden.standings.';
comment on column marts.standings_reconciliation.computed_won is 'Wins in marts.league_table.';
comment on column marts.standings_reconciliation.api_drawn is 'all.draw in golden.standings.';
comment on column marts.standings_reconciliation.computed_drawn is 'Draws in marts.league_table.';
comment on column marts.standings_reconciliation.api_lost is 'all.lose in golden.standings.';
comment on column marts.standings_reconciliation.computed_lost is 'Losses in marts.league_table.';
comment on column marts.standings_reconciliation.api_goals_for is 'all.goals.for in golden.standings.';
comment on column marts.standings_reconciliation.computed_goals_for is 'Goals scored in marts.league_table.';
comment on column marts.standings_reconciliation.api_goals_against is 'all.goals.against in golden.standings.';
comment on column marts.standings_reconciliation.computed_goals_against is 'Goals conceded in marts.league_table.';
comment on column marts.standings_reconciliation.api_form is 'Form in golden.standings, newest first.';
comment on column marts.standings_reconciliation.computed_form is 'Form in marts.league_table, newest first.';
comment on column marts.standings_reconciliation.api_updated_at is 'When the API last changed its row: standings older than the latest fixture explain a mismatch.';
comment on column marts.standings_reconciliation.league_name is 'Competition name (overrides applied).';
comment on column marts.standings_reconciliation.country_name is 'Country of the competition ("World" for international ones).';
comment on column marts.standings_reconciliation.season_label is 'The season as people write it, e.g. "2023-24", "2023".';
comment on column marts.standings_reconciliation.reason is 'Why the row does not match (null when it does): not_computed (no computed row for the team in this group), standings_behind (the API counts fewer matches: its standings are older than our fixtures), fixtures_missing (the API counts matches we lack), points_adjusted (only the points differ: a deduction or bonus the API applied), scores_differ (as many matches, other results or goals), tie_break (every figure of the group agrees; the API orders teams level on points otherwise than golden.competition_rules), other_rows_differ (this row agrees; its rank moved because another row of the group differs).';
comment on column marts.standings_reconciliation.computed_tie_break is 'What put the team above the next one in marts.league_table (its tie_break): with reason tie_break, the criterion the API and the rules disagree on.';
