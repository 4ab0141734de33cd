-- Each team's statistics in a match (golden.fixture_team_stats), beside the opponent's figures
-- that a comparison needs (shots, expected goals, possession, corners, fouls, cards, saves) and the
-- score. A statistic the API did not send is null; expected goals come from 2024 on.
-- The opponent's row is joined by the fixture's key, so a filter on fixture_id, team_id
-- (fixture_team_stats_team_idx) or league_id and season reaches an index.
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
--   status text
--   team_id integer
--   team_name text
--   is_home boolean
--   opponent_id integer
--   opponent_name text
--   goals_for smallint
--   goals_against smallint
--   shots_total integer
--   shots_on_goal integer
--   shots_off_goal integer
--   shots_blocked integer
--   shots_inside_box integer
--   shots_outside_box integer
--   expected_goals numeric
--   goals_prevented numeric
--   possession_pct numeric
--   passes_total integer
--   passes_accurate integer
--   passes_pct numeric
--   corner_kicks integer
--   offsides integer
--   fouls integer
--   yellow_cards integer
--   red_cards integer
--   goalkeeper_saves integer
--   opponent_shots_total integer
--   opponent_shots_on_goal integer
--   opponent_expected_goals numeric
--   opponent_possession_pct numeric
--   opponent_passes_total integer
--   opponent_corner_kicks integer
--   opponent_fouls integer
--   opponent_yellow_cards integer
--   opponent_red_cards integer
--   opponent_goalkeeper_saves integer
create view marts.match_team_stats as
with

-- Referenced twice (the team and its opponent).
team_stats as not materialized (
    select * from golden.fixture_team_stats
),

fixtures as (
    select fixture_id, league_id, season, round, kickoff_at, status_short, home_team_id, away_team_id, goals_home, goals_away
    from marts.fixtures
),

seasons as (
    select league_id, season, league_name, country_name, season_label from marts.seasons
),

-- Referenced twice (team and opponent).
teams as not materialized (
    select team_id, name as team_name from marts.teams
),

sides as (
    select
        own.*,
        fixtures.league_id,
        fixtures.season,
        fixtures.round,
        fixtures.kickoff_at,
        fixtures.status_short,
        own.team_id = fixtures.home_team_id as is_home,
        case when own.team_id = fixtures.home_team_id then fixtures.away_team_id else fixtures.home_team_id end as opponent_id,
        case when own.team_id = fixtures.home_team_id then fixtures.goals_home else fixtures.goals_away end as goals_for,
        case when own.team_id = fixtures.home_team_id then fixtures.goals_away else fixtures.goals_home end as goals_against
    from team_stats as own
    join fixtures on fixtures.fixture_id = own.fixture_id
)

select
    sides.fixture_id,
    sides.league_id,
    seasons.league_name,
    seasons.country_name,
    sides.season,
    seasons.season_label,
    sides.round,
    sides.kickoff_at,
    sides.status_short as status,
    sides.team_id,
    team.team_name,
    sides.is_home,
    sides.opponent_id,
    opponent.team_name as opponent_name,
    sides.goals_for,
    sides.goals_against,
    sides.shots_total,
    sides.shots_on_goal,
    sides.shots_off_goal,
    sides.shots_blocked,
    sides.shots_inside_box,
    sides.shots_outside_box,
    sides.expected_goals,
    sides.goals_prevented,
    sides.possession_pct,
    sides.passes_total,
    sides.passes_accurate,
    sides.passes_pct,
    sides.corner_kicks,
    sides.offsides,
    sides.fouls,
    sides.yellow_cards,
    sides.red_cards,
    sides.goalkeeper_saves,
    other.shots_total as opponent_shots_total,
    other.shots_on_goal as opponent_shots_on_goal,
    other.expected_goals as opponent_expected_goals,
    other.possession_pct as opponent_possession_pct,
    other.passes_total as opponent_passes_total,
    other.corner_kicks as opponent_corner_kicks,
    other.fouls as opponent_fouls,
    other.yellow_cards as opponent_yellow_cards,
    other.red_cards as opponent_red_cards,
    other.goalkeeper_saves as opponent_goalkeeper_saves
from sides
join seasons on seasons.league_id = sides.league_id and seasons.season = sides.season
join teams as team on team.team_id = sides.team_id
join teams as opponent on opponent.team_id = sides.opponent_id
left join team_stats as other on other.fixture_id = sides.fixture_id and other.team_id = sides.opponent_id;

comment on view marts.match_team_stats is
    'Each team''s statistics in a match (golden.fixture_team_stats) with the score and the opponent''s main figures beside them; null where the API sent nothing.';
comment on column marts.match_team_stats.fixture_id is 'The match.';
comment on column marts.match_team_stats.league_id is 'The competition.';
comment on column marts.match_team_stats.league_name is 'Competition name (marts.leagues).';
comment on column marts.match_team_stats.country_name is 'Country of the competition.';
comment on column marts.match_team_stats.season is 'Season start year.';
comment on column marts.match_team_stats.season_label is 'Season as people write it, e.g. 2023-24.';
comment on column marts.match_team_stats.round is 'Round as the API names it.';
comment on column marts.match_team_stats.kickoff_at is 'Kick-off of the match.';
comment on column marts.match_team_stats.status is 'Status code of the match, e.g. FT (statistics of a match in play may still change).';
comment on column marts.match_team_stats.team_id is 'The team these statistics are about.';
comment on column marts.match_team_stats.team_name is 'Its name.';
comment on column marts.match_team_stats.is_home is 'The team played at home.';
comment on column marts.match_team_stats.opponent_id is 'The other team.';
comment on column marts.match_team_stats.opponent_name is 'Its name.';
comment on column marts.match_team_stats.goals_for is 'Goals the team scored (after extra time, shoot-out excluded); null before kick-off.';
comment on column marts.match_team_stats.goals_against is 'Goals it conceded.';
comment on column marts.match_team_stats.shots_total is 'Total shots.';
comment on column marts.match_team_stats.shots_on_goal is 'Shots on target.';
comment on column marts.match_team_stats.shots_off_goal is 'Shots off target.';
comment on column marts.match_team_stats.shots_blocked is 'Shots blocked.';
comment on column marts.match_team_stats.shots_inside_box is 'Shots from inside the box.';
comment on column marts.match_team_stats.shots_outside_box is 'Shots from outside the box.';
comment on column marts.match_team_stats.expected_goals is 'Expected goals (xG); sent from the 2024 season on, null before.';
comment on column marts.match_team_stats.goals_prevented is 'Goals prevented by the goalkeeper (from 2025); may be negative.';
comment on column marts.match_team_stats.possession_pct is 'Ball possession, percent.';
comment on column marts.match_team_stats.passes_total is 'Passes.';
comment on column marts.match_team_stats.passes_accurate is 'Accurate passes.';
comment on column marts.match_team_stats.passes_pct is 'Pass accuracy, percent, as the API computes it.';
comment on column marts.match_team_stats.corner_kicks is 'Corners won.';
comment on column marts.match_team_stats.offsides is 'Offsides.';
comment on column marts.match_team_stats.fouls is 'Fouls committed.';
comment on column marts.match_team_stats.yellow_cards is 'Yellow cards.';
comment on column marts.match_team_stats.red_cards is 'Red cards.';
comment on column marts.match_team_stats.goalkeeper_saves is 'Saves by the team''s goalkeeper.';
comment on column marts.match_team_stats.opponent_shots_total is 'The opponent''s total shots; null when its statistics are missing.';
comment on column marts.match_team_stats.opponent_shots_on_goal is 'The opponent''s shots on target.';
comment on column marts.match_team_stats.opponent_expected_goals is 'The opponent''s expected goals (xG against).';
comment on column marts.match_team_stats.opponent_possession_pct is 'The opponent''s ball possession, percent.';
comment on column marts.match_team_stats.opponent_passes_total is 'The opponent''s passes.';
comment on column marts.match_team_stats.opponent_corner_kicks is 'The opponent''s corners.';
comment on column marts.match_team_stats.opponent_fouls is 'Fouls committed by the opponent.';
comment on column marts.match_team_stats.opponent_yellow_cards is 'The opponent''s yellow cards.';
comment on column marts.match_team_stats.opponent_red_cards is 'The opponent''s red cards.';
comment on column marts.match_team_stats.opponent_goalkeeper_saves is 'Saves by the opponent''s goalkeeper.';
