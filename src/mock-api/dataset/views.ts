/**
 * The simulated world as the API shows it at the instant `asOf`: fixtures kicked off before it are
 * finished (or postponed, or awarded), later ones are `NS` with null scores; details of a fixture
 * exist only once it was played. Pure functions of the model and `asOf`.
 */
import { teamLogo, type League, type LeagueSeason, type Team } from './catalog';
import type { Injury, Match } from './competition';
import { ageOn, type Player } from './squad';
import { dayOf, isoDateTime } from './time';
import type {
  Coverage, FixtureDetails, FixtureItem, FixtureLeague, InjuryItem, LeagueItem, PlayerProfile, Score, SquadItem, TeamItem, VenueItem,
} from './types';

export type StatusShort = 'NS' | 'FT' | 'AET' | 'PEN' | 'PST' | 'AWD';

const STATUS_LONG: Record<StatusShort, string> = {
  NS: 'Not Started', FT: 'Match Finished', AET: 'Match Finished', PEN: 'Match Finished', PST: 'Match Postponed', AWD: 'Technical Loss',
};

/** Injuries are announced up to a week before the fixture they concern. */
const INJURY_NOTICE = 7 * 86_400;

export function statusOf(match: Match, asOf: number): StatusShort {
  if (match.kickoff >= asOf) return 'NS';
  if (match.outcome === 'PST' || match.outcome === 'AWD') return match.outcome;
  return match.played?.status ?? 'NS';
}

/** Whether the fixture is in the listings yet (a knockout tie appears after its draw). */
export function isListed(match: Match, asOf: number): boolean {
  return match.listedFrom <= asOf;
}

/** The fixture's final result as of `asOf` (awarded score for AWD); null if it has none yet. */
export function resultOf(match: Match, asOf: number): { home: number; away: number } | null {
  const status = statusOf(match, asOf);
  if (status === 'AWD') return match.awarded;
  if (status === 'FT' || status === 'AET' || status === 'PEN') return match.played?.goals ?? null;
  return null;
}

const noScore = (): Score => ({ home: null, away: null });

export function fixtureLeague(match: Match): FixtureLeague {
  const { league, season } = match.leagueSeason;
  return { id: league.id, name: league.name, country: league.country.name, logo: league.logo, flag: league.country.flag, season, round: match.round, standings: true };
}

export function fixtureItem(match: Match, asOf: number, zone = 'UTC'): FixtureItem {
  const status = statusOf(match, asOf);
  const played = status === 'FT' || status === 'AET' || status === 'PEN' ? match.played : null;
  const goals = played?.goals ?? (status === 'AWD' ? match.awarded : null);
  const winner = (side: 'home' | 'away'): boolean | null => {
    if (played !== null) return played.winner[side];
    if (goals === null) return null;
    return goals[side] > goals[side === 'home' ? 'away' : 'home'];
  };
  return {
    fixture: {
      id: match.id,
      referee: played === null ? null : match.referee,
      timezone: zone,
      date: isoDateTime(match.kickoff, zone),
      timestamp: match.kickoff,
      periods: played === null ? { first: null, second: null } : { first: match.kickoff, second: match.kickoff + 3600 },
      venue: { ...match.venue },
      status: { long: STATUS_LONG[status], short: status, elapsed: played?.elapsed ?? null, extra: played?.extra ?? null },
    },
    league: fixtureLeague(match),
    teams: {
      home: { ...teamLogo(match.home), winner: winner('home') },
      away: { ...teamLogo(match.away), winner: winner('away') },
    },
    goals: goals === null ? noScore() : { ...goals },
    score: played !== null
      ? structuredClone(played.score)
      : { halftime: noScore(), fulltime: goals === null ? noScore() : { ...goals }, extratime: noScore(), penalty: noScore() },
  };
}

const NO_DETAILS: FixtureDetails = { events: [], lineups: [], statistics: [], players: [] };

/** Events, lineups, statistics and player statistics: empty until the match was played. */
export function fixtureDetails(match: Match, asOf: number): FixtureDetails {
  const status = statusOf(match, asOf);
  return (status === 'FT' || status === 'AET' || status === 'PEN') && match.played !== null ? match.played.details : NO_DETAILS;
}

const FULL_COVERAGE: Coverage = {
  fixtures: { events: true, lineups: true, statistics_fixtures: true, statistics_players: true },
  standings: true, players: true, top_scorers: true, top_assists: true, top_cards: true, injuries: true, predictions: false, odds: false,
};

export function leagueItem(league: League, seasons: readonly LeagueSeason[]): LeagueItem {
  const latest = Math.max(...league.seasons.map((s) => s.season));
  return {
    league: { id: league.id, name: league.name, type: league.type, logo: league.logo },
    country: { ...league.country },
    seasons: seasons.map((s) => ({ year: s.season, start: s.start, end: s.end, current: s.season === latest, coverage: structuredClone(FULL_COVERAGE) })),
  };
}

export function teamItem(team: Team, venue: VenueItem): TeamItem {
  return {
    team: { id: team.id, name: team.name, code: team.code, country: team.country, founded: team.founded, national: false, logo: team.logo },
    venue: { id: venue.id, name: venue.name, address: venue.address, city: venue.city, capacity: venue.capacity, surface: venue.surface, image: venue.image },
  };
}

export function playerProfile(player: Player, asOf: number): PlayerProfile {
  return {
    id: player.id, name: player.name, firstname: player.firstname, lastname: player.lastname,
    age: ageOn(player.birthDate, dayOf(asOf)),
    birth: { date: player.birthDate, place: player.birthPlace, country: player.nationality },
    nationality: player.nationality, height: player.height, weight: player.weight, injured: false, photo: player.photo,
  };
}

export function squadItem(team: Team, squad: readonly Player[], asOf: number): SquadItem {
  return {
    team: teamLogo(team),
    players: squad.map((p) => ({ id: p.id, name: p.name, age: ageOn(p.birthDate, dayOf(asOf)), number: p.number, position: p.position, photo: p.photo })),
  };
}

export function isInjuryKnown(injury: Injury, asOf: number): boolean {
  return injury.match.kickoff < asOf + INJURY_NOTICE;
}

export function injuryItem(injury: Injury, zone = 'UTC'): InjuryItem {
  const { league, season } = injury.match.leagueSeason;
  return {
    player: { id: injury.player.id, name: injury.player.name, photo: injury.player.photo, type: injury.type, reason: injury.reason },
    team: teamLogo(injury.team),
    fixture: { id: injury.match.id, timezone: zone, date: isoDateTime(injury.match.kickoff, zone), timestamp: injury.match.kickoff },
    league: { id: league.id, season, name: league.name, country: league.country.name, logo: league.logo, flag: league.country.flag },
  };
}
