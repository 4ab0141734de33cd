/**
 * The mock's dataset: a catalogue built up front, squads and league-seasons generated on first use
 * and kept in a small LRU cache (regenerating is deterministic, so evicting loses nothing), and an
 * `asOf` instant that decides what has been played. Same seed, same world, whatever the order of
 * requests.
 */
import { Catalog, CUP_ID, DEMO_SEASON, PREMIER_LEAGUE_ID, teamLogo, type LeagueSeason } from './catalog';
import { buildCompetition, type Competition, type Match } from './competition';
import { criteriaOf } from './rules';
import { seasonStatistics } from './season-stats';
import { generateSquad, type Player } from './squad';
import { computeTable } from './standings';
import { dayOf, parseInstant } from './time';
import type { PlayerSeasonStats, StandingsItem } from './types';
import { fixtureDetails, isListed, resultOf, statusOf } from './views';
import { quirkyDetails, quirkyPlayerStatistics, type Quirk } from '../quirks';
import type { FixtureDetails } from './types';

/** After the whole demo season (the cup final is on 2024-06-01): everything is played. */
export const DEFAULT_AS_OF = '2024-06-30';

export interface DatasetOptions {
  seed?: number;
  /** ISO date or date-time; fixtures kicking off before it are played. */
  asOf?: string;
  /** Extra generated leagues (ids 1000..), for benchmarks. */
  scale?: number;
  /** Seasons of each extra league (default 2021-2023). */
  scaleSeasons?: readonly number[];
  /** How many generated league-seasons to keep in memory. */
  cacheSize?: number;
  /** Quirks of the real API to reproduce (see ../quirks.ts). */
  quirks?: ReadonlySet<Quirk>;
}

export interface DatasetFigures {
  leagueSeasons: number;
  teams: number;
  players: number;
  fixtures: number;
  fixturesByStatus: Record<string, number>;
  events: number;
  lineups: number;
  fixturePlayerLines: number;
  injuries: number;
}

interface Derived {
  asOf: number;
  standings?: StandingsItem;
  seasonStats?: Map<number, PlayerSeasonStats>;
}

export class Dataset {
  readonly seed: number;
  readonly catalog: Catalog;
  readonly quirks: ReadonlySet<Quirk>;
  private asOfSeconds: number;
  private readonly cacheSize: number;
  private readonly squads = new Map<number, Player[]>();
  /** Map insertion order doubles as recency: the first entry is the least recently used. */
  private readonly competitions = new Map<number, Competition>();
  private readonly derived = new WeakMap<Competition, Derived>();

  constructor(options: DatasetOptions = {}) {
    this.seed = options.seed ?? 1;
    this.catalog = new Catalog({ seed: this.seed, scale: options.scale, scaleSeasons: options.scaleSeasons });
    this.quirks = options.quirks ?? new Set();
    this.asOfSeconds = parseInstant(options.asOf ?? DEFAULT_AS_OF);
    this.cacheSize = Math.max(2, options.cacheSize ?? 12);
  }

  /** Unix seconds: fixtures kicking off before this instant are played. */
  get asOf(): number {
    return this.asOfSeconds;
  }

  setAsOf(iso: string): void {
    this.asOfSeconds = parseInstant(iso);
  }

  squad(teamId: number): Player[] {
    let squad = this.squads.get(teamId);
    if (squad === undefined) {
      squad = generateSquad(this.seed, this.catalog.team(teamId));
      this.squads.set(teamId, squad);
    }
    return squad;
  }

  player(playerId: number): Player | undefined {
    const teamId = Math.floor((playerId - 100_000) / 50);
    if (!this.catalog.teams.has(teamId)) return undefined;
    return this.squad(teamId).find((p) => p.id === playerId);
  }

  competition(leagueSeason: LeagueSeason): Competition {
    let competition = this.competitions.get(leagueSeason.index);
    if (competition !== undefined) {
      this.competitions.delete(leagueSeason.index);
    } else {
      competition = buildCompetition(this.seed, this.catalog, leagueSeason, (id) => this.squad(id));
      if (this.competitions.size >= this.cacheSize) this.competitions.delete(this.competitions.keys().next().value as number);
    }
    this.competitions.set(leagueSeason.index, competition);
    return competition;
  }

  /** The league-seasons in memory now (for tests of the lazy generation). */
  generatedLeagueSeasons(): number {
    return this.competitions.size;
  }

  match(fixtureId: number): Match | undefined {
    const leagueSeason = this.catalog.leagueSeasonOfFixture(fixtureId);
    if (leagueSeason === undefined) return undefined;
    const match = this.competition(leagueSeason).byId.get(fixtureId);
    return match !== undefined && isListed(match, this.asOf) ? match : undefined;
  }

  /** A fixture's events, line-ups and statistics as the API shows them now (quirks included). */
  details(match: Match): FixtureDetails {
    return quirkyDetails(match, fixtureDetails(match, this.asOf), this.asOf, this.quirks);
  }

  /** A player's `/players` statistics blocks for the given competitions, as the API shows them now. */
  playerStatistics(playerId: number, competitions: readonly Competition[]): unknown[] {
    const blocks = competitions.map((c) => this.seasonStats(c).get(playerId)).filter((s) => s !== undefined);
    return quirkyPlayerStatistics(playerId, blocks, this.quirks);
  }

  /** The fixtures of a league-season the API lists as of now, in id order. */
  listed(competition: Competition): Match[] {
    return competition.matches.filter((m) => isListed(m, this.asOf));
  }

  standings(competition: Competition): StandingsItem {
    const derived = this.derivedOf(competition);
    if (derived.standings === undefined) {
      const { league, season } = competition.leagueSeason;
      const decided = competition.matches.filter((m) => m.group !== null || league.format === 'league')
        .map((m) => ({ m, goals: resultOf(m, this.asOf) }))
        .filter((r) => r.goals !== null);
      const last = decided.reduce((latest, r) => Math.max(latest, r.m.kickoff), 0);
      const update = `${dayOf(last === 0 ? parseInstant(competition.leagueSeason.start) : last)}T00:00:00+00:00`;
      derived.standings = {
        league: {
          id: league.id, name: league.name, country: league.country.name, logo: league.logo, flag: league.country.flag, season,
          standings: competition.groups.map((group) => computeTable(
            group.teamIds.map((id) => teamLogo(this.catalog.team(id))),
            decided.filter((r) => league.format === 'league' || r.m.group === group.name)
              .map((r) => ({ home: r.m.home.id, away: r.m.away.id, goals: r.goals as { home: number; away: number }, timestamp: r.m.kickoff })),
            group.name,
            (rank) => describeRank(league.id, league.format, rank, group.teamIds.length),
            update,
            criteriaOf(league.id, season),
          )),
        },
      };
    }
    return derived.standings;
  }

  seasonStats(competition: Competition): Map<number, PlayerSeasonStats> {
    const derived = this.derivedOf(competition);
    derived.seasonStats ??= seasonStatistics(this.catalog, competition, (id) => this.squad(id), this.asOf);
    return derived.seasonStats;
  }

  /** Figures of the given league-seasons (default: the demo's league 39 and league 2, season 2023). */
  figures(leagueSeasons?: readonly LeagueSeason[]): DatasetFigures {
    const chosen = leagueSeasons ?? [PREMIER_LEAGUE_ID, CUP_ID].map((id) => this.catalog.leagueSeason(id, DEMO_SEASON) as LeagueSeason);
    const teams = new Set<number>();
    const figures: DatasetFigures = { leagueSeasons: chosen.length, teams: 0, players: 0, fixtures: 0, fixturesByStatus: {}, events: 0, lineups: 0, fixturePlayerLines: 0, injuries: 0 };
    for (const leagueSeason of chosen) {
      const competition = this.competition(leagueSeason);
      for (const id of leagueSeason.teamIds) teams.add(id);
      for (const match of this.listed(competition)) {
        const status = statusOf(match, this.asOf);
        figures.fixtures++;
        figures.fixturesByStatus[status] = (figures.fixturesByStatus[status] ?? 0) + 1;
        const details = this.details(match);
        figures.events += details.events.length;
        figures.lineups += details.lineups.length;
        figures.fixturePlayerLines += details.players.reduce((sum, block) => sum + block.players.length, 0);
      }
      figures.injuries += competition.injuries.length;
    }
    figures.teams = teams.size;
    figures.players = [...teams].reduce((sum, id) => sum + this.squad(id).length, 0);
    return figures;
  }

  private derivedOf(competition: Competition): Derived {
    let derived = this.derived.get(competition);
    if (derived === undefined || derived.asOf !== this.asOf) {
      derived = { asOf: this.asOf };
      this.derived.set(competition, derived);
    }
    return derived;
  }
}

/** The `description` of a table row: what the rank leads to. */
function describeRank(leagueId: number, format: 'league' | 'cup' | 'split', rank: number, size: number): string | null {
  if (format === 'cup') {
    if (rank <= 2) return 'Promotion - Champions League (Round of 16)';
    return rank === 3 ? 'Promotion - Europa League (Knockout Round Play-offs)' : null;
  }
  if (rank <= 4) return 'Promotion - Champions League (Group Stage: )';
  if (rank === 5) return 'Promotion - Europa League (Group Stage: )';
  if (rank === 6 && leagueId === PREMIER_LEAGUE_ID) return 'Promotion - Europa Conference League (Qualification: )';
  if (rank > size - 3) return leagueId === PREMIER_LEAGUE_ID ? 'Relegation - Championship' : 'Relegation';
  return null;
}

/** One line for people: `48 teams, 1200 players, 505 fixtures (FT 497, ...), 6923 events, 1000 lineups`. */
export function formatFigures(f: DatasetFigures): string {
  const statuses = Object.entries(f.fixturesByStatus).map(([status, n]) => `${status} ${n}`).join(', ');
  return `${f.teams} teams, ${f.players} players, ${f.fixtures} fixtures (${statuses}), ${f.events} events, ${f.lineups} lineups, ${f.fixturePlayerLines} player lines, ${f.injuries} injuries`;
}
