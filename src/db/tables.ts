/**
 * Row types of the golden tables, one interface per table, snake_case as in SQL (STYLE.md: the
 * mapping lives in one place). Types are what node-postgres returns: integer and smallint as
 * number, numeric as string (exact decimals), date and timestamptz as Date, jsonb as an object.
 * The objection models (src/models) carry these properties; test/integration/models.test.ts keeps
 * their JSON Schemas equal to the tables.
 */

export type PlayerPosition = 'Goalkeeper' | 'Defender' | 'Midfielder' | 'Attacker';
/** A position as line-ups and match statistics abbreviate it. */
export type PositionCode = 'G' | 'D' | 'M' | 'F';
export type StatusCategory = 'scheduled' | 'in_play' | 'finished' | 'postponed' | 'cancelled' | 'abandoned' | 'awarded';
/** The golden tables an override may correct (golden.overrides.entity). */
export type OverrideEntity = 'leagues' | 'venues' | 'teams' | 'players' | 'coaches' | 'fixtures';

/** golden.countries: Countries of /countries; the API has no country id, the name is the key ("World" for international competitions). */
export interface CountryRow {
  /** Country name as the API spells it, e.g. "England", "World". */
  country_name: string;
  /** Country code (2-6 chars, e.g. GB-ENG); null for "World". */
  code: string | null;
  /** Flag image URL; null for "World". */
  flag_url: string | null;
}

/** golden.leagues: Competitions (leagues and cups) of /leagues; league_id is stable across seasons. */
export interface LeagueRow {
  /** API-Football league id. */
  league_id: number;
  /** Competition name, e.g. "Premier League". */
  name: string;
  /** League or Cup, as the API capitalises it. */
  type: 'League' | 'Cup';
  /** Logo image URL. */
  logo_url: string | null;
  /** Country of the competition ("World" for international ones). */
  country_name: string;
}

/** golden.seasons: One season of a competition (league.seasons[] of /leagues), with its coverage flags. */
export interface SeasonRow {
  /** The competition. */
  league_id: number;
  /** Season start year (2023 = 2023-24). */
  season: number;
  /** First day of the season. */
  start_date: Date | null;
  /** Last day of the season. */
  end_date: Date | null;
  /** The API marks it the current season. */
  is_current: boolean;
  /** coverage.fixtures.events */
  covers_events: boolean | null;
  /** coverage.fixtures.lineups */
  covers_lineups: boolean | null;
  /** coverage.fixtures.statistics_fixtures */
  covers_fixture_statistics: boolean | null;
  /** coverage.fixtures.statistics_players */
  covers_player_statistics: boolean | null;
  /** coverage.standings */
  covers_standings: boolean | null;
  /** coverage.players */
  covers_players: boolean | null;
  /** coverage.top_scorers */
  covers_top_scorers: boolean | null;
  /** coverage.top_assists */
  covers_top_assists: boolean | null;
  /** coverage.top_cards */
  covers_top_cards: boolean | null;
  /** coverage.injuries */
  covers_injuries: boolean | null;
  /** coverage.predictions */
  covers_predictions: boolean | null;
  /** coverage.odds */
  covers_odds: boolean | null;
}

/** golden.rounds: Rounds of a league-season (/fixtures/rounds), in the order of the season. */
export interface RoundRow {
  /** The competition. */
  league_id: number;
  /** The season start year. */
  season: number;
  /** Round name as fixtures carry it in round, e.g. "Regular Season - 1", "Apertura - 3", "Final". */
  round: string;
  /** Position of the round in the season, from 1 (the order the API lists them in). */
  round_index: number;
}

/** golden.venues: Stadiums, from /venues, /teams (team.venue) and fixtures (fixture.venue, which may name a venue /venues does not know). */
export interface VenueRow {
  /** API-Football venue id. */
  venue_id: number;
  /** Venue name; the API has venues without one. */
  name: string | null;
  /** Street address. */
  address: string | null;
  /** City. */
  city: string | null;
  /** Country as /venues spells it (not a key of countries: /teams venues carry none). */
  country_name: string | null;
  /** Seats. */
  capacity: number | null;
  /** Pitch surface, e.g. grass, artificial turf. */
  surface: string | null;
  /** Image URL. */
  image_url: string | null;
}

/** golden.teams: Clubs and national teams of /teams; team_id is stable across leagues and seasons. */
export interface TeamRow {
  /** API-Football team id. */
  team_id: number;
  /** Team name. */
  name: string;
  /** Three-letter code, e.g. MUN; often null. */
  code: string | null;
  /** Country as the API spells it. */
  country_name: string | null;
  /** Year founded. */
  founded: number | null;
  /** A national team. */
  is_national: boolean | null;
  /** Logo image URL. */
  logo_url: string | null;
  /** Home venue (team.venue.id); null when the API gives none. */
  venue_id: number | null;
}

/** golden.team_seasons: Which teams take part in which league-season (/teams$1league&season). */
export interface TeamSeasonRow {
  /** The competition. */
  league_id: number;
  /** The season start year. */
  season: number;
  /** The team. */
  team_id: number;
}

/** golden.players: People who play, from /players, lineups and events; player_id is stable across teams. */
export interface PlayerRow {
  /** API-Football player id. */
  player_id: number;
  /** Display name, e.g. "A. Diallo". */
  name: string;
  /** First name(s). */
  firstname: string | null;
  /** Last name(s). */
  lastname: string | null;
  /** Date of birth. */
  birth_date: Date | null;
  /** Place of birth. */
  birth_place: string | null;
  /** Country of birth. */
  birth_country: string | null;
  /** Nationality. */
  nationality: string | null;
  /** Height in cm, parsed from "187 cm". */
  height_cm: number | null;
  /** Weight in kg, parsed from "79 kg". */
  weight_kg: number | null;
  /** player.injured at the last load. */
  is_injured: boolean | null;
  /** Photo URL. */
  photo_url: string | null;
}

/** golden.player_team_seasons: Season statistics of a player for one team in one league-season (/players statistics[]). */
export interface PlayerTeamSeasonRow {
  /** The player. */
  player_id: number;
  /** The team he played for. */
  team_id: number;
  /** The competition. */
  league_id: number;
  /** The season start year. */
  season: number;
  /** games.number */
  shirt_number: number | null;
  /** games.position: Goalkeeper, Defender, Midfielder or Attacker. */
  position: PlayerPosition | null;
  /** games.rating, parsed from a string like "6.862500". */
  rating: string | null;
  /** games.captain */
  is_captain: boolean | null;
  /** games.appearences (sic): matches played. */
  appearances: number | null;
  /** games.lineups: matches started. */
  lineups: number | null;
  /** games.minutes: minutes played. */
  minutes: number | null;
  /** substitutes.in: times brought on. */
  substitutes_in: number | null;
  /** substitutes.out: times taken off. */
  substitutes_out: number | null;
  /** substitutes.bench: times on the bench. */
  bench: number | null;
  /** shots.total */
  shots_total: number | null;
  /** shots.on: shots on target. */
  shots_on: number | null;
  /** goals.total: goals scored (own goals excluded, as the API counts them). */
  goals: number | null;
  /** goals.conceded (goalkeepers). */
  goals_conceded: number | null;
  /** goals.assists */
  assists: number | null;
  /** goals.saves (goalkeepers). */
  saves: number | null;
  /** passes.total */
  passes_total: number | null;
  /** passes.key: passes leading to a shot. */
  passes_key: number | null;
  /** passes.accuracy as /players sends it (an integer). */
  passes_accuracy: number | null;
  /** tackles.total */
  tackles_total: number | null;
  /** tackles.blocks */
  blocks: number | null;
  /** tackles.interceptions */
  interceptions: number | null;
  /** duels.total */
  duels_total: number | null;
  /** duels.won */
  duels_won: number | null;
  /** dribbles.attempts */
  dribbles_attempts: number | null;
  /** dribbles.success */
  dribbles_success: number | null;
  /** dribbles.past: times dribbled past. */
  dribbles_past: number | null;
  /** fouls.drawn */
  fouls_drawn: number | null;
  /** fouls.committed */
  fouls_committed: number | null;
  /** cards.yellow */
  yellow_cards: number | null;
  /** cards.yellowred: second yellow cards. */
  yellowred_cards: number | null;
  /** cards.red */
  red_cards: number | null;
  /** penalty.won */
  penalties_won: number | null;
  /** penalty.commited (sic) */
  penalties_committed: number | null;
  /** penalty.scored */
  penalties_scored: number | null;
  /** penalty.missed */
  penalties_missed: number | null;
  /** penalty.saved */
  penalties_saved: number | null;
}

/** golden.squad_players: Current squads (/players/squads), one row per club and player; replaced whole when a squad is fetched again. */
export interface SquadPlayerRow {
  /** The club. */
  team_id: number;
  /** The player. */
  player_id: number;
  /** Squad number; null when none is assigned. */
  shirt_number: number | null;
  /** Goalkeeper, Defender, Midfielder or Attacker. */
  position: PlayerPosition | null;
}

/** golden.coaches: Coaches of /coachs; coach_id is the API-Football id, stable across clubs. */
export interface CoachRow {
  /** API-Football coach id. */
  coach_id: number;
  /** Name as the API abbreviates it, e.g. "T. Tuchel". */
  name: string;
  /** First name(s). */
  firstname: string | null;
  /** Last name(s). */
  lastname: string | null;
  /** Date of birth. */
  birth_date: Date | null;
  /** Place of birth. */
  birth_place: string | null;
  /** Country of birth. */
  birth_country: string | null;
  /** Nationality as the API spells it. */
  nationality: string | null;
  /** Height in cm (from "192 cm"). */
  height_cm: number | null;
  /** Weight in kg (from "85 kg"). */
  weight_kg: number | null;
  /** Photo URL. */
  photo_url: string | null;
  /** His club now, as /coachs says (team); null when he has none. */
  team_id: number | null;
}

/** golden.coach_tenures: Jobs of a coach (/coachs career): the club, when he started and when he left (null: still there). */
export interface CoachTenureRow {
  /** The coach. */
  coach_id: number;
  /** The club. */
  team_id: number;
  /** First day in the job. */
  start_date: Date;
  /** Last day in the job; null for the current one. */
  end_date: Date | null;
}

/** golden.transfers: Player moves of /transfers: date, from which club, to which, and the type (Free, Loan, a fee such as "€ 250K", N/A). */
export interface TransferRow {
  /** The player. */
  player_id: number;
  /** Date of the move. */
  transfer_date: Date;
  /** The club he left. */
  team_out_id: number;
  /** The club he joined. */
  team_in_id: number;
  /** The type as the API words it: Free, Loan, Transfer, N/A, or a fee ("€ 250K"); null when not given. */
  type: string | null;
}

/** golden.sidelined: Absences of a player (/sidelined): the type (an injury, illness, suspension) and the dates; end_date null while he is still out. */
export interface SidelinedRow {
  /** The player. */
  player_id: number;
  /** First day out. */
  start_date: Date;
  /** Last day out; null while he is still out. */
  end_date: Date | null;
  /** The absence as the API words it, e.g. "Hamstring Injury", "Suspended". */
  type: string | null;
}

/** golden.fixture_statuses: Fixture status codes of API-Football (SPEC §8), seeded by seeds/01_fixture_statuses.ts. */
export interface FixtureStatusRow {
  /** Short code as the API sends it in fixture.status.short, e.g. FT, PEN, PST. */
  status_short: string;
  /** Long name, e.g. "Match Finished". */
  status_long: string;
  /** scheduled | in_play | finished | postponed | cancelled | abandoned | awarded. */
  category: StatusCategory;
  /** What the status means for a match. */
  description: string;
}

/** golden.fixtures: Matches of /fixtures, one row per fixture id, updated as the match moves from NS to FT. */
export interface FixtureRow {
  /** API-Football fixture id, never reused. */
  fixture_id: number;
  /** The competition. */
  league_id: number;
  /** The season start year. */
  season: number;
  /** league.round, e.g. "Regular Season - 1", "Group Stage - 2", "Final". */
  round: string;
  /** Kick-off (fixture.timestamp), time zone aware. */
  kickoff_at: Date;
  /** Referee as the API writes it. */
  referee: string | null;
  /** fixture.venue.id; null when the API gives none. */
  venue_id: number | null;
  /** fixture.venue.name as given for this match. */
  venue_name: string | null;
  /** fixture.venue.city as given for this match. */
  venue_city: string | null;
  /** Status code, see fixture_statuses. */
  status_short: string;
  /** Status text as the API sent it. */
  status_long: string | null;
  /** Minutes played (capped at 45/90/120 by the API). */
  elapsed: number | null;
  /** fixture.status.extra: added minutes; absent in older data. */
  status_extra: number | null;
  /** fixture.periods.first: first-half kick-off. */
  first_half_at: Date | null;
  /** fixture.periods.second: second-half kick-off. */
  second_half_at: Date | null;
  /** Home team. */
  home_team_id: number;
  /** Away team. */
  away_team_id: number;
  /** teams.home.winner: null for draws and unfinished matches. */
  home_winner: boolean | null;
  /** teams.away.winner */
  away_winner: boolean | null;
  /** goals.home: home goals (after extra time, without the shoot-out); null before kick-off. */
  goals_home: number | null;
  /** goals.away */
  goals_away: number | null;
  /** score.halftime.home */
  halftime_home: number | null;
  /** score.halftime.away */
  halftime_away: number | null;
  /** score.fulltime.home: after 90 minutes. */
  fulltime_home: number | null;
  /** score.fulltime.away */
  fulltime_away: number | null;
  /** score.extratime.home: goals in extra time only; null when none was played. */
  extratime_home: number | null;
  /** score.extratime.away */
  extratime_away: number | null;
  /** score.penalty.home: shoot-out kicks scored; null without a shoot-out. */
  penalty_home: number | null;
  /** score.penalty.away */
  penalty_away: number | null;
  /** league.standings: the API keeps standings for this fixture's league (absent in older data). */
  has_standings: boolean | null;
  /** The referee's name parsed from referee ("Anthony Taylor" of "Anthony Taylor, England"); null without a referee. */
  referee_name: string | null;
  /** The referee's country when referee names one after a comma ("England"); null otherwise. */
  referee_country: string | null;
}

/** golden.fixture_events: Match events (/fixtures/events, or embedded in /fixtures$1ids=): goals, cards, substitutions, VAR decisions. Replaced as a whole per fixture at each load. */
export interface FixtureEventRow {
  /** The match. */
  fixture_id: number;
  /** Position of the event in the API's list for the fixture (0-based), its order of play. */
  event_index: number;
  /** time.elapsed: match minute (120 for shoot-out kicks). */
  elapsed: number;
  /** time.extra: added-time minute (90+3 is elapsed 90, extra 3; the kick number in a shoot-out). */
  extra: number | null;
  /** team.id: for a goal, the team it counts for (also for own goals). */
  team_id: number;
  /** player.id: scorer, booked player, or (subst) one of the two players; null when unknown. */
  player_id: number | null;
  /** player.name as given in the event. */
  player_name: string | null;
  /** assist.id: assisting player, or (subst) the other player. */
  assist_id: number | null;
  /** assist.name */
  assist_name: string | null;
  /** Goal, Card, subst or Var (the API writes subst in lower case). */
  type: 'Goal' | 'Card' | 'subst' | 'Var';
  /** e.g. Normal Goal, Own Goal, Penalty, Missed Penalty, Yellow Card, Red Card, Substitution 1, Goal cancelled. */
  detail: string | null;
  /** e.g. "Penalty Shootout", "Foul". */
  comments: string | null;
  /** A kick of the penalty shoot-out (comments = "Penalty Shootout"): never counts towards the score. */
  is_shootout: boolean;
}

/** golden.fixture_lineups: The line-up of one team in a match (/fixtures/lineups): formation, coach, colours. */
export interface FixtureLineupRow {
  /** The match. */
  fixture_id: number;
  /** The team. */
  team_id: number;
  /** e.g. 4-3-3. */
  formation: string | null;
  /** coach.id */
  coach_id: number | null;
  /** coach.name */
  coach_name: string | null;
  /** coach.photo */
  coach_photo_url: string | null;
  /** team.colors: shirt colours of outfield players and goalkeeper, as given. */
  colors: Record<string, unknown> | null;
}

/** golden.fixture_lineup_players: Players of a line-up: the starting XI (with their grid position) and the substitutes. */
export interface FixtureLineupPlayerRow {
  /** The match. */
  fixture_id: number;
  /** The team. */
  team_id: number;
  /** The player. */
  player_id: number;
  /** player.name as given in the line-up. */
  player_name: string | null;
  /** player.number */
  shirt_number: number | null;
  /** player.pos: G, D, M or F. */
  position: PositionCode | null;
  /** player.grid "row:col" on the pitch for starters; null for substitutes. */
  grid: string | null;
  /** In the startXI (true) or among the substitutes (false). */
  is_starter: boolean;
  /** Position in the API's startXI or substitutes list. */
  list_index: number;
}

/** golden.fixture_team_stats: Statistics of one team in a match; the documented types as columns, any other type kept in other_stats. */
export interface FixtureTeamStatsRow {
  /** The match. */
  fixture_id: number;
  /** The team. */
  team_id: number;
  /** Statistic "Shots on Goal"; null when the API sends null (often for zero). */
  shots_on_goal: number | null;
  /** Statistic "Shots off Goal"; null when the API sends null (often for zero). */
  shots_off_goal: number | null;
  /** Statistic "Total Shots"; null when the API sends null (often for zero). */
  shots_total: number | null;
  /** Statistic "Blocked Shots"; null when the API sends null (often for zero). */
  shots_blocked: number | null;
  /** Statistic "Shots insidebox"; null when the API sends null (often for zero). */
  shots_inside_box: number | null;
  /** Statistic "Shots outsidebox"; null when the API sends null (often for zero). */
  shots_outside_box: number | null;
  /** Statistic "Fouls"; null when the API sends null (often for zero). */
  fouls: number | null;
  /** Statistic "Corner Kicks"; null when the API sends null (often for zero). */
  corner_kicks: number | null;
  /** Statistic "Offsides"; null when the API sends null (often for zero). */
  offsides: number | null;
  /** Statistic "Ball Possession", parsed from "55%"; null when the API sends null (often for zero). */
  possession_pct: string | null;
  /** Statistic "Yellow Cards"; null when the API sends null (often for zero). */
  yellow_cards: number | null;
  /** Statistic "Red Cards"; null when the API sends null (often for zero). */
  red_cards: number | null;
  /** Statistic "Goalkeeper Saves"; null when the API sends null (often for zero). */
  goalkeeper_saves: number | null;
  /** Statistic "Total passes"; null when the API sends null (often for zero). */
  passes_total: number | null;
  /** Statistic "Passes accurate"; null when the API sends null (often for zero). */
  passes_accurate: number | null;
  /** Statistic "Passes %", parsed from "77%"; null when the API sends null (often for zero). */
  passes_pct: string | null;
  /** Statistic "expected_goals", parsed from "1.10" (from 2024); null when the API sends null (often for zero). */
  expected_goals: string | null;
  /** Statistic "goals_prevented" (from 2025); null when the API sends null (often for zero). */
  goals_prevented: string | null;
  /** Statistic types the API sent that have no column yet, {type: value} as received: new types are kept, never dropped. */
  other_stats: Record<string, unknown>;
}

/** golden.fixture_team_half_stats: Statistics of one team in one half of a match (/fixtures/statistics$1half=true: statistics_1h, statistics_2h). */
export interface FixtureTeamHalfStatsRow {
  /** The match. */
  fixture_id: number;
  /** The team. */
  team_id: number;
  /** 1 for the first half, 2 for the second. */
  half: 1 | 2;
  /** Statistic "Shots on Goal" in this half; null when the API sends null (often for zero). */
  shots_on_goal: number | null;
  /** Statistic "Shots off Goal" in this half; null when the API sends null (often for zero). */
  shots_off_goal: number | null;
  /** Statistic "Total Shots" in this half; null when the API sends null (often for zero). */
  shots_total: number | null;
  /** Statistic "Blocked Shots" in this half; null when the API sends null (often for zero). */
  shots_blocked: number | null;
  /** Statistic "Shots insidebox" in this half; null when the API sends null (often for zero). */
  shots_inside_box: number | null;
  /** Statistic "Shots outsidebox" in this half; null when the API sends null (often for zero). */
  shots_outside_box: number | null;
  /** Statistic "Fouls" in this half; null when the API sends null (often for zero). */
  fouls: number | null;
  /** Statistic "Corner Kicks" in this half; null when the API sends null (often for zero). */
  corner_kicks: number | null;
  /** Statistic "Offsides" in this half; null when the API sends null (often for zero). */
  offsides: number | null;
  /** Statistic "Ball Possession", parsed from "55%" in this half; null when the API sends null (often for zero). */
  possession_pct: string | null;
  /** Statistic "Yellow Cards" in this half; null when the API sends null (often for zero). */
  yellow_cards: number | null;
  /** Statistic "Red Cards" in this half; null when the API sends null (often for zero). */
  red_cards: number | null;
  /** Statistic "Goalkeeper Saves" in this half; null when the API sends null (often for zero). */
  goalkeeper_saves: number | null;
  /** Statistic "Total passes" in this half; null when the API sends null (often for zero). */
  passes_total: number | null;
  /** Statistic "Passes accurate" in this half; null when the API sends null (often for zero). */
  passes_accurate: number | null;
  /** Statistic "Passes %", parsed from "77%" in this half; null when the API sends null (often for zero). */
  passes_pct: string | null;
  /** Statistic "expected_goals", parsed from "0.61" in this half; null when the API sends null (often for zero). */
  expected_goals: string | null;
  /** Statistic "goals_prevented" in this half; null when the API sends null (often for zero). */
  goals_prevented: string | null;
  /** Statistic types of this half that have no column yet, {type: value} as received. */
  other_stats: Record<string, unknown>;
}

/** golden.fixture_player_stats: Statistics of one player in one match (/fixtures/players), the source of player season marts. */
export interface FixturePlayerStatsRow {
  /** The match. */
  fixture_id: number;
  /** The team he played for. */
  team_id: number;
  /** The player. */
  player_id: number;
  /** games.number */
  shirt_number: number | null;
  /** games.position: G, D, M or F. */
  position: PositionCode | null;
  /** games.rating, parsed from a string like "7.3"; null when not rated. */
  rating: string | null;
  /** games.captain */
  is_captain: boolean | null;
  /** games.substitute: started on the bench. */
  is_substitute: boolean | null;
  /** games.minutes: minutes played; null for unused substitutes. */
  minutes: number | null;
  /** offsides */
  offsides: number | null;
  /** shots.total */
  shots_total: number | null;
  /** shots.on */
  shots_on: number | null;
  /** goals.total (own goals excluded). */
  goals: number | null;
  /** goals.conceded */
  goals_conceded: number | null;
  /** goals.assists */
  assists: number | null;
  /** goals.saves */
  saves: number | null;
  /** passes.total */
  passes_total: number | null;
  /** passes.key */
  passes_key: number | null;
  /** passes.accuracy: the count of accurate passes, sent as a string ("47"). */
  passes_accurate: number | null;
  /** tackles.total */
  tackles_total: number | null;
  /** tackles.blocks */
  blocks: number | null;
  /** tackles.interceptions */
  interceptions: number | null;
  /** duels.total */
  duels_total: number | null;
  /** duels.won */
  duels_won: number | null;
  /** dribbles.attempts */
  dribbles_attempts: number | null;
  /** dribbles.success */
  dribbles_success: number | null;
  /** dribbles.past */
  dribbles_past: number | null;
  /** fouls.drawn */
  fouls_drawn: number | null;
  /** fouls.committed */
  fouls_committed: number | null;
  /** cards.yellow */
  yellow_cards: number | null;
  /** cards.red */
  red_cards: number | null;
  /** penalty.won */
  penalties_won: number | null;
  /** penalty.commited (sic) */
  penalties_committed: number | null;
  /** penalty.scored */
  penalties_scored: number | null;
  /** penalty.missed */
  penalties_missed: number | null;
  /** penalty.saved */
  penalties_saved: number | null;
}

/** golden.standings: League tables as API-Football publishes them, one row per league-season, group and team; marts.standings_reconciliation compares them with our own. */
export interface StandingRow {
  /** The competition. */
  league_id: number;
  /** The season start year. */
  season: number;
  /** The group label, e.g. "Premier League", "Group A". */
  group_name: string;
  /** The team. */
  team_id: number;
  /** Position in the group. */
  rank: number;
  /** Points. */
  points: number;
  /** goalsDiff: goals for minus against. */
  goals_diff: number;
  /** Last results, newest first, e.g. "WWDLW". */
  form: string | null;
  /** Movement since the last round: same, up, down. */
  status: string | null;
  /** What the rank leads to, e.g. "Promotion - Champions League (Group Stage: )". */
  description: string | null;
  /** all.played */
  all_played: number | null;
  /** all.win */
  all_won: number | null;
  /** all.draw */
  all_drawn: number | null;
  /** all.lose */
  all_lost: number | null;
  /** all.goals.for */
  all_goals_for: number | null;
  /** all.goals.against */
  all_goals_against: number | null;
  /** home.played */
  home_played: number | null;
  /** home.win */
  home_won: number | null;
  /** home.draw */
  home_drawn: number | null;
  /** home.lose */
  home_lost: number | null;
  /** home.goals.for */
  home_goals_for: number | null;
  /** home.goals.against */
  home_goals_against: number | null;
  /** away.played */
  away_played: number | null;
  /** away.win */
  away_won: number | null;
  /** away.draw */
  away_drawn: number | null;
  /** away.lose */
  away_lost: number | null;
  /** away.goals.for */
  away_goals_for: number | null;
  /** away.goals.against */
  away_goals_against: number | null;
  /** update: when the API last changed the row. */
  api_updated_at: Date | null;
}

/** golden.injuries: Players missing or doubtful for a fixture (/injuries). */
export interface InjuryRow {
  /** The match the player misses. */
  fixture_id: number;
  /** The player. */
  player_id: number;
  /** His team. */
  team_id: number;
  /** Missing Fixture or Questionable. */
  type: 'Missing Fixture' | 'Questionable';
  /** e.g. "Knee Injury", "Yellow Cards". */
  reason: string | null;
}

/** golden.overrides: Curated corrections of golden values, one per row and field: the marts show value, the golden row keeps what the API sent. */
export interface OverrideRow {
  /** The golden table corrected: leagues, venues, teams, players, coaches or fixtures. */
  entity: OverrideEntity;
  /** Its row: the table's API id (league_id, venue_id, team_id, player_id, coach_id, fixture_id). */
  entity_id: number;
  /** The column corrected. */
  field: string;
  /** The corrected value, as the column type reads it (kept in its canonical text form, times in UTC). */
  value: string;
  /** Why the API is wrong here, e.g. a source that says otherwise. */
  reason: string;
  /** Who made the correction. */
  author: string;
  /** When the correction was set (or last replaced). */
  created_at: Date;
}

/** A ranking criterion of golden.competition_rules.tie_breakers, each higher-is-better; h2h_ ones count the matches among the teams still level. */
export type TieBreaker =
  | 'points' | 'goal_diff' | 'goals_for' | 'away_goals' | 'wins' | 'away_wins'
  | 'h2h_points' | 'h2h_goal_diff' | 'h2h_goals_for' | 'h2h_away_goals';

/** golden.competition_rules: How each competition ranks teams level on points and settles two-legged ties, one row per competition and era (curated by hand, not from the API); league_id 0 is the default. */
export interface CompetitionRuleRow {
  /** API-Football league id the rules are for; 0 is the default for competitions without a row of their own. */
  league_id: number;
  /** First season (start year) the rules apply to; they apply until the competition's next row. */
  from_season: number;
  /** Whose rules these are, for people editing them (the league may not be loaded yet). */
  competition: string;
  /** The ranking criteria in order, points first. */
  tie_breakers: TieBreaker[];
  /** League points for a win. */
  points_per_win: number;
  /** League points for a draw. */
  points_per_draw: number;
  /** In the seasons of this row, a two-legged tie level on aggregate goes to the team with more away goals. */
  away_goals_decide_ties: boolean;
  /** Where the rules come from, or why they were edited. */
  notes: string | null;
}
