/**
 * One simulated match, rendered as the real API renders a finished fixture: the score, the events,
 * both lineups, the team statistics and the player statistics, all consistent with one another:
 * goals are the goal events (SPEC §7.11), card counts are the card events, player figures add up to
 * the team figures, minutes follow the substitutions.
 */
import { teamLogo, type Team } from './catalog';
import { CARD_COMMENTS, RED_CARD_COMMENTS } from './names';
import { distribute, Rng } from './random';
import type { Player, Pos } from './squad';
import { isoDateTime } from './time';
import type {
  EventItem, FixtureDetails, FixturePlayerStats, FixturePlayersItem, LineupItem, LineupPlayer, Score, Side, StatisticItem,
} from './types';

export type SideName = 'home' | 'away';
const SIDES: SideName[] = ['home', 'away'];
const other = (side: SideName): SideName => (side === 'home' ? 'away' : 'home');

export interface SideInput {
  team: Team;
  squad: Player[];
  /** Players ruled out (a "Missing Fixture" injury). */
  unavailable: ReadonlySet<number>;
}

/** Present when the match must produce a winner (second legs, finals). */
export interface KnockoutRule {
  /** Goals of the earlier leg, credited to this match's home and away sides; null for a single match. */
  aggregate: Side<number> | null;
  /** Steers the match into extra time and decides how it ends, so a season surely shows both. */
  force?: 'AET' | 'PEN';
}

export interface MatchInput {
  seed: number;
  fixtureId: number;
  kickoff: number;
  home: SideInput;
  away: SideInput;
  knockout: KnockoutRule | null;
}

export interface PlayedMatch {
  status: 'FT' | 'AET' | 'PEN';
  elapsed: number;
  extra: number | null;
  goals: Side<number>;
  score: { halftime: Score; fulltime: Score; extratime: Score; penalty: Score };
  winner: Side<boolean | null>;
  details: FixtureDetails;
}

const FORMATIONS = ['4-3-3', '4-2-3-1', '4-4-2', '3-5-2', '3-4-3', '4-1-4-1', '5-3-2'];

interface Participant {
  player: Player;
  side: SideName;
  starter: boolean;
  grid: string | null;
  /** Minute he came on (0 for starters), null if he never did. */
  on: number | null;
  /** Minute he went off (substituted or sent off), null if he finished the match. */
  off: number | null;
}

interface Event {
  side: SideName;
  elapsed: number;
  extra: number | null;
  type: EventItem['type'];
  detail: string;
  player: Player;
  assist: Player | null;
  comments: string | null;
  ownGoal?: boolean;
  shootout?: boolean;
}

interface Lineup {
  formation: string;
  starters: Participant[];
  bench: Participant[];
}

/** Simulates the match described by `input`; the same input always gives the same match. */
export function simulateMatch(input: MatchInput): PlayedMatch {
  return new Simulation(input).run();
}

class Simulation {
  private readonly rng: Rng;
  private readonly lineups: Side<Lineup>;
  private readonly events: Event[] = [];
  /** Added minutes of the first half, the second half and extra time. */
  private readonly stoppage: { first: number; second: number; extra: number };
  private end = 90;

  constructor(private readonly input: MatchInput) {
    this.rng = Rng.of(input.seed, 'match', input.fixtureId);
    this.lineups = { home: this.pickLineup('home'), away: this.pickLineup('away') };
    this.stoppage = { first: this.rng.int(1, 5), second: this.rng.int(3, 9), extra: this.rng.int(0, 3) };
  }

  run(): PlayedMatch {
    const regular = this.regularScore();
    for (const side of SIDES) this.planSubstitutions(side, 1, 89, this.rng.weightedIndex([2, 5, 10, 25, 30, 28]));
    for (const side of SIDES) if (this.rng.chance(0.05)) this.sendOff(side, this.rng.int(20, 89));
    for (const side of SIDES) {
      for (let i = 0; i < regular[side]; i++) this.addGoal(side, this.regularMinute());
      for (let i = this.rng.poisson(1.8); i > 0; i--) this.addCard(side, this.regularMinute());
      if (this.rng.chance(0.03)) this.addMissedPenalty(side, this.regularMinute());
    }
    if (this.rng.chance(0.06)) this.addCancelledGoal(this.rng.pick(SIDES), this.regularMinute());

    const knockout = this.input.knockout;
    let extraTime: Side<number> | null = null;
    let shootout: Side<number> | null = null;
    if (knockout !== null && this.levelAfter(regular, knockout)) {
      this.end = 120;
      extraTime = this.extraTimeScore(knockout);
      for (const side of SIDES) {
        if (this.rng.chance(0.6)) this.planSubstitutions(side, 91, 118, 1);
        for (let i = 0; i < extraTime[side]; i++) this.addGoal(side, this.extraTimeMinute());
        for (let i = this.rng.poisson(0.4); i > 0; i--) this.addCard(side, this.extraTimeMinute());
      }
      const total = { home: regular.home + extraTime.home, away: regular.away + extraTime.away };
      if (this.levelAfter(total, knockout)) shootout = this.shootout();
    }
    return this.result(regular, extraTime, shootout);
  }

  // ---- lineups -------------------------------------------------------------------------------

  private pickLineup(side: SideName): Lineup {
    const { team, squad, unavailable } = this.input[side];
    const preferred = FORMATIONS[team.id % FORMATIONS.length];
    const formation = this.rng.chance(0.75) ? preferred : this.rng.pick(FORMATIONS);
    const rows = formation.split('-').map(Number);
    const need: Record<Pos, number> = { G: 1, D: rows[0], M: rows.slice(1, -1).reduce((a, b) => a + b, 0), F: rows[rows.length - 1] };
    let pool = squad.filter((p) => !unavailable.has(p.id));
    const chosen: Record<Pos, Player[]> = { G: [], D: [], M: [], F: [] };
    for (const pos of ['G', 'D', 'M', 'F'] as Pos[]) {
      for (let i = 0; i < need[pos]; i++) {
        const candidates = pool.filter((p) => p.pos === pos);
        // A club short of a position fills it with the best outfield player left.
        const from = candidates.length > 0 ? candidates : pool.filter((p) => p.pos !== 'G');
        const player = from[this.rng.weightedIndex(from.map((p) => p.quality ** 6))];
        chosen[pos].push(player);
        pool = pool.filter((p) => p !== player);
      }
    }
    const starters: Participant[] = [];
    const place = (player: Player, row: number, col: number) =>
      starters.push({ player, side, starter: true, grid: `${row}:${col}`, on: 0, off: null });
    place(chosen.G[0], 1, 1);
    const outfield = [...chosen.D, ...chosen.M, ...chosen.F];
    let next = 0;
    rows.forEach((count, r) => {
      // The API lists each row right to left: "2:4", "2:3", "2:2", "2:1".
      const row = outfield.slice(next, next + count);
      next += count;
      row.forEach((player, c) => place(player, r + 2, count - c));
    });

    const benchSize = this.rng.int(7, 9);
    const keepers = pool.filter((p) => p.pos === 'G').sort((a, b) => b.quality - a.quality);
    const bench: Participant[] = [];
    const sit = (player: Player) => bench.push({ player, side, starter: false, grid: null, on: null, off: null });
    if (keepers.length > 0) sit(keepers[0]);
    let rest = pool.filter((p) => p.pos !== 'G');
    while (bench.length < benchSize && rest.length > 0) {
      const player = rest[this.rng.weightedIndex(rest.map((p) => p.quality ** 3))];
      sit(player);
      rest = rest.filter((p) => p !== player);
    }
    return { formation, starters, bench };
  }

  private participants(side: SideName): Participant[] {
    return [...this.lineups[side].starters, ...this.lineups[side].bench];
  }

  private onPitch(side: SideName, minute: number): Participant[] {
    return this.participants(side).filter((p) => p.on !== null && p.on <= minute && (p.off === null || p.off > minute));
  }

  private choose(candidates: Participant[], weight: (p: Participant) => number): Participant | undefined {
    const weights = candidates.map(weight);
    if (!weights.some((w) => w > 0)) return undefined;
    return candidates[this.rng.weightedIndex(weights)];
  }

  // ---- timeline ------------------------------------------------------------------------------

  private regularMinute(): { elapsed: number; extra: number | null } {
    const roll = this.rng.next();
    if (roll < 0.05) return { elapsed: 45, extra: this.rng.int(1, this.stoppage.first) };
    if (roll < 0.12) return { elapsed: 90, extra: this.rng.int(1, this.stoppage.second) };
    return { elapsed: this.rng.int(1, 90), extra: null };
  }

  private extraTimeMinute(): { elapsed: number; extra: number | null } {
    if (this.stoppage.extra > 0 && this.rng.chance(0.1)) return { elapsed: 120, extra: this.rng.int(1, this.stoppage.extra) };
    return { elapsed: this.rng.int(91, 120), extra: null };
  }

  private planSubstitutions(side: SideName, from: number, to: number, count: number): void {
    const minutes: number[] = [];
    for (let i = 0; i < count; i++) {
      const previous = minutes[minutes.length - 1];
      // Managers often change two players at once; a few changes are forced before the break.
      if (previous !== undefined && this.rng.chance(0.4)) minutes.push(previous);
      else minutes.push(from === 1 ? (this.rng.chance(0.08) ? this.rng.int(15, 44) : this.rng.int(46, to)) : this.rng.int(from, to));
    }
    minutes.sort((a, b) => a - b);
    for (const minute of minutes) {
      const out = this.choose(this.onPitch(side, minute).filter((p) => p.starter && p.player.pos !== 'G'),
        (p) => ({ G: 0, D: 0.6, M: 1, F: 1.4 })[p.player.pos] / p.player.quality);
      const bench = this.lineups[side].bench.filter((p) => p.on === null && p.player.pos !== 'G');
      if (out === undefined || bench.length === 0) return;
      const same = bench.filter((p) => p.player.pos === out.player.pos);
      const into = this.choose(same.length > 0 ? same : bench, (p) => p.player.quality);
      if (into === undefined) return;
      out.off = minute;
      into.on = minute;
      this.events.push({ side, elapsed: minute, extra: null, type: 'subst', detail: '', player: out.player, assist: into.player, comments: null });
    }
  }

  private sendOff(side: SideName, minute: number): void {
    const culprit = this.choose(this.onPitch(side, minute).filter((p) => p.player.pos !== 'G'), (p) => (p.player.pos === 'D' ? 2 : 1));
    if (culprit === undefined) return;
    // A player sent off is not substituted later: that change never happens.
    const later = this.events.findIndex((e) => e.type === 'subst' && e.player === culprit.player);
    if (later >= 0) {
      const into = this.participants(side).find((p) => p.player === this.events[later].assist);
      if (into !== undefined) into.on = null;
      this.events.splice(later, 1);
    }
    culprit.off = minute;
    this.events.push({ side, elapsed: minute, extra: null, type: 'Card', detail: 'Red Card', player: culprit.player, assist: null, comments: this.rng.pick(RED_CARD_COMMENTS) });
  }

  private addGoal(side: SideName, time: { elapsed: number; extra: number | null }): void {
    const roll = this.rng.next();
    if (roll < 0.04) {
      const culprit = this.choose(this.onPitch(other(side), time.elapsed), (p) => ({ G: 0.5, D: 3, M: 1, F: 0.3 })[p.player.pos]);
      if (culprit !== undefined) {
        this.events.push({ side, ...time, type: 'Goal', detail: 'Own Goal', player: culprit.player, assist: null, comments: null, ownGoal: true });
        return;
      }
    }
    const onPitch = this.onPitch(side, time.elapsed);
    const scorer = this.choose(onPitch, (p) => ({ G: 0, D: 1, M: 2.5, F: 6 })[p.player.pos] * p.player.quality);
    if (scorer === undefined) throw new Error(`fixture ${this.input.fixtureId}: nobody on the pitch to score`);
    const penalty = roll < 0.13;
    const assist = penalty || !this.rng.chance(0.72)
      ? undefined
      : this.choose(onPitch.filter((p) => p !== scorer), (p) => ({ G: 0.1, D: 1.2, M: 3, F: 2 })[p.player.pos]);
    this.events.push({ side, ...time, type: 'Goal', detail: penalty ? 'Penalty' : 'Normal Goal', player: scorer.player, assist: assist?.player ?? null, comments: null });
  }

  private addCard(side: SideName, time: { elapsed: number; extra: number | null }): void {
    const booked = new Set(this.events.filter((e) => e.type === 'Card' && e.side === side).map((e) => e.player));
    const player = this.choose(this.onPitch(side, time.elapsed).filter((p) => !booked.has(p.player)), (p) => (p.player.pos === 'G' ? 0.1 : p.player.pos === 'D' ? 1.5 : 1));
    if (player === undefined) return;
    this.events.push({ side, ...time, type: 'Card', detail: 'Yellow Card', player: player.player, assist: null, comments: this.rng.pick(CARD_COMMENTS) });
  }

  private addMissedPenalty(side: SideName, time: { elapsed: number; extra: number | null }): void {
    const taker = this.choose(this.onPitch(side, time.elapsed), (p) => ({ G: 0, D: 0.5, M: 2, F: 4 })[p.player.pos]);
    if (taker === undefined) return;
    this.events.push({ side, ...time, type: 'Goal', detail: 'Missed Penalty', player: taker.player, assist: null, comments: null });
  }

  private addCancelledGoal(side: SideName, time: { elapsed: number; extra: number | null }): void {
    const player = this.choose(this.onPitch(side, time.elapsed), (p) => ({ G: 0, D: 1, M: 2, F: 5 })[p.player.pos]);
    if (player === undefined) return;
    this.events.push({ side, ...time, type: 'Var', detail: 'Goal cancelled', player: player.player, assist: null, comments: null });
  }

  // ---- scores --------------------------------------------------------------------------------

  private regularScore(): Side<number> {
    const home = this.input.home.team.strength;
    const away = this.input.away.team.strength;
    const score = { home: this.rng.poisson(1.5 * (home / away) ** 1.2), away: this.rng.poisson(1.15 * (away / home) ** 1.2) };
    const knockout = this.input.knockout;
    if (knockout?.force === undefined) return score;
    // Forced ties: the score after 90 minutes levels the tie.
    const before = knockout.aggregate ?? { home: 0, away: 0 };
    const homeGoals = this.rng.int(0, 2);
    const awayGoals = before.home + homeGoals - before.away;
    return awayGoals >= 0 ? { home: homeGoals, away: awayGoals } : { home: homeGoals - awayGoals, away: 0 };
  }

  private levelAfter(score: Side<number>, knockout: KnockoutRule): boolean {
    const before = knockout.aggregate ?? { home: 0, away: 0 };
    return before.home + score.home === before.away + score.away;
  }

  private extraTimeScore(knockout: KnockoutRule): Side<number> {
    if (knockout.force === 'PEN') {
      const each = this.rng.chance(0.2) ? 1 : 0;
      return { home: each, away: each };
    }
    const score = { home: this.rng.poisson(0.35), away: this.rng.poisson(0.3) };
    if (knockout.force === 'AET' && score.home === score.away) score[this.rng.pick(SIDES)] += 1;
    return score;
  }

  private shootout(): Side<number> {
    const order = (side: SideName) => this.onPitch(side, 120)
      .sort((a, b) => ({ F: 0, M: 1, D: 2, G: 3 })[a.player.pos] - ({ F: 0, M: 1, D: 2, G: 3 })[b.player.pos] || b.player.quality - a.player.quality);
    const takers = { home: order('home'), away: order('away') };
    const scored = { home: 0, away: 0 };
    const taken = { home: 0, away: 0 };
    const first = this.rng.pick(SIDES);
    const kicks: Event[] = [];
    const decided = () => {
      if (taken.home <= 5 && taken.away <= 5) {
        if (scored.home + (5 - taken.home) < scored.away || scored.away + (5 - taken.away) < scored.home) return true;
        if (taken.home < 5 || taken.away < 5) return false;
      }
      return taken.home === taken.away && scored.home !== scored.away;
    };
    for (let kick = 0; !decided(); kick++) {
      const side = kick % 2 === 0 ? first : other(first);
      const taker = takers[side][taken[side] % takers[side].length];
      const goal = this.rng.chance(0.76);
      taken[side]++;
      if (goal) scored[side]++;
      kicks.push({ side, elapsed: 120, extra: kick + 1, type: 'Goal', detail: goal ? 'Penalty' : 'Missed Penalty', player: taker.player, assist: null, comments: 'Penalty Shootout', shootout: true });
    }
    // The real API lists the shoot-out last, latest kick first (SPEC samples, fixture 1149519).
    this.events.push(...kicks.reverse());
    return scored;
  }

  // ---- rendering -----------------------------------------------------------------------------

  private result(regular: Side<number>, extraTime: Side<number> | null, shootout: Side<number> | null): PlayedMatch {
    const inPlay = this.events.filter((e) => !e.shootout);
    const timeline = inPlay.sort((a, b) => a.elapsed - b.elapsed || (a.extra ?? 0) - (b.extra ?? 0));
    const counted = (side: SideName, upTo: number) =>
      timeline.filter((e) => e.side === side && e.type === 'Goal' && e.detail !== 'Missed Penalty' && e.elapsed <= upTo).length;
    const goals = { home: counted('home', 120), away: counted('away', 120) };
    if (goals.home !== regular.home + (extraTime?.home ?? 0) || goals.away !== regular.away + (extraTime?.away ?? 0)) {
      throw new Error(`fixture ${this.input.fixtureId}: goal events do not match the score`);
    }
    const subs = { home: 0, away: 0 };
    for (const event of timeline) if (event.type === 'subst') event.detail = `Substitution ${++subs[event.side]}`;
    const events = [...timeline, ...this.events.filter((e) => e.shootout)];

    const winnerSide: SideName | null = shootout !== null
      ? (shootout.home > shootout.away ? 'home' : 'away')
      : goals.home === goals.away ? null : goals.home > goals.away ? 'home' : 'away';
    const gap = this.input.home.team.strength - this.input.away.team.strength;
    const homePossession = Math.min(72, Math.max(28, Math.round(50 + 20 * gap + this.rng.int(-8, 8))));
    const statistics = { home: this.teamStatistics('home', events, homePossession), away: this.teamStatistics('away', events, 100 - homePossession) };
    for (const side of SIDES) {
      const theirs = statistics[other(side)];
      statistics[side].saves = Math.max(0, theirs.onGoal - theirs.fromShots);
      statistics[side].prevented = Math.round(theirs.xg - theirs.fromShots);
    }
    return {
      status: shootout !== null ? 'PEN' : extraTime !== null ? 'AET' : 'FT',
      elapsed: this.end,
      extra: this.end === 90 ? this.stoppage.second : this.stoppage.extra || null,
      goals,
      score: {
        halftime: { home: counted('home', 45), away: counted('away', 45) },
        fulltime: { home: regular.home, away: regular.away },
        // Extra time holds the goals of extra time only: goals = fulltime + extratime.
        extratime: extraTime ?? { home: null, away: null },
        penalty: shootout ?? { home: null, away: null },
      },
      winner: { home: winnerSide === null ? null : winnerSide === 'home', away: winnerSide === null ? null : winnerSide === 'away' },
      details: {
        events: events.map((e) => this.eventItem(e)),
        lineups: SIDES.map((side) => this.lineupItem(side)),
        statistics: SIDES.map((side) => ({ team: teamLogo(this.input[side].team), statistics: statisticList(statistics[side]) })),
        players: SIDES.map((side) => this.playersItem(side, events, statistics, winnerSide)),
      },
    };
  }

  private eventItem(e: Event): EventItem {
    return {
      time: { elapsed: e.elapsed, extra: e.extra },
      team: teamLogo(this.input[e.side].team),
      player: { id: e.player.id, name: e.player.name },
      assist: { id: e.assist?.id ?? null, name: e.assist?.name ?? null },
      type: e.type, detail: e.detail, comments: e.comments,
    };
  }

  private lineupItem(side: SideName): LineupItem {
    const team = this.input[side].team;
    const entry = (p: Participant): LineupPlayer => ({ player: { id: p.player.id, name: p.player.name, number: p.player.number, pos: p.player.pos, grid: p.grid } });
    return {
      team: { ...teamLogo(team), colors: team.colors },
      coach: team.coach,
      formation: this.lineups[side].formation,
      startXI: this.lineups[side].starters.map(entry),
      substitutes: this.lineups[side].bench.map(entry),
    };
  }

  private teamStatistics(side: SideName, events: Event[], possession: number): TeamFigures {
    const rng = this.rng;
    const strength = this.input[side].team.strength / this.input[other(side)].team.strength;
    const fromShots = events.filter((e) => e.side === side && e.type === 'Goal' && !e.shootout && !e.ownGoal && e.detail !== 'Missed Penalty').length;
    const missedPenalties = events.filter((e) => e.side === side && e.detail === 'Missed Penalty' && !e.shootout).length;
    const onGoal = fromShots + missedPenalties + rng.poisson(2.6 * strength);
    const offGoal = rng.poisson(3.8 * strength);
    const blocked = rng.poisson(2.8 * strength);
    const total = onGoal + offGoal + blocked;
    const inside = Math.round(total * (0.55 + rng.next() * 0.2));
    const passes = Math.max(180, Math.round(possession * 9.5 + rng.int(-40, 40)));
    const rate = Math.min(0.92, Math.max(0.65, 0.76 + (possession - 50) * 0.005 + (rng.next() - 0.5) * 0.06));
    const accurate = Math.round(passes * rate);
    return {
      onGoal, offGoal, blocked, total, inside, outside: total - inside, fromShots,
      fouls: rng.poisson(10.5), corners: rng.poisson(4.8 * strength), offsides: rng.poisson(1.8),
      possession, passes, accurate,
      yellow: events.filter((e) => e.side === side && e.detail === 'Yellow Card').length,
      red: events.filter((e) => e.side === side && e.detail === 'Red Card').length,
      xg: Math.max(0.05, fromShots * 0.55 + onGoal * 0.12 + offGoal * 0.04 + rng.next() * 0.4),
      saves: 0,
      prevented: 0,
    };
  }

  private playersItem(side: SideName, events: Event[], figures: Side<TeamFigures>, winner: SideName | null): FixturePlayersItem {
    const rng = this.rng;
    const team = this.input[side].team;
    const mine = figures[side];
    const theirs = figures[other(side)];
    const everyone = this.participants(side);
    const minutes = everyone.map((p) => (p.on === null ? 0 : Math.max(1, (p.off ?? this.end) - p.on)));
    const played = (i: number) => minutes[i] > 0;
    // Jittered, so that two players with the same role and minutes rarely get identical figures.
    const weights = (w: Record<Pos, number>) => everyone.map((p, i) => (played(i) ? w[p.player.pos] * (minutes[i] / this.end) * (0.5 + rng.next()) : 0));
    const tally = (pred: (e: Event) => boolean) => everyone.map((p) => events.filter((e) => e.player === p.player && !e.shootout && pred(e)).length);

    const scored = tally((e) => e.side === side && e.type === 'Goal' && !e.ownGoal && e.detail !== 'Missed Penalty');
    const assists = everyone.map((p) => events.filter((e) => e.assist === p.player && e.type === 'Goal').length);
    const penaltiesScored = tally((e) => e.detail === 'Penalty');
    const penaltiesMissed = tally((e) => e.detail === 'Missed Penalty');
    const yellow = tally((e) => e.detail === 'Yellow Card');
    const red = tally((e) => e.detail === 'Red Card');
    const shotWeights = weights({ G: 0, D: 0.6, M: 1.6, F: 3 });
    const extraOn = distribute(mine.onGoal - mine.fromShots, shotWeights);
    const onTarget = scored.map((g, i) => g + extraOn[i]);
    const offTarget = distribute(mine.offGoal + mine.blocked, shotWeights);
    const passes = distribute(mine.passes, weights({ G: 0.5, D: 1.15, M: 1.3, F: 0.75 }));
    const accurate = distribute(mine.accurate, passes, passes);
    const fouls = distribute(mine.fouls, weights({ G: 0.1, D: 1.3, M: 1.2, F: 1 }));
    const drawn = distribute(theirs.fouls, weights({ G: 0.1, D: 0.7, M: 1.2, F: 1.4 }));
    const offsides = distribute(mine.offsides, weights({ G: 0, D: 0.1, M: 1, F: 3 }));
    const keeperWeights = everyone.map((p, i) => (p.player.pos === 'G' ? minutes[i] : 0));
    const saves = distribute(mine.saves, keeperWeights);
    const theirGoals = events.filter((e) => e.side !== side && e.type === 'Goal' && !e.shootout && e.detail !== 'Missed Penalty');
    const theirMisses = events.filter((e) => e.side !== side && e.detail === 'Missed Penalty' && !e.shootout);
    const whileOn = (p: Participant, list: Event[]) => list.filter((e) => p.on !== null && e.elapsed >= p.on && (p.off === null || e.elapsed < p.off)).length;
    const starters = this.lineups[side].starters;
    const captain = [...starters].filter((p) => p.player.pos !== 'G').sort((a, b) => b.player.quality - a.player.quality || a.player.id - b.player.id)[0];
    const resultBonus = winner === null ? 0 : winner === side ? 0.3 : -0.3;
    const nz = (n: number) => (n === 0 ? null : n);

    return {
      team: { ...teamLogo(team), update: isoDateTime(this.input.kickoff + 30 * 3600 + rng.int(0, 3600)) },
      players: everyone.map((p, i) => {
        const pos = p.player.pos;
        const keeper = pos === 'G';
        const base: FixturePlayerStats = {
          games: { minutes: null, number: p.player.number, position: pos, rating: null, captain: p === captain, substitute: !p.starter },
          offsides: null, shots: { total: null, on: null },
          goals: { total: null, conceded: 0, assists: null, saves: null },
          passes: { total: null, key: null, accuracy: null },
          tackles: { total: null, blocks: null, interceptions: null },
          duels: { total: null, won: null }, dribbles: { attempts: null, success: null, past: null },
          fouls: { drawn: null, committed: null }, cards: { yellow: 0, red: 0 },
          penalty: { won: null, commited: null, scored: 0, missed: 0, saved: keeper ? 0 : null },
        };
        if (played(i)) {
          const share = minutes[i] / 90;
          const duels = rng.poisson((keeper ? 1 : 9) * share);
          const attempts = keeper ? 0 : rng.poisson((pos === 'D' ? 0.5 : 1.6) * share);
          const rating = 6.6 + (p.player.quality - 1) * 0.8 + scored[i] * 0.8 + assists[i] * 0.4 - red[i] * 1.5 + resultBonus + (rng.next() - 0.5) * 1.1;
          Object.assign(base, {
            games: { ...base.games, minutes: minutes[i], rating: formatRating(Math.min(9.9, Math.max(4.5, rating))) },
            offsides: nz(offsides[i]),
            shots: { total: nz(onTarget[i] + offTarget[i]), on: nz(onTarget[i]) },
            goals: { total: nz(scored[i]), conceded: keeper ? whileOn(p, theirGoals) : 0, assists: nz(assists[i]), saves: keeper ? nz(saves[i]) : null },
            passes: { total: nz(passes[i]), key: nz(assists[i] + rng.poisson(({ G: 0, D: 0.4, M: 1.2, F: 0.9 })[pos] * share)), accuracy: passes[i] === 0 ? null : String(accurate[i]) },
            tackles: { total: nz(rng.poisson((keeper ? 0.1 : pos === 'F' ? 0.6 : 1.8) * share)), blocks: nz(rng.poisson((pos === 'D' ? 0.8 : 0.2) * share)), interceptions: nz(rng.poisson((pos === 'D' ? 1.2 : 0.5) * share)) },
            duels: { total: nz(duels), won: nz(rng.int(0, duels)) },
            dribbles: { attempts: nz(attempts), success: nz(rng.int(0, attempts)), past: nz(rng.poisson((pos === 'D' ? 0.8 : 0.3) * share)) },
            fouls: { drawn: nz(drawn[i]), committed: nz(fouls[i]) },
            penalty: { ...base.penalty, saved: keeper ? whileOn(p, theirMisses) : null },
          });
        }
        base.cards = { yellow: yellow[i], red: red[i] };
        base.penalty.scored = penaltiesScored[i];
        base.penalty.missed = penaltiesMissed[i];
        return { player: { id: p.player.id, name: p.player.fullName, photo: p.player.photo }, statistics: [base] as [FixturePlayerStats] };
      }),
    };
  }
}

interface TeamFigures {
  onGoal: number;
  offGoal: number;
  blocked: number;
  total: number;
  inside: number;
  outside: number;
  /** Goals the team scored from its own shots (not own goals of the other side). */
  fromShots: number;
  fouls: number;
  corners: number;
  offsides: number;
  possession: number;
  passes: number;
  accurate: number;
  yellow: number;
  red: number;
  xg: number;
  saves: number;
  prevented: number;
}

/** The real API sends most zero counts as null (`"Red Cards": null`). */
function statisticList(f: TeamFigures): StatisticItem['statistics'] {
  const count = (n: number) => (n === 0 ? null : n);
  return [
    { type: 'Shots on Goal', value: count(f.onGoal) },
    { type: 'Shots off Goal', value: count(f.offGoal) },
    { type: 'Total Shots', value: count(f.total) },
    { type: 'Blocked Shots', value: count(f.blocked) },
    { type: 'Shots insidebox', value: count(f.inside) },
    { type: 'Shots outsidebox', value: count(f.outside) },
    { type: 'Fouls', value: count(f.fouls) },
    { type: 'Corner Kicks', value: count(f.corners) },
    { type: 'Offsides', value: count(f.offsides) },
    { type: 'Ball Possession', value: `${f.possession}%` },
    { type: 'Yellow Cards', value: count(f.yellow) },
    { type: 'Red Cards', value: count(f.red) },
    { type: 'Goalkeeper Saves', value: count(f.saves) },
    { type: 'Total passes', value: f.passes },
    { type: 'Passes accurate', value: f.accurate },
    { type: 'Passes %', value: `${Math.round((f.accurate / f.passes) * 100)}%` },
    { type: 'expected_goals', value: f.xg.toFixed(2) },
    { type: 'goals_prevented', value: f.prevented },
  ];
}

/** Ratings travel as strings with one decimal, and without a trailing ".0" ("7.3", "8"). */
function formatRating(value: number): string {
  return value.toFixed(1).replace(/\.0$/, '');
}
