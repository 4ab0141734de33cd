/**
 * A synthetic golden source made with generate_series, for measuring the marts at scale: LEAGUES
 * leagues of 20 teams, each SEASONS seasons of a double round robin (380 fixtures), with goal, card
 * and substitution events, 14 players a side with statistics, team statistics, and the API's
 * standings set to our own table. Statements to run in order on a migrated, empty database.
 */
export function syntheticDataset(leagues: number, seasons: number): string[] {
  const first = 2024 - seasons;
  return [
    "insert into golden.countries (country_name) values ('Synthland')",
    `insert into golden.leagues (league_id, name, type, country_name) select 1000 + l, 'League ' || l, 'League', 'Synthland' from generate_series(1, ${leagues}) l`,
    `insert into golden.seasons (league_id, season) select 1000 + l, y from generate_series(1, ${leagues}) l, generate_series(${first}, 2023) y`,
    `insert into golden.teams (team_id, name) select t, 'Team ' || lpad(t::text, 5, '0') from generate_series(1, ${leagues * 20}) t`,
    `insert into golden.team_seasons (league_id, season, team_id) select 1000 + (t - 1) / 20 + 1, y, t from generate_series(1, ${leagues * 20}) t, generate_series(${first}, 2023) y`,
    `insert into golden.players (player_id, name) select p, 'Player ' || p from generate_series(1, ${leagues * 20 * 25}) p`,
    // Every ordered pair of a league's teams meets once a season; the last 8 rounds of 2023 are not played yet.
    `insert into golden.fixtures (fixture_id, league_id, season, round, kickoff_at, status_short, home_team_id, away_team_id, goals_home, goals_away, home_winner, away_winner)
     select row_number() over (order by y, l, h, a), 1000 + l, y, 'Regular Season - ' || rnd,
       make_timestamptz(y, 8, 1, 15, 0, 0, 'UTC') + rnd * interval '7 days' + (h % 5) * interval '2 hours',
       st, (l - 1) * 20 + h, (l - 1) * 20 + a, gh, ga,
       case when gh is null or gh = ga then null else gh > ga end, case when gh is null or gh = ga then null else ga > gh end
     from generate_series(${first}, 2023) y, generate_series(1, ${leagues}) l, generate_series(1, 20) h, generate_series(1, 20) a,
       lateral (select (h + a * 7 + l) % 38 + 1 as rnd) r,
       lateral (select case when y = 2023 and rnd > 30 then 'NS' when (h * 31 + a * 17 + l) % 97 = 0 then 'PST'
                            when (h * 13 + a * 7 + l) % 199 = 0 then 'AWD' else 'FT' end as st) s,
       lateral (select case st when 'FT' then (h * 7 + a * 3 + l + y) % 4 when 'AWD' then 3 end as gh,
                       case st when 'FT' then (h * 5 + a * 11 + l * 3 + y) % 3 when 'AWD' then 0 end as ga) g
     where h <> a`,
    `insert into golden.fixture_events (fixture_id, event_index, elapsed, team_id, player_id, type, detail, is_shootout)
     select f.fixture_id, row_number() over (partition by f.fixture_id order by side, n) - 1, (n * 13) % 90 + 1, t, (t - 1) * 25 + 9 + n, 'Goal', 'Normal Goal', false
     from golden.fixtures f cross join generate_series(0, 1) side
       cross join lateral (select case side when 0 then f.home_team_id else f.away_team_id end as t) team
       cross join lateral generate_series(1, case side when 0 then f.goals_home else f.goals_away end) n
     where f.status_short = 'FT' order by f.fixture_id`,
    `insert into golden.fixture_events (fixture_id, event_index, elapsed, team_id, player_id, type, detail, is_shootout)
     select f.fixture_id, 20 + k, (k * 11) % 90 + 1, t, (t - 1) * 25 + 5 + k,
       case when k < 4 then 'Card' else 'subst' end, case when k < 4 then 'Yellow Card' else 'Substitution 1' end, false
     from golden.fixtures f cross join generate_series(0, 9) k
       cross join lateral (select case k % 2 when 0 then f.home_team_id else f.away_team_id end as t) team
     where f.status_short = 'FT' order by f.fixture_id`,
    `insert into golden.fixture_player_stats (fixture_id, team_id, player_id, position, rating, is_substitute, minutes, goals, assists, shots_total, shots_on, passes_key, yellow_cards, red_cards)
     select f.fixture_id, t.team_id, (t.team_id - 1) * 25 + (s + f.fixture_id) % 25 + 1,
       case when s = 0 then 'G' when s < 5 then 'D' when s < 9 then 'M' else 'F' end,
       6 + (s * 7 + f.fixture_id) % 30 / 10.0, s >= 11, case when s < 11 then 90 - (s % 3) * 10 else 20 end,
       case when s < t.goals then 1 else 0 end, case when s > 0 and s <= t.goals then 1 else 0 end, (s + f.fixture_id) % 4, (s + f.fixture_id) % 2, s % 3,
       case when s = 5 then 1 else 0 end, 0
     from golden.fixtures f cross join lateral (values (f.home_team_id, f.goals_home), (f.away_team_id, f.goals_away)) t(team_id, goals)
       cross join generate_series(0, 13) s
     where f.status_short = 'FT' order by f.fixture_id, t.team_id, s`,
    `insert into golden.fixture_team_stats (fixture_id, team_id, shots_total, shots_on_goal, possession_pct, expected_goals, corner_kicks, fouls, yellow_cards, red_cards, passes_total, passes_accurate)
     select f.fixture_id, t.team_id, 8 + (f.fixture_id + t.team_id) % 10, 3 + (f.fixture_id + t.team_id) % 5, case when t.is_home then 55 else 45 end,
       case when f.fixture_id % 3 = 0 then null else 1.25 end, (f.fixture_id + t.team_id) % 9, 10, 2, 0, 450, 380
     from golden.fixtures f cross join lateral (values (f.home_team_id, true), (f.away_team_id, false)) t(team_id, is_home)
     where f.status_short = 'FT' order by f.fixture_id, t.team_id`,
    `insert into golden.standings (league_id, season, group_name, team_id, rank, points, goals_diff, form, all_played, all_won, all_drawn, all_lost, all_goals_for, all_goals_against)
     select league_id, season, group_name, team_id, rank, points, goal_diff, form, played, won, drawn, lost, goals_for, goals_against from marts.league_table`,
  ];
}
