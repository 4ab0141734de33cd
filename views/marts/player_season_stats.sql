-- A player's season for one team in one league-season, summed from golden.fixture_player_stats of
-- the fixtures that count (finished or awarded). Goals are the API's goals.total per match, which
-- excludes own goals and shoot-out kicks, so they equal the player's goal events of those fixtures.
-- Materialized: top_scorers, top_assists and top_cards rank every league-season from it, and
-- computing it reads every player line of every season (~1 s at 50 league-seasons, growing with
-- the data). Its rows are stored and refreshed (concurrently, through the unique index below)
-- after every load or replay that wrote rows and after every override set or removed
-- (refreshMaterializedMarts): between a write and its refresh the mart shows the previous rows.
-- Per 90 minutes: every player has figures, but only one with at least 900 minutes (ten full
-- matches) qualifies_per90; below that a rate says more about the sample than the player.
-- Apps may rely on the columns of the contract below (src/db/contracts.ts): it may grow, but
-- removing or retyping a column takes a new version of this mart (a _v2 file beside this one).
-- contract:
--   league_id integer
--   season integer
--   team_id integer
--   team_name text
--   player_id integer
--   player_name text
--   appearances integer
--   starts integer
--   minutes integer
--   goals integer
--   assists integer
--   penalties_scored integer
--   penalties_missed integer
--   shots integer
--   shots_on_target integer
--   key_passes integer
--   yellow_cards integer
--   red_cards integer
--   average_rating numeric
--   rated_matches integer
--   goals_per_90 numeric
--   assists_per_90 numeric
--   goal_contributions_per_90 numeric
--   shots_per_90 numeric
--   league_name text
--   country_name text
--   season_label text
--   position text
--   nationality text
--   age_at_season_start integer
--   minutes_weighted_rating numeric
--   qualifies_per90 boolean
--   key_passes_per_90 numeric
--   tackles integer
--   interceptions integer
--   blocks integer
--   tackles_per_90 numeric
--   interceptions_per_90 numeric
--   duels integer
--   duels_won integer
--   duels_won_pct numeric
--   duels_won_per_90 numeric
--   dribbles_attempted integer
--   dribbles_succeeded integer
--   dribbles_succeeded_per_90 numeric
--   passes integer
--   accurate_passes integer
--   pass_accuracy_pct numeric
--   fouls_committed integer
--   fouls_drawn integer
--   saves integer
--   goals_conceded integer
--   penalties_saved integer
--   saves_per_90 numeric
--   goals_conceded_per_90 numeric
create materialized view marts.player_season_stats as
with

player_stats as (
    select * from golden.fixture_player_stats
),

-- marts.fixtures rather than marts.fixture_results: a view built on WITH is planned as a
-- separate subquery, which a join on fixture_id cannot reach by index.
fixtures as (
    select fixture_id, league_id, season, status_short from marts.fixtures
),

statuses as (
    select status_short, category from golden.fixture_statuses
),

players as (
    select player_id, name as player_name, nationality, birth_date from marts.players
),

leagues as (
    select league_id, name as league_name, country_name from marts.leagues
),

seasons as (
    select league_id, season, start_date, season_label from marts.seasons
),

teams as (
    select team_id, name as team_name from marts.teams
),

counted_lines as (
    select
        fixtures.league_id,
        fixtures.season,
        player_stats.*
    from player_stats
    join fixtures on fixtures.fixture_id = player_stats.fixture_id
    join statuses on statuses.status_short = fixtures.status_short
    where statuses.category in ('finished', 'awarded')
),

-- His position in the league-season: the one he played most minutes at (a full-back who covered
-- in midfield twice is still a defender); ties go to the position listed most recently by fixture id.
positions as (
    select distinct on (league_id, season, team_id, player_id)
        league_id, season, team_id, player_id, position
    from (
        select league_id, season, team_id, player_id, position,
            sum(minutes) as position_minutes, max(fixture_id) as last_fixture_id
        from counted_lines
        where position is not null and minutes > 0
        group by league_id, season, team_id, player_id, position
    ) as by_position
    order by league_id, season, team_id, player_id, position_minutes desc, last_fixture_id desc
),

season_lines as (
    select
        player_stats.league_id,
        player_stats.season,
        player_stats.team_id,
        player_stats.player_id,
        (count(*) filter (where player_stats.minutes > 0))::int as appearances,
        (count(*) filter (where player_stats.minutes > 0 and player_stats.is_substitute is false))::int as starts,
        coalesce(sum(player_stats.minutes), 0)::int as minutes,
        coalesce(sum(player_stats.goals), 0)::int as goals,
        coalesce(sum(player_stats.assists), 0)::int as assists,
        coalesce(sum(player_stats.penalties_scored), 0)::int as penalties_scored,
        coalesce(sum(player_stats.penalties_missed), 0)::int as penalties_missed,
        coalesce(sum(player_stats.shots_total), 0)::int as shots,
        coalesce(sum(player_stats.shots_on), 0)::int as shots_on_target,
        coalesce(sum(player_stats.passes_key), 0)::int as key_passes,
        coalesce(sum(player_stats.yellow_cards), 0)::int as yellow_cards,
        coalesce(sum(player_stats.red_cards), 0)::int as red_cards,
        round(avg(player_stats.rating), 2) as average_rating,
        count(player_stats.rating)::int as rated_matches,
        -- A rating weighs by the minutes behind it: 90 minutes at 7.0 and 30 at 9.0 make 7.5, not 8.0.
        round(sum(player_stats.rating * player_stats.minutes) filter (where player_stats.minutes > 0)
            / nullif(sum(player_stats.minutes) filter (where player_stats.rating is not null and player_stats.minutes > 0), 0), 2) as minutes_weighted_rating,
        coalesce(sum(player_stats.tackles_total), 0)::int as tackles,
        coalesce(sum(player_stats.interceptions), 0)::int as interceptions,
        coalesce(sum(player_stats.blocks), 0)::int as blocks,
        coalesce(sum(player_stats.duels_total), 0)::int as duels,
        coalesce(sum(player_stats.duels_won), 0)::int as duels_won,
        coalesce(sum(player_stats.dribbles_attempts), 0)::int as dribbles_attempted,
        coalesce(sum(player_stats.dribbles_success), 0)::int as dribbles_succeeded,
        coalesce(sum(player_stats.passes_total), 0)::int as passes,
        coalesce(sum(player_stats.passes_accurate), 0)::int as accurate_passes,
        -- Accuracy only over the matches that give both counts: a match with passes but no
        -- accurate count would otherwise read as every pass missed.
        round(100.0 * sum(player_stats.passes_accurate) filter (where player_stats.passes_total is not null)
            / nullif(sum(player_stats.passes_total) filter (where player_stats.passes_accurate is not null), 0), 1) as pass_accuracy_pct,
        coalesce(sum(player_stats.fouls_committed), 0)::int as fouls_committed,
        coalesce(sum(player_stats.fouls_drawn), 0)::int as fouls_drawn,
        coalesce(sum(player_stats.saves), 0)::int as saves,
        coalesce(sum(player_stats.goals_conceded), 0)::int as goals_conceded,
        coalesce(sum(player_stats.penalties_saved), 0)::int as penalties_saved
    from counted_lines as player_stats
    group by player_stats.league_id, player_stats.season, player_stats.team_id, player_stats.player_id
)

select
    season_lines.league_id,
    season_lines.season,
    season_lines.team_id,
    teams.team_name,
    season_lines.player_id,
    players.player_name,
    season_lines.appearances,
    season_lines.starts,
    season_lines.minutes,
    season_lines.goals,
    season_lines.assists,
    season_lines.penalties_scored,
    season_lines.penalties_missed,
    season_lines.shots,
    season_lines.shots_on_target,
    season_lines.key_passes,
    season_lines.yellow_cards,
    season_lines.red_cards,
    season_lines.average_rating,
    season_lines.rated_matches,
    round(season_lines.goals * 90.0 / nullif(season_lines.minutes, 0), 2) as goals_per_90,
    round(season_lines.assists * 90.0 / nullif(season_lines.minutes, 0), 2) as assists_per_90,
    round((season_lines.goals + season_lines.assists) * 90.0 / nullif(season_lines.minutes, 0), 2) as goal_contributions_per_90,
    round(season_lines.shots * 90.0 / nullif(season_lines.minutes, 0), 2) as shots_per_90,
    leagues.league_name,
    leagues.country_name,
    -- A season the API has no row for yet is labelled by its start year, as marts.seasons labels one without dates.
    coalesce(seasons.season_label, season_lines.season::text) as season_label,
    case positions.position when 'G' then 'Goalkeeper' when 'D' then 'Defender' when 'M' then 'Midfielder' when 'F' then 'Attacker' end as position,
    players.nationality,
    extract(year from age(seasons.start_date, players.birth_date))::int as age_at_season_start,
    season_lines.minutes_weighted_rating,
    season_lines.minutes >= 900 as qualifies_per90,
    round(season_lines.key_passes * 90.0 / nullif(season_lines.minutes, 0), 2) as key_passes_per_90,
    season_lines.tackles,
    season_lines.interceptions,
    season_lines.blocks,
    round(season_lines.tackles * 90.0 / nullif(season_lines.minutes, 0), 2) as tackles_per_90,
    round(season_lines.interceptions * 90.0 / nullif(season_lines.minutes, 0), 2) as interceptions_per_90,
    season_lines.duels,
    season_lines.duels_won,
    round(100.0 * season_lines.duels_won / nullif(season_lines.duels, 0), 1) as duels_won_pct,
    round(season_lines.duels_won * 90.0 / nullif(season_lines.minutes, 0), 2) as duels_won_per_90,
    season_lines.dribbles_attempted,
    season_lines.dribbles_succeeded,
    round(season_lines.dribbles_succeeded * 90.0 / nullif(season_lines.minutes, 0), 2) as dribbles_succeeded_per_90,
    season_lines.passes,
    season_lines.accurate_passes,
    season_lines.pass_accuracy_pct,
    season_lines.fouls_committed,
    season_lines.fouls_drawn,
    season_lines.saves,
    season_lines.goals_conceded,
    season_lines.penalties_saved,
    round(season_lines.saves * 90.0 / nullif(season_lines.minutes, 0), 2) as saves_per_90,
    round(season_lines.goals_conceded * 90.0 / nullif(season_lines.minutes, 0), 2) as goals_conceded_per_90
from season_lines
join players on players.player_id = season_lines.player_id
join teams on teams.team_id = season_lines.team_id
join leagues on leagues.league_id = season_lines.league_id
left join seasons on seasons.league_id = season_lines.league_id and seasons.season = season_lines.season
left join positions
    on positions.league_id = season_lines.league_id
    and positions.season = season_lines.season
    and positions.team_id = season_lines.team_id
    and positions.player_id = season_lines.player_id;

-- The key, which a concurrent refresh needs; it leads with league_id, season, so it also serves
-- the filter on one league-season. player_id serves a player's seasons.
create unique index player_season_stats_key on marts.player_season_stats (league_id, season, team_id, player_id);
create index player_season_stats_player_idx on marts.player_season_stats (player_id);

comment on materialized view marts.player_season_stats is
    'A player''s season for one team in one league-season, summed from golden.fixture_player_stats of finished and awarded fixtures; goals exclude own goals and shoot-out kicks. Materialized: refreshed after every load, replay and override.';
comment on column marts.player_season_stats.league_id is 'The competition.';
comment on column marts.player_season_stats.season is 'Season start year.';
comment on column marts.player_season_stats.team_id is 'The team he played for (a player who changed team within the league-season has one row per team).';
comment on column marts.player_season_stats.team_name is 'Team name.';
comment on column marts.player_season_stats.player_id is 'The player.';
comment on column marts.player_season_stats.player_name is 'Player display name.';
comment on column marts.player_season_stats.appearances is 'Matches in which he played (minutes > 0).';
comment on column marts.player_season_stats.starts is 'Matches he started (games.substitute false) and played.';
comment on column marts.player_season_stats.minutes is 'Minutes played.';
comment on column marts.player_season_stats.goals is 'Goals (goals.total: own goals and shoot-out kicks excluded).';
comment on column marts.player_season_stats.assists is 'Assists.';
comment on column marts.player_season_stats.penalties_scored is 'Penalties scored (penalty.scored as the API counts it).';
comment on column marts.player_season_stats.penalties_missed is 'Penalties missed (penalty.missed as the API counts it).';
comment on column marts.player_season_stats.shots is 'Shots.';
comment on column marts.player_season_stats.shots_on_target is 'Shots on target.';
comment on column marts.player_season_stats.key_passes is 'Passes that led to a shot.';
comment on column marts.player_season_stats.yellow_cards is 'Yellow cards.';
comment on column marts.player_season_stats.red_cards is 'Red cards.';
comment on column marts.player_season_stats.average_rating is 'Mean of the match ratings he was given (2 decimals); null if never rated.';
comment on column marts.player_season_stats.rated_matches is 'Matches with a rating, the base of average_rating.';
comment on column marts.player_season_stats.goals_per_90 is 'Goals per 90 minutes played; null without minutes.';
comment on column marts.player_season_stats.assists_per_90 is 'Assists per 90 minutes played; null without minutes.';
comment on column marts.player_season_stats.goal_contributions_per_90 is 'Goals plus assists per 90 minutes played; null without minutes.';
comment on column marts.player_season_stats.shots_per_90 is 'Shots per 90 minutes played; null without minutes.';
comment on column marts.player_season_stats.league_name is 'Competition name.';
comment on column marts.player_season_stats.country_name is 'Country of the competition ("World" for international ones).';
comment on column marts.player_season_stats.season_label is 'The season as people write it (marts.seasons): 2023-24 when it ends in a later year than it starts, else 2023.';
comment on column marts.player_season_stats.position is 'Goalkeeper, Defender, Midfielder or Attacker: the position he played most minutes at in the league-season; null when never listed.';
comment on column marts.player_season_stats.nationality is 'Nationality (marts.players).';
comment on column marts.player_season_stats.age_at_season_start is 'Age in whole years on the first day of the season (golden.seasons.start_date); null without a birth date or a season start.';
comment on column marts.player_season_stats.minutes_weighted_rating is 'Mean match rating weighted by minutes played (90 min at 7.0 and 30 at 9.0 give 7.50), over rated matches he played; null if never rated.';
comment on column marts.player_season_stats.qualifies_per90 is 'At least 900 minutes played (ten full matches): the threshold above which per-90 figures are worth comparing.';
comment on column marts.player_season_stats.key_passes_per_90 is 'Key passes per 90 minutes played; null without minutes.';
comment on column marts.player_season_stats.tackles is 'Tackles (tackles.total).';
comment on column marts.player_season_stats.interceptions is 'Interceptions.';
comment on column marts.player_season_stats.blocks is 'Blocks (tackles.blocks).';
comment on column marts.player_season_stats.tackles_per_90 is 'Tackles per 90 minutes played; null without minutes.';
comment on column marts.player_season_stats.interceptions_per_90 is 'Interceptions per 90 minutes played; null without minutes.';
comment on column marts.player_season_stats.duels is 'Duels contested.';
comment on column marts.player_season_stats.duels_won is 'Duels won.';
comment on column marts.player_season_stats.duels_won_pct is 'Share of duels won, in percent (1 decimal); null without duels.';
comment on column marts.player_season_stats.duels_won_per_90 is 'Duels won per 90 minutes played; null without minutes.';
comment on column marts.player_season_stats.dribbles_attempted is 'Dribbles attempted.';
comment on column marts.player_season_stats.dribbles_succeeded is 'Dribbles that succeeded.';
comment on column marts.player_season_stats.dribbles_succeeded_per_90 is 'Successful dribbles per 90 minutes played; null without minutes.';
comment on column marts.player_season_stats.passes is 'Passes attempted.';
comment on column marts.player_season_stats.accurate_passes is 'Accurate passes (passes.accuracy, a count).';
comment on column marts.player_season_stats.pass_accuracy_pct is 'Accurate passes per pass, in percent (1 decimal), over the matches that give both counts; null without passes.';
comment on column marts.player_season_stats.fouls_committed is 'Fouls committed.';
comment on column marts.player_season_stats.fouls_drawn is 'Fouls drawn.';
comment on column marts.player_season_stats.saves is 'Saves (goals.saves; a goalkeeper''s figure).';
comment on column marts.player_season_stats.goals_conceded is 'Goals conceded while he played (goals.conceded; the API gives it for goalkeepers).';
comment on column marts.player_season_stats.penalties_saved is 'Penalties saved.';
comment on column marts.player_season_stats.saves_per_90 is 'Saves per 90 minutes played; null without minutes.';
comment on column marts.player_season_stats.goals_conceded_per_90 is 'Goals conceded per 90 minutes played; null without minutes.';
