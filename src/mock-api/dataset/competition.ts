/**
 * One league-season, simulated in full: the schedule, every match, the few postponed and awarded
 * fixtures, the injuries. A league plays a double round robin in weekly rounds; the cup plays eight
 * groups of four, then two-legged knockout ties and a one-match final, the group tables deciding who
 * goes through. What `asOf` reveals of it is the views' business (dataset.ts), not this module's.
 */
import type { Catalog, LeagueSeason, Team } from './catalog';
import { simulateMatch, type KnockoutRule, type PlayedMatch } from './match';
import { FINAL_VENUE, INJURY_REASONS, nationNamed, NATIONS } from './names';
import { Rng } from './random';
import { criteriaOf } from './rules';
import { doubleRoundRobin, groupMatchdays } from './schedule';
import type { Player } from './squad';
import { computeTable, type ResultLine } from './standings';
import { addDays, unixOfLocal } from './time';
import type { Side } from './types';

export interface Match {
  id: number;
  leagueSeason: LeagueSeason;
  round: string;
  group: string | null;
  kickoff: number;
  /** Knockout ties are listed once the stage before them is over (the draw); 0: always listed. */
  listedFrom: number;
  home: Team;
  away: Team;
  venue: { id: number; name: string; city: string };
  referee: string;
  outcome: 'played' | 'PST' | 'AWD';
  /** The match as played (null when postponed or awarded). */
  played: PlayedMatch | null;
  /** The score awarded for a technical loss (AWD). */
  awarded: Side<number> | null;
}

export interface Injury {
  player: Player;
  team: Team;
  match: Match;
  type: 'Missing Fixture' | 'Questionable';
  reason: string;
}

export interface Competition {
  leagueSeason: LeagueSeason;
  matches: Match[];
  byId: Map<number, Match>;
  /** Table groups: one for a league, "Group A".."Group H" for the cup. */
  groups: { name: string; teamIds: number[] }[];
  rounds: string[];
  injuries: Injury[];
}

export type SquadOf = (teamId: number) => Player[];

interface Planned {
  round: string;
  group: string | null;
  kickoff: number;
  listedFrom: number;
  home: Team;
  away: Team;
  neutral?: boolean;
  knockout: KnockoutRule | null;
}

const INJURIES_PER_SEASON = 12;

export function buildCompetition(seed: number, catalog: Catalog, leagueSeason: LeagueSeason, squadOf: SquadOf): Competition {
  return new Builder(seed, catalog, leagueSeason, squadOf).build();
}

class Builder {
  private readonly rng: Rng;
  private readonly matches: Match[] = [];
  private readonly injuries: Injury[] = [];
  /** Injuries are drawn before the matches are simulated, so the injured miss them. */
  private readonly plannedInjuries: (Omit<Injury, 'match'> & { plan: Planned })[] = [];
  private readonly referees: string[];
  private nextId: number;

  constructor(
    private readonly seed: number,
    private readonly catalog: Catalog,
    private readonly leagueSeason: LeagueSeason,
    private readonly squadOf: SquadOf,
  ) {
    this.rng = Rng.of(seed, 'league-season', leagueSeason.league.id, leagueSeason.season);
    this.nextId = catalog.firstFixtureId(leagueSeason);
    const home = leagueSeason.league.format !== 'cup' ? nationNamed(leagueSeason.league.country.name) : undefined;
    this.referees = Array.from({ length: 14 }, () => {
      const nation = home ?? this.rng.pick(NATIONS);
      return `${this.rng.pick(nation.firstNames)} ${this.rng.pick(nation.lastNames)}, ${nation.nationality}`;
    });
  }

  build(): Competition {
    const format = this.leagueSeason.league.format;
    const { groups, rounds } = format === 'league' ? this.buildLeague() : format === 'split' ? this.buildSplit() : this.buildCup();
    return {
      leagueSeason: this.leagueSeason,
      matches: this.matches,
      byId: new Map(this.matches.map((m) => [m.id, m])),
      groups,
      rounds,
      injuries: this.injuries,
    };
  }

  // ---- league ------------------------------------------------------------------------------

  private buildLeague(): Pick<Competition, 'groups' | 'rounds'> {
    const ls = this.leagueSeason;
    const zone = ls.league.country.name === 'England' ? 'Europe/London' : 'Europe/Paris';
    // Friday evening, Saturday lunchtime, the 3 pm block, Sunday and a Monday night match.
    const slots: [number, string][] = [[0, '20:00'], [1, '12:30'], [1, '15:00'], [1, '15:00'], [1, '15:00'], [1, '15:00'], [1, '17:30'], [2, '14:00'], [2, '16:30'], [3, '20:00']];
    const rounds = doubleRoundRobin(ls.teamIds, this.rng);
    const planned = rounds.map((pairs, r) => {
      const friday = addDays(ls.start, 7 * r);
      const times = this.rng.shuffle(pairs.map((_, i) => slots[i % slots.length]));
      return pairs
        .map(([home, away], i): Planned => ({
          round: `Regular Season - ${r + 1}`, group: null, listedFrom: 0, knockout: null,
          kickoff: unixOfLocal(addDays(friday, times[i][0]), times[i][1], zone),
          home: this.catalog.team(home), away: this.catalog.team(away),
        }))
        .sort((a, b) => a.kickoff - b.kickoff || a.home.id - b.home.id);
    });
    const all = planned.flat();
    const candidates = this.rng.shuffle(all.slice(ls.teamIds.length / 2));
    const postponed = new Set(candidates.slice(0, 3));
    const awarded = new Set(candidates.slice(3, 4));
    this.planInjuries(all.filter((p) => !postponed.has(p) && !awarded.has(p)));
    for (const plan of all) this.addMatch(plan, postponed.has(plan) ? 'PST' : awarded.has(plan) ? 'AWD' : 'played');
    return { groups: [{ name: ls.league.tableName, teamIds: ls.teamIds }], rounds: rounds.map((_, r) => `Regular Season - ${r + 1}`) };
  }

  // ---- split season (Liga MX) -------------------------------------------------------------

  /**
   * Apertura (July to November) and Clausura (January to May): each a single round robin with its
   * own table ("Liga MX: Apertura", "Liga MX: Clausura") over the same clubs, rounds named after the
   * phase ("Apertura - 3"). The API lists both tables in one season, as it does for the real league.
   */
  private buildSplit(): Pick<Competition, 'groups' | 'rounds'> {
    const ls = this.leagueSeason;
    const rounds = doubleRoundRobin(ls.teamIds, this.rng);
    const half = rounds.length / 2;
    const phases = [{ name: 'Apertura', start: ls.start }, { name: 'Clausura', start: addDays(ls.start, 27 * 7) }];
    const names: string[] = [];
    const groups = phases.map((phase) => ({ name: `${ls.league.name}: ${phase.name}`, teamIds: ls.teamIds }));
    phases.forEach((phase, p) => {
      rounds.slice(p * half, (p + 1) * half).forEach((pairs, r) => {
        const round = `${phase.name} - ${r + 1}`;
        names.push(round);
        const friday = addDays(phase.start, 7 * r);
        pairs
          .map(([home, away], i): Planned => ({
            round, group: groups[p]!.name, listedFrom: 0, knockout: null,
            kickoff: unixOfLocal(addDays(friday, i % 3), ['19:00', '21:05', '17:00'][i % 3]!, 'America/Mexico_City'),
            home: this.catalog.team(home), away: this.catalog.team(away),
          }))
          .sort((a, b) => a.kickoff - b.kickoff || a.home.id - b.home.id)
          .forEach((plan) => this.addMatch(plan, 'played'));
      });
    });
    return { groups, rounds: names };
  }

  // ---- cup ---------------------------------------------------------------------------------

  private buildCup(): Pick<Competition, 'groups' | 'rounds'> {
    const groups = this.drawGroups();
    const matchdays = ['2023-09-19', '2023-10-03', '2023-10-24', '2023-11-07', '2023-11-28', '2023-12-12'];
    const groupPlans: Planned[] = [];
    matchdays.forEach((tuesday, md) => {
      const byDay: Planned[][] = [[], []];
      groups.forEach((group, g) => {
        // Groups A-D and E-H take turns on Tuesday and Wednesday.
        const day = (g < 4) === (md % 2 === 0) ? 0 : 1;
        for (const [home, away] of groupMatchdays(group.teamIds)[md]) {
          byDay[day].push({ round: `Group Stage - ${md + 1}`, group: group.name, listedFrom: 0, knockout: null, kickoff: 0, home: this.catalog.team(home), away: this.catalog.team(away) });
        }
      });
      byDay.forEach((plans, day) => this.rng.shuffle(plans).forEach((plan, i) => {
        plan.kickoff = unixOfLocal(addDays(tuesday, day), i < 2 ? '18:45' : '21:00', 'Europe/Paris');
      }));
      groupPlans.push(...byDay.flat().sort((a, b) => a.kickoff - b.kickoff || a.home.id - b.home.id));
    });
    const awarded = this.rng.pick(groupPlans);
    this.planInjuries(groupPlans.filter((p) => p !== awarded));
    for (const plan of groupPlans) this.addMatch(plan, plan === awarded ? 'AWD' : 'played');

    const groupEnd = this.matches[this.matches.length - 1].kickoff;
    const winners: Team[] = [];
    const runnersUp: Team[] = [];
    for (const group of groups) {
      const table = computeTable(group.teamIds.map((id) => this.catalog.team(id)), this.results(group.name), group.name, () => null, '',
        criteriaOf(this.leagueSeason.league.id, this.leagueSeason.season));
      winners.push(this.catalog.team(table[0].team.id));
      runnersUp.push(this.catalog.team(table[1].team.id));
    }
    // Winners play the second leg at home against a runner-up from another group.
    const r16: [Team, Team][] = winners.map((w, g) => [runnersUp[g % 2 === 0 ? g + 1 : g - 1], w]);
    const forced = this.rng.shuffle(Array.from({ length: 15 }, (_, i) => i)).slice(0, 2);
    const force = (decider: number): KnockoutRule['force'] => (decider === forced[0] ? 'AET' : decider === forced[1] ? 'PEN' : undefined);

    const quarter = this.playTies('Round of 16', this.rng.shuffle(r16), ['2024-02-13', '2024-02-14', '2024-02-20', '2024-02-21'], ['2024-03-05', '2024-03-06', '2024-03-12', '2024-03-13'], groupEnd, force, 0);
    const semi = this.playTies('Quarter-finals', pairUp(this.rng.shuffle(quarter)), ['2024-04-09', '2024-04-10'], ['2024-04-16', '2024-04-17'], this.lastKickoff(), force, 8);
    const final = this.playTies('Semi-finals', pairUp(this.rng.shuffle(semi)), ['2024-04-30', '2024-05-01'], ['2024-05-07', '2024-05-08'], this.lastKickoff(), force, 12);
    const [home, away] = this.rng.shuffle(final);
    this.addMatch({
      round: 'Final', group: null, listedFrom: this.lastKickoff() + 86_400, home, away, neutral: true,
      kickoff: unixOfLocal('2024-06-01', '21:00', 'Europe/Paris'), knockout: { aggregate: null, force: force(14) },
    }, 'played');
    return {
      groups,
      rounds: [...matchdays.map((_, md) => `Group Stage - ${md + 1}`), 'Round of 16', 'Quarter-finals', 'Semi-finals', 'Final'],
    };
  }

  /** Pots by strength, one club of each pot per group, no two clubs of one country together. */
  private drawGroups(): { name: string; teamIds: number[] }[] {
    const teams = this.leagueSeason.teamIds.map((id) => this.catalog.team(id)).sort((a, b) => b.strength - a.strength || a.id - b.id);
    const groups = 'ABCDEFGH'.split('').map((letter) => ({ name: `Group ${letter}`, teams: [] as Team[] }));
    for (let pot = 0; pot < 4; pot++) {
      for (const team of this.rng.shuffle(teams.slice(pot * 8, pot * 8 + 8))) {
        const open = groups.filter((g) => g.teams.length === pot);
        const apart = open.filter((g) => !g.teams.some((t) => t.country === team.country));
        this.rng.pick(apart.length > 0 ? apart : open).teams.push(team);
      }
    }
    return groups.map((g) => ({ name: g.name, teamIds: g.teams.map((t) => t.id) }));
  }

  /**
   * Two-legged ties, first legs on `firstDays` and second legs on `secondDays` (two a day); the
   * first-named club hosts the first leg. Returns the winners, in tie order.
   */
  private playTies(
    round: string, ties: [Team, Team][], firstDays: string[], secondDays: string[], previousEnd: number,
    force: (decider: number) => KnockoutRule['force'], firstDecider: number,
  ): Team[] {
    const perDay = ties.length / firstDays.length;
    const listedFrom = previousEnd + 4 * 86_400;
    const winners: Team[] = [];
    const firstLegs = ties.map(([a, b], i) => this.addMatch({
      round, group: null, listedFrom, home: a, away: b, knockout: null,
      kickoff: unixOfLocal(firstDays[Math.floor(i / perDay)], '21:00', 'Europe/Paris'),
    }, 'played'));
    ties.forEach(([a, b], i) => {
      const first = firstLegs[i].played as PlayedMatch;
      const second = this.addMatch({
        round, group: null, listedFrom, home: b, away: a,
        kickoff: unixOfLocal(secondDays[Math.floor(i / perDay)], '21:00', 'Europe/Paris'),
        knockout: { aggregate: { home: first.goals.away, away: first.goals.home }, force: force(firstDecider + i) },
      }, 'played').played as PlayedMatch;
      const forB = first.goals.away + second.goals.home;
      const forA = first.goals.home + second.goals.away;
      const bWins = second.status === 'PEN' ? second.winner.home === true : forB > forA;
      winners.push(bWins ? b : a);
    });
    return winners;
  }

  private lastKickoff(): number {
    return Math.max(...this.matches.map((m) => m.kickoff));
  }

  private results(group: string): ResultLine[] {
    return this.matches.filter((m) => m.group === group).map((m) => ({
      home: m.home.id, away: m.away.id, timestamp: m.kickoff,
      goals: (m.awarded ?? m.played?.goals) as Side<number>,
    }));
  }

  // ---- matches -----------------------------------------------------------------------------

  private planInjuries(plans: Planned[]): void {
    for (let i = 0; i < INJURIES_PER_SEASON; i++) {
      const plan = this.rng.pick(plans);
      const team = this.rng.chance(0.5) ? plan.home : plan.away;
      const player = this.rng.pick(this.squadOf(team.id).filter((p) => p.pos !== 'G'));
      if (this.plannedInjuries.some((inj) => inj.player === player && inj.plan === plan)) continue;
      const missing = this.rng.chance(0.7);
      const reasons = missing ? INJURY_REASONS : INJURY_REASONS.filter((r) => r.endsWith('Injury') || r === 'Illness');
      this.plannedInjuries.push({ plan, player, team, type: missing ? 'Missing Fixture' : 'Questionable', reason: this.rng.pick(reasons) });
    }
  }

  private addMatch(plan: Planned, outcome: Match['outcome']): Match {
    const id = this.nextId++;
    const venue = plan.neutral === true ? FINAL_VENUE : this.catalog.venue(plan.home.venueId);
    const injured = this.plannedInjuries.filter((inj) => inj.plan === plan);
    const unavailable = (team: Team) => new Set(injured.filter((inj) => inj.team === team && inj.type === 'Missing Fixture').map((inj) => inj.player.id));
    const awardedTo = outcome === 'AWD' ? (this.rng.chance(0.5) ? 'home' : 'away') : null;
    const match: Match = {
      id, leagueSeason: this.leagueSeason, round: plan.round, group: plan.group, kickoff: plan.kickoff, listedFrom: plan.listedFrom,
      home: plan.home, away: plan.away, venue: { id: venue.id, name: venue.name, city: venue.city },
      referee: this.rng.pick(this.referees), outcome,
      played: outcome !== 'played' ? null : simulateMatch({
        seed: this.seed, fixtureId: id, kickoff: plan.kickoff, knockout: plan.knockout,
        home: { team: plan.home, squad: this.squadOf(plan.home.id), unavailable: unavailable(plan.home) },
        away: { team: plan.away, squad: this.squadOf(plan.away.id), unavailable: unavailable(plan.away) },
      }),
      awarded: awardedTo === null ? null : { home: awardedTo === 'home' ? 3 : 0, away: awardedTo === 'away' ? 3 : 0 },
    };
    for (const { plan: _, ...injury } of injured) this.injuries.push({ ...injury, match });
    this.matches.push(match);
    return match;
  }
}

function pairUp(teams: Team[]): [Team, Team][] {
  const pairs: [Team, Team][] = [];
  for (let i = 0; i < teams.length; i += 2) pairs.push([teams[i], teams[i + 1]]);
  return pairs;
}
