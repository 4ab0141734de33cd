/**
 * The generated world's cheap part: countries, leagues with their seasons, clubs, venues. Built
 * eagerly (a few hundred objects even at scale); squads and league-seasons, the expensive part, are
 * generated later and only on demand.
 */
import { CLUB_PATTERNS, ENGLISH_CLUBS, EUROPEAN_CLUBS, FINAL_VENUE, MEXICO, NATIONS, nationNamed, type ClubSeed, type Nation } from './names';
import { Rng } from './random';
import { addDays, weekday } from './time';
import type { Colors, CountryItem, TeamLogo, VenueItem } from './types';

export const MEDIA = 'https://media.api-sports.io';
export const DEMO_SEASON = 2023;
export const PREMIER_LEAGUE_ID = 39;
export const CUP_ID = 2;
/** Liga MX: one season, two tables (Apertura, Clausura) over the same eighteen clubs. */
export const SPLIT_LEAGUE_ID = 262;
const SPLIT_TEAM_BASE = 2270;
/** Ids of the `scale` leagues start here, like the real API's long tail of minor competitions. */
export const SCALE_LEAGUE_BASE = 1000;
const SCALE_TEAM_BASE = 10_000;
const SCALE_TEAMS_PER_LEAGUE = 20;
/** Fixture ids: one block of this size per league-season, so an id leads to its league-season. */
export const FIXTURE_BLOCK = 1000;
const FIXTURE_BASE = 1_000_000;

export interface Team extends TeamLogo {
  code: string;
  country: string;
  city: string;
  founded: number | null;
  strength: number;
  venueId: number;
  nation: Nation;
  coach: { id: number; name: string; photo: string };
  colors: { player: Colors; goalkeeper: Colors };
}

/** league: one double round robin; cup: groups then knockout ties; split: two single round robins (Apertura, Clausura), a table each. */
export type Format = 'league' | 'cup' | 'split';

export interface LeagueSeason {
  /** Position in the catalogue: the block of fixture ids this league-season owns. */
  index: number;
  league: League;
  season: number;
  /** First day of play (`YYYY-MM-DD`). */
  start: string;
  end: string;
  teamIds: number[];
}

export interface League {
  id: number;
  name: string;
  type: 'League' | 'Cup';
  format: Format;
  logo: string;
  country: CountryItem;
  /** The table label in `/standings` for a single-table league. */
  tableName: string;
  seasons: LeagueSeason[];
}

export interface CatalogOptions {
  seed: number;
  /** Extra generated leagues (ids from 1000) for benchmarks. */
  scale?: number;
  /** Seasons of each scale league. */
  scaleSeasons?: readonly number[];
}

export const WORLD: CountryItem = { name: 'World', code: null, flag: null };

export function countryOf(nation: Nation): CountryItem {
  return { name: nation.country, code: nation.code, flag: `${MEDIA}/flags/${nation.code.toLowerCase()}.svg` };
}

export function teamLogo(team: TeamLogo): TeamLogo {
  return { id: team.id, name: team.name, logo: team.logo };
}

export class Catalog {
  readonly leagues: League[] = [];
  readonly teams = new Map<number, Team>();
  readonly venues = new Map<number, VenueItem>();
  readonly leagueSeasons: LeagueSeason[] = [];
  private readonly seed: number;

  constructor(options: CatalogOptions) {
    this.seed = options.seed;
    const english = ENGLISH_CLUBS.map((c) => this.addClub(c));
    const european = EUROPEAN_CLUBS.map((c) => this.addClub(c));
    this.venues.set(FINAL_VENUE.id, { ...FINAL_VENUE, image: `${MEDIA}/football/venues/${FINAL_VENUE.id}.png` });

    const england = countryOf(nationNamed('England'));
    this.addLeague({ id: PREMIER_LEAGUE_ID, name: 'Premier League', type: 'League', format: 'league', country: england, tableName: 'Premier League' },
      [{ season: DEMO_SEASON, start: '2023-08-11', teamIds: english.map((t) => t.id) }]);
    const cupEnglish = [...english].sort((a, b) => b.strength - a.strength || a.id - b.id).slice(0, 4);
    this.addLeague({ id: CUP_ID, name: 'UEFA Champions League', type: 'Cup', format: 'cup', country: WORLD, tableName: 'UEFA Champions League' },
      [{ season: DEMO_SEASON, start: '2023-09-19', teamIds: [...cupEnglish, ...european].map((t) => t.id) }]);

    this.addSplitLeague();

    const seasons = options.scaleSeasons ?? [2021, 2022, 2023];
    for (let i = 0; i < (options.scale ?? 0); i++) this.addScaleLeague(i, seasons);
  }

  league(id: number): League | undefined {
    return this.leagues.find((l) => l.id === id);
  }

  leagueSeason(leagueId: number, season: number): LeagueSeason | undefined {
    return this.league(leagueId)?.seasons.find((s) => s.season === season);
  }

  leagueSeasonOfFixture(fixtureId: number): LeagueSeason | undefined {
    return this.leagueSeasons[Math.floor((fixtureId - FIXTURE_BASE) / FIXTURE_BLOCK)];
  }

  firstFixtureId(leagueSeason: LeagueSeason): number {
    return FIXTURE_BASE + leagueSeason.index * FIXTURE_BLOCK + 1;
  }

  /** The league-seasons a team plays in (optionally one season only). */
  leagueSeasonsOfTeam(teamId: number, season?: number): LeagueSeason[] {
    return this.leagueSeasons.filter((ls) => (season === undefined || ls.season === season) && ls.teamIds.includes(teamId));
  }

  team(id: number): Team {
    const team = this.teams.get(id);
    if (team === undefined) throw new Error(`unknown team ${id}`);
    return team;
  }

  venue(id: number): VenueItem {
    const venue = this.venues.get(id);
    if (venue === undefined) throw new Error(`unknown venue ${id}`);
    return venue;
  }

  /** Every country the world knows (the real list has all of them, "World" included). */
  countries(): CountryItem[] {
    return [WORLD, ...NATIONS.map(countryOf)].sort((a, b) => a.name.localeCompare(b.name));
  }

  private addLeague(
    base: Omit<League, 'seasons' | 'logo'>,
    seasons: { season: number; start: string; teamIds: number[]; end?: string }[],
  ): void {
    const league: League = { ...base, logo: `${MEDIA}/football/leagues/${base.id}.png`, seasons: [] };
    for (const s of seasons) {
      const leagueSeason: LeagueSeason = {
        index: this.leagueSeasons.length, league, season: s.season, start: s.start,
        end: s.end ?? (base.format === 'cup' ? `${s.season + 1}-06-01` : addDays(s.start, 37 * 7 + 3)),
        teamIds: s.teamIds,
      };
      league.seasons.push(leagueSeason);
      this.leagueSeasons.push(leagueSeason);
    }
    this.leagues.push(league);
  }

  private addClub(seed: ClubSeed): Team {
    const rng = Rng.of(this.seed, 'club', seed.id);
    const nation = nationNamed(seed.country);
    const venueId = 5000 + seed.id;
    const team: Team = {
      id: seed.id, name: seed.name, logo: `${MEDIA}/football/teams/${seed.id}.png`, code: seed.code,
      country: seed.country, city: seed.city, founded: seed.founded, strength: seed.strength, venueId, nation,
      coach: coachFor(rng, nation, seed.id), colors: colorsFor(rng),
    };
    this.teams.set(team.id, team);
    this.venues.set(venueId, {
      id: venueId, name: seed.venue.name, address: seed.venue.address, city: seed.city, country: seed.country,
      capacity: seed.venue.capacity, surface: seed.venue.surface, image: `${MEDIA}/football/venues/${venueId}.png`,
    });
    return team;
  }

  private addSplitLeague(): void {
    const rng = Rng.of(this.seed, 'split-league');
    const teams = MEXICO.cities.slice(0, 12).flatMap((city, k) => {
      const names = k < 6 ? [`Club ${city}`, `Atlético ${city}`] : [`${city} FC`];
      return names.map((name) => ({ city, name }));
    }).slice(0, 18).map(({ city, name }, k) => this.addClub({
      id: SPLIT_TEAM_BASE + k, name, code: `${name.startsWith('Atlético') ? 'A' : ''}${city.normalize('NFD').replace(/[^A-Za-z]/g, '')}`.slice(0, 3).toUpperCase(), country: MEXICO.country, city,
      founded: rng.int(1900, 1990), venue: { name: `Estadio ${name}`, address: null, capacity: rng.int(20000, 87000), surface: 'grass' },
      strength: 0.85 + rng.next() * 0.4,
    }));
    this.addLeague(
      { id: SPLIT_LEAGUE_ID, name: 'Liga MX', type: 'League', format: 'split', country: countryOf(MEXICO), tableName: 'Liga MX' },
      [{ season: DEMO_SEASON, start: '2023-06-30', end: '2024-05-26', teamIds: teams.map((t) => t.id) }],
    );
  }

  private addScaleLeague(i: number, seasons: readonly number[]): void {
    const foreign = NATIONS.filter((n) => n.country !== 'England');
    const nation = foreign[i % foreign.length];
    const tier = Math.floor(i / foreign.length);
    const rng = Rng.of(this.seed, 'scale-league', i);
    const teams: Team[] = [];
    for (let k = 0; k < SCALE_TEAMS_PER_LEAGUE; k++) {
      const city = nation.cities[(k + tier * 3) % nation.cities.length];
      const pattern = CLUB_PATTERNS[(Math.floor(k / nation.cities.length) + tier) % CLUB_PATTERNS.length];
      const name = pattern.replace('{city}', city);
      const id = SCALE_TEAM_BASE + i * SCALE_TEAMS_PER_LEAGUE + k;
      teams.push(this.addClub({
        id, name, code: name.replace(/[^A-Za-z]/g, '').slice(0, 3).toUpperCase(), country: nation.country, city,
        founded: rng.chance(0.1) ? null : rng.int(1875, 1975),
        venue: { name: `${rng.pick(['Stadion', 'Arena', 'Stade', 'Estadio'])} ${city}`, address: null, capacity: rng.int(4000, 45000), surface: rng.chance(0.1) ? 'artificial turf' : 'grass' },
        strength: 0.75 + rng.next() * 0.6,
      }));
    }
    const tierNames = ['First Division', 'Premier Division', 'Super League', 'Championship', 'Second Division'];
    const id = SCALE_LEAGUE_BASE + i;
    this.addLeague(
      { id, name: tierNames[tier % tierNames.length], type: 'League', format: 'league', country: countryOf(nation), tableName: tierNames[tier % tierNames.length] },
      seasons.map((season) => ({ season, start: secondFridayOfAugust(season), teamIds: teams.map((t) => t.id) })),
    );
  }
}

function secondFridayOfAugust(year: number): string {
  let day = `${year}-08-01`;
  while (weekday(day) !== 5) day = addDays(day, 1);
  return addDays(day, 7);
}

function coachFor(rng: Rng, nation: Nation, teamId: number): Team['coach'] {
  const id = 3000 + teamId;
  const first = rng.pick(nation.firstNames);
  return { id, name: `${first[0]}. ${rng.pick(nation.lastNames)}`, photo: `${MEDIA}/football/coachs/${id}.png` };
}

const PALETTE = ['f00000', 'ffffff', '000000', '1a3c8b', '5badff', 'ffd700', '006400', '7a003c', 'ff7f00', '99ff99', '8b0000', '00bfff'];

function colorsFor(rng: Rng): Team['colors'] {
  const primary = rng.pick(PALETTE);
  const contrast = primary === 'ffffff' || primary === 'ffd700' || primary === '99ff99' ? '000000' : 'ffffff';
  const keeper = rng.pick(PALETTE.filter((c) => c !== primary));
  return {
    player: { primary, number: contrast, border: primary },
    goalkeeper: { primary: keeper, number: keeper === 'ffffff' ? '000000' : 'ffffff', border: keeper },
  };
}
