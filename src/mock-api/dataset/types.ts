/**
 * The API-Football v3 item shapes the mock serves (SPEC §7), exactly as they travel on the wire:
 * null where the real API sends null, strings where it sends numbers as strings.
 */

export interface Side<T> {
  home: T;
  away: T;
}
export type Score = Side<number | null>;

export interface TeamLogo {
  id: number;
  name: string;
  logo: string;
}

export interface CountryItem {
  name: string;
  code: string | null;
  flag: string | null;
}

export interface Coverage {
  fixtures: { events: boolean; lineups: boolean; statistics_fixtures: boolean; statistics_players: boolean };
  standings: boolean;
  players: boolean;
  top_scorers: boolean;
  top_assists: boolean;
  top_cards: boolean;
  injuries: boolean;
  predictions: boolean;
  odds: boolean;
}

export interface LeagueItem {
  league: { id: number; name: string; type: 'League' | 'Cup'; logo: string };
  country: CountryItem;
  seasons: { year: number; start: string; end: string; current: boolean; coverage: Coverage }[];
}

export interface TeamItem {
  team: { id: number; name: string; code: string | null; country: string; founded: number | null; national: boolean; logo: string };
  venue: { id: number | null; name: string | null; address: string | null; city: string | null; capacity: number | null; surface: string | null; image: string | null };
}

export interface VenueItem {
  id: number;
  name: string;
  address: string | null;
  city: string;
  country: string;
  capacity: number;
  surface: string;
  image: string;
}

export interface FixtureLeague {
  id: number;
  name: string;
  country: string;
  logo: string;
  flag: string | null;
  season: number;
  round: string;
  standings: boolean;
}

export interface FixtureItem {
  fixture: {
    id: number;
    referee: string | null;
    timezone: string;
    date: string;
    timestamp: number;
    periods: { first: number | null; second: number | null };
    venue: { id: number | null; name: string | null; city: string | null };
    status: { long: string; short: string; elapsed: number | null; extra: number | null };
  };
  league: FixtureLeague;
  teams: Side<TeamLogo & { winner: boolean | null }>;
  goals: Score;
  score: { halftime: Score; fulltime: Score; extratime: Score; penalty: Score };
}

export interface EventItem {
  time: { elapsed: number; extra: number | null };
  team: TeamLogo;
  player: { id: number | null; name: string | null };
  assist: { id: number | null; name: string | null };
  type: 'Goal' | 'Card' | 'subst' | 'Var';
  detail: string;
  comments: string | null;
}

export interface LineupPlayer {
  player: { id: number; name: string; number: number; pos: 'G' | 'D' | 'M' | 'F'; grid: string | null };
}

export interface Colors {
  primary: string;
  number: string;
  border: string;
}

export interface LineupItem {
  team: TeamLogo & { colors: { player: Colors; goalkeeper: Colors } | null };
  coach: { id: number; name: string; photo: string };
  formation: string;
  startXI: LineupPlayer[];
  substitutes: LineupPlayer[];
}

export interface StatisticItem {
  team: TeamLogo;
  statistics: { type: string; value: number | string | null }[];
}

export interface FixturePlayerStats {
  games: { minutes: number | null; number: number; position: 'G' | 'D' | 'M' | 'F'; rating: string | null; captain: boolean; substitute: boolean };
  offsides: number | null;
  shots: { total: number | null; on: number | null };
  goals: { total: number | null; conceded: number; assists: number | null; saves: number | null };
  passes: { total: number | null; key: number | null; accuracy: string | null };
  tackles: { total: number | null; blocks: number | null; interceptions: number | null };
  duels: { total: number | null; won: number | null };
  dribbles: { attempts: number | null; success: number | null; past: number | null };
  fouls: { drawn: number | null; committed: number | null };
  cards: { yellow: number; red: number };
  penalty: { won: number | null; commited: number | null; scored: number; missed: number; saved: number | null };
}

export interface FixturePlayersItem {
  team: TeamLogo & { update: string };
  players: { player: { id: number; name: string; photo: string }; statistics: [FixturePlayerStats] }[];
}

export interface FixtureDetails {
  events: EventItem[];
  lineups: LineupItem[];
  statistics: StatisticItem[];
  players: FixturePlayersItem[];
}

export interface PlayerProfile {
  id: number;
  name: string;
  firstname: string;
  lastname: string;
  age: number;
  birth: { date: string; place: string | null; country: string };
  nationality: string;
  height: string | null;
  weight: string | null;
  injured: boolean;
  photo: string;
}

export interface PlayerSeasonStats {
  team: TeamLogo;
  league: { id: number; name: string; country: string; logo: string; flag: string | null; season: number };
  games: { appearences: number; lineups: number; minutes: number; number: number | null; position: string; rating: string | null; captain: boolean };
  substitutes: { in: number; out: number; bench: number };
  shots: { total: number | null; on: number | null };
  goals: { total: number; conceded: number; assists: number | null; saves: number | null };
  passes: { total: number | null; key: number | null; accuracy: number | null };
  tackles: { total: number | null; blocks: number | null; interceptions: number | null };
  duels: { total: number | null; won: number | null };
  dribbles: { attempts: number | null; success: number | null; past: number | null };
  fouls: { drawn: number | null; committed: number | null };
  cards: { yellow: number; yellowred: number; red: number };
  penalty: { won: number | null; commited: number | null; scored: number; missed: number; saved: number | null };
}

export interface PlayerItem {
  player: PlayerProfile;
  statistics: PlayerSeasonStats[];
}

export interface SquadItem {
  team: TeamLogo;
  players: { id: number; name: string; age: number; number: number | null; position: string; photo: string }[];
}

export interface StandingRecord {
  played: number;
  win: number;
  draw: number;
  lose: number;
  goals: { for: number; against: number };
}

export interface StandingRow {
  rank: number;
  team: TeamLogo;
  points: number;
  goalsDiff: number;
  group: string;
  form: string | null;
  status: 'same' | 'up' | 'down';
  description: string | null;
  all: StandingRecord;
  home: StandingRecord;
  away: StandingRecord;
  update: string;
}

export interface StandingsItem {
  league: { id: number; name: string; country: string; logo: string; flag: string | null; season: number; standings: StandingRow[][] };
}

export interface InjuryItem {
  player: { id: number; name: string; photo: string; type: 'Missing Fixture' | 'Questionable'; reason: string };
  team: TeamLogo;
  fixture: { id: number; timezone: string; date: string; timestamp: number };
  league: { id: number; season: number; name: string; country: string; logo: string; flag: string | null };
}

/** `/coachs`: a coach is described as a player is (without `injured`), with his club and career. */
export interface CoachItem extends Omit<PlayerProfile, 'injured'> {
  team: TeamLogo;
  career: { team: TeamLogo; start: string; end: string | null }[];
}

export interface TransferItem {
  player: { id: number; name: string };
  update: string;
  transfers: { date: string; type: string | null; teams: { in: TeamLogo; out: TeamLogo } }[];
}
