-- The timeline of a match: one row per event of golden.fixture_events (goals, own goals, penalties
-- scored and missed, cards, substitutions, VAR decisions, shoot-out kicks) in the order the API lists
-- them, which is the order of play, with names and the score after the event.
-- The running score counts what the score counts (checks/scores_equal_goal_events.sql): goal
-- events, own goals for the side credited, never a missed penalty or a shoot-out kick. It is
-- computed per row from the earlier events of the same fixture (a lateral count on the primary
-- key) rather than with a window, so that a filter on league_id and season, fixture_id, team_id or
-- player_id reaches the indexes of golden.fixtures and golden.fixture_events: a window would have to
-- read every event before such a filter applies.
-- For substitutions the API does not define which of player and assist comes on; both are kept as
-- given.
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
--   event_index smallint
--   elapsed smallint
--   extra smallint
--   minute text
--   period text
--   team_id integer
--   team_name text
--   is_home boolean
--   type text
--   detail text
--   comments text
--   event_kind text
--   is_goal boolean
--   is_shootout boolean
--   player_id integer
--   player_name text
--   assist_id integer
--   assist_name text
--   home_score integer
--   away_score integer
create view marts.match_events as
with

-- Referenced twice (the events and the earlier events of the running score): not materialized,
-- so that both reach the table's indexes.
events as not materialized (
    select
        fixture_events.*,
        fixture_events.type = 'Goal'
            and not fixture_events.is_shootout
            and fixture_events.detail is distinct from 'Missed Penalty' as is_goal
    from golden.fixture_events
),

fixtures as (
    select fixture_id, league_id, season, round, kickoff_at, home_team_id, away_team_id from marts.fixtures
),

seasons as (
    select league_id, season, league_name, country_name, season_label from marts.seasons
),

teams as (
    select team_id, name as team_name from marts.teams
),

-- Referenced twice (player and assist).
players as not materialized (
    select player_id, name as player_name from marts.players
),

timeline as (
    select
        events.*,
        fixtures.league_id,
        fixtures.season,
        fixtures.round,
        fixtures.kickoff_at,
        events.team_id = fixtures.home_team_id as is_home,
        score.home_score,
        score.away_score
    from events
    join fixtures on fixtures.fixture_id = events.fixture_id
    cross join lateral (
        select
            (count(*) filter (where earlier.team_id = fixtures.home_team_id))::int as home_score,
            (count(*) filter (where earlier.team_id = fixtures.away_team_id))::int as away_score
        from events as earlier
        where earlier.fixture_id = events.fixture_id
          and earlier.event_index <= events.event_index
          and earlier.is_goal
    ) as score
)

select
    timeline.fixture_id,
    timeline.league_id,
    seasons.league_name,
    seasons.country_name,
    timeline.season,
    seasons.season_label,
    timeline.round,
    timeline.kickoff_at,
    timeline.event_index,
    timeline.elapsed,
    timeline.extra,
    case when not timeline.is_shootout then timeline.elapsed::text || coalesce('+' || timeline.extra::text, '') end as minute,
    case
        when timeline.is_shootout then 'penalty_shootout'
        when timeline.elapsed <= 45 then 'first_half'
        when timeline.elapsed <= 90 then 'second_half'
        else 'extra_time'
    end as period,
    timeline.team_id,
    teams.team_name,
    timeline.is_home,
    timeline.type,
    timeline.detail,
    timeline.comments,
    case
        when timeline.type = 'Goal' then
            case lower(coalesce(timeline.detail, ''))
                when 'own goal' then 'own_goal'
                when 'penalty' then case when timeline.is_shootout then 'shootout_scored' else 'penalty_goal' end
                when 'missed penalty' then case when timeline.is_shootout then 'shootout_missed' else 'missed_penalty' end
                else 'goal'
            end
        when timeline.type = 'Card' then
            case lower(coalesce(timeline.detail, ''))
                when 'yellow card' then 'yellow_card'
                when 'second yellow card' then 'second_yellow_card'
                when 'red card' then 'red_card'
                else 'card'
            end
        when timeline.type = 'subst' then 'substitution'
        else 'var'
    end as event_kind,
    timeline.is_goal,
    timeline.is_shootout,
    timeline.player_id,
    coalesce(player.player_name, timeline.player_name) as player_name,
    timeline.assist_id,
    coalesce(assist.player_name, timeline.assist_name) as assist_name,
    timeline.home_score,
    timeline.away_score
from timeline
join seasons on seasons.league_id = timeline.league_id and seasons.season = timeline.season
join teams on teams.team_id = timeline.team_id
left join players as player on player.player_id = timeline.player_id
left join players as assist on assist.player_id = timeline.assist_id;

comment on view marts.match_events is
    'The timeline of each match (golden.fixture_events): goals, own goals, penalties, missed penalties, cards, substitutions, VAR and shoot-out kicks in order of play, with names and the running score after each event.';
comment on column marts.match_events.fixture_id is 'The match.';
comment on column marts.match_events.league_id is 'The competition.';
comment on column marts.match_events.league_name is 'Competition name (marts.leagues).';
comment on column marts.match_events.country_name is 'Country of the competition.';
comment on column marts.match_events.season is 'Season start year.';
comment on column marts.match_events.season_label is 'Season as people write it, e.g. 2023-24.';
comment on column marts.match_events.round is 'Round as the API names it.';
comment on column marts.match_events.kickoff_at is 'Kick-off of the match.';
comment on column marts.match_events.event_index is 'Position in the API''s list of the match''s events, from 0: the order of play; order by it for the timeline.';
comment on column marts.match_events.elapsed is 'Match minute (120 for shoot-out kicks).';
comment on column marts.match_events.extra is 'Added-time minute (90+3 is elapsed 90, extra 3); the kick number in a shoot-out.';
comment on column marts.match_events.minute is 'The minute as printed, e.g. "90+3"; null for shoot-out kicks.';
comment on column marts.match_events.period is 'first_half (minute 45 and its added time included), second_half, extra_time or penalty_shootout.';
comment on column marts.match_events.team_id is 'The team of the event; for a goal the team it counts for, own goals included.';
comment on column marts.match_events.team_name is 'Its name.';
comment on column marts.match_events.is_home is 'The event''s team is the home team.';
comment on column marts.match_events.type is 'Goal, Card, subst or Var, as the API writes it.';
comment on column marts.match_events.detail is 'The API''s detail, e.g. Normal Goal, Own Goal, Penalty, Missed Penalty, Yellow Card, Substitution 1, Goal cancelled.';
comment on column marts.match_events.comments is 'The API''s comment, e.g. "Foul", "Penalty Shootout".';
comment on column marts.match_events.event_kind is 'One word per kind: goal, own_goal, penalty_goal, missed_penalty, shootout_scored, shootout_missed, yellow_card, second_yellow_card, red_card, card (another card detail), substitution or var.';
comment on column marts.match_events.is_goal is 'The event changes the score: a goal or own goal, not a missed penalty nor a shoot-out kick.';
comment on column marts.match_events.is_shootout is 'A kick of the penalty shoot-out: never counts towards the score.';
comment on column marts.match_events.player_id is 'Scorer, booked player, or for a substitution one of the two players; null when unknown.';
comment on column marts.match_events.player_name is 'The player''s name (marts.players, overrides applied), else as the event gives it.';
comment on column marts.match_events.assist_id is 'Assisting player, or for a substitution the other player.';
comment on column marts.match_events.assist_name is 'Its name, as player_name.';
comment on column marts.match_events.home_score is 'Home goals after this event (goal events up to and including it; shoot-out excluded).';
comment on column marts.match_events.away_score is 'Away goals after this event, as home_score.';
