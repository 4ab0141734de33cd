-- The rules that apply to each league-season, with its labels: the row of golden.competition_rules
-- for the league with the greatest from_season not after the season, else the default's (league_id
-- 0). Rules are curated data, edited with SQL (README, "Tie-break rules"); the marts that rank or
-- settle ties (league_table, knockout_ties) read them from here, so an edit shows at once.
-- Should the default row be deleted too, points, goal difference and goals scored still rank: a
-- table never loses its order because a rule is missing.
-- The labels are marts.seasons' (one definition of a season label for every mart).
-- Apps may rely on the columns of the contract below (src/db/contracts.ts): it may grow, but
-- removing or retyping a column takes a new version of this mart (a _v2 file beside this one).
-- contract:
--   league_id integer
--   season integer
--   league_name text
--   country_name text
--   season_label text
--   tie_breakers text[]
--   points_per_win integer
--   points_per_draw integer
--   away_goals_decide_ties boolean
--   rules_league_id integer
--   rules_from_season integer
--   rules_notes text
--   league_type text
create view marts.competition_rules as
with

seasons as (
    select league_id, season, league_name, country_name, season_label, league_type from marts.seasons
),

rules as (
    select * from golden.competition_rules
),

-- The league's own row when one applies to the season, else the default's; the newest era first.
applicable as (
    select
        seasons.league_id,
        seasons.season,
        seasons.league_name,
        seasons.country_name,
        seasons.season_label,
        seasons.league_type,
        chosen.*
    from seasons
    left join lateral (
        select
            rules.league_id as rules_league_id,
            rules.from_season::int as rules_from_season,
            rules.tie_breakers,
            rules.points_per_win::int as points_per_win,
            rules.points_per_draw::int as points_per_draw,
            rules.away_goals_decide_ties,
            rules.notes as rules_notes
        from rules
        where rules.league_id in (seasons.league_id, 0) and rules.from_season <= seasons.season
        order by rules.league_id = seasons.league_id desc, rules.from_season desc
        limit 1
    ) as chosen on true
)

select
    applicable.league_id,
    applicable.season,
    applicable.league_name,
    applicable.country_name,
    applicable.season_label,
    coalesce(applicable.tie_breakers, '{points,goal_diff,goals_for}') as tie_breakers,
    coalesce(applicable.points_per_win, 3) as points_per_win,
    coalesce(applicable.points_per_draw, 1) as points_per_draw,
    coalesce(applicable.away_goals_decide_ties, false) as away_goals_decide_ties,
    applicable.rules_league_id,
    applicable.rules_from_season,
    applicable.rules_notes,
    applicable.league_type
from applicable;

comment on view marts.competition_rules is
    'One row per league-season: its labels and the competition rules that apply (golden.competition_rules: the league''s row of the latest from_season not after the season, else the default, league_id 0). Edit golden.competition_rules to change them.';
comment on column marts.competition_rules.league_id is 'The competition.';
comment on column marts.competition_rules.season is 'Season start year.';
comment on column marts.competition_rules.league_name is 'Competition name (overrides applied).';
comment on column marts.competition_rules.country_name is 'Country of the competition ("World" for international ones).';
comment on column marts.competition_rules.season_label is 'The season as people write it (marts.seasons): "2023-24" when it ends in a later year, else "2023".';
comment on column marts.competition_rules.tie_breakers is 'Ranking criteria in order, points first (see golden.competition_rules.tie_breakers); teams level on all are ordered by name.';
comment on column marts.competition_rules.points_per_win is 'League points for a win.';
comment on column marts.competition_rules.points_per_draw is 'League points for a draw.';
comment on column marts.competition_rules.away_goals_decide_ties is 'A two-legged tie level on aggregate goes to the team with more away goals this season.';
comment on column marts.competition_rules.rules_league_id is 'Whose row applies: the league_id, 0 for the default; null when golden.competition_rules has none (points, goal difference, goals scored).';
comment on column marts.competition_rules.rules_from_season is 'The from_season of the row that applies.';
comment on column marts.competition_rules.rules_notes is 'The notes of the row that applies: where the rules come from.';
comment on column marts.competition_rules.league_type is 'League or Cup (golden.leagues.type): which rounds make a table (marts.fixture_results.stage).';
