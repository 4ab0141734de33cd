/**
 * `/players` season statistics: for every squad player of every club in a league-season, the sums
 * of his fixture statistics over the fixtures played as of `asOf`, so the two endpoints agree.
 */
import { teamLogo, type Catalog } from './catalog';
import type { Competition } from './competition';
import type { Player } from './squad';
import type { FixturePlayerStats, PlayerSeasonStats } from './types';
import { fixtureDetails } from './views';

interface Totals {
  appearances: number;
  lineups: number;
  minutes: number;
  ratings: number[];
  captain: boolean;
  subIn: number;
  subOut: number;
  bench: number;
  counts: Record<string, number>;
}

const COUNTED = [
  'shots.total', 'shots.on', 'goals.total', 'goals.conceded', 'goals.assists', 'goals.saves', 'passes.total', 'passes.key',
  'passes.accurate', 'tackles.total', 'tackles.blocks', 'tackles.interceptions', 'duels.total', 'duels.won', 'dribbles.attempts',
  'dribbles.success', 'dribbles.past', 'fouls.drawn', 'fouls.committed', 'cards.yellow', 'cards.red', 'penalty.scored',
  'penalty.missed', 'penalty.saved',
] as const;

function countsOf(s: FixturePlayerStats): Record<(typeof COUNTED)[number], number | null> {
  return {
    'shots.total': s.shots.total, 'shots.on': s.shots.on, 'goals.total': s.goals.total, 'goals.conceded': s.goals.conceded,
    'goals.assists': s.goals.assists, 'goals.saves': s.goals.saves, 'passes.total': s.passes.total, 'passes.key': s.passes.key,
    'passes.accurate': s.passes.accuracy === null ? null : Number(s.passes.accuracy), 'tackles.total': s.tackles.total,
    'tackles.blocks': s.tackles.blocks, 'tackles.interceptions': s.tackles.interceptions, 'duels.total': s.duels.total,
    'duels.won': s.duels.won, 'dribbles.attempts': s.dribbles.attempts, 'dribbles.success': s.dribbles.success,
    'dribbles.past': s.dribbles.past, 'fouls.drawn': s.fouls.drawn, 'fouls.committed': s.fouls.committed,
    'cards.yellow': s.cards.yellow, 'cards.red': s.cards.red, 'penalty.scored': s.penalty.scored,
    'penalty.missed': s.penalty.missed, 'penalty.saved': s.penalty.saved,
  };
}

/** Season statistics per player id, for all squad players of the league-season's clubs. */
export function seasonStatistics(catalog: Catalog, competition: Competition, squadOf: (teamId: number) => Player[], asOf: number): Map<number, PlayerSeasonStats> {
  const totals = new Map<number, Totals>();
  for (const match of competition.matches) {
    for (const block of fixtureDetails(match, asOf).players) {
      for (const line of block.players) {
        const s = line.statistics[0];
        let t = totals.get(line.player.id);
        if (t === undefined) {
          t = { appearances: 0, lineups: 0, minutes: 0, ratings: [], captain: false, subIn: 0, subOut: 0, bench: 0, counts: {} };
          totals.set(line.player.id, t);
        }
        const minutes = s.games.minutes ?? 0;
        if (minutes > 0) t.appearances++;
        if (!s.games.substitute) t.lineups++;
        else t.bench++;
        if (s.games.substitute && minutes > 0) t.subIn++;
        t.minutes += minutes;
        if (s.games.rating !== null) t.ratings.push(Number(s.games.rating));
        t.captain ||= s.games.captain;
        for (const [key, value] of Object.entries(countsOf(s))) t.counts[key] = (t.counts[key] ?? 0) + (value ?? 0);
      }
    }
    for (const event of fixtureDetails(match, asOf).events) {
      if (event.type !== 'subst' || event.player.id === null) continue;
      const t = totals.get(event.player.id);
      if (t !== undefined) t.subOut++;
    }
  }

  const { league, season } = competition.leagueSeason;
  const stats = new Map<number, PlayerSeasonStats>();
  for (const teamId of competition.leagueSeason.teamIds) {
    const team = catalog.team(teamId);
    for (const player of squadOf(teamId)) {
      const t = totals.get(player.id);
      const c = (key: (typeof COUNTED)[number]) => t?.counts[key] ?? 0;
      const nz = (n: number) => (n === 0 ? null : n);
      const keeper = player.pos === 'G';
      const rating = t === undefined || t.ratings.length === 0 ? null : (Math.floor((t.ratings.reduce((a, b) => a + b, 0) / t.ratings.length) * 1e6) / 1e6).toFixed(6);
      stats.set(player.id, {
        team: teamLogo(team),
        league: { id: league.id, name: league.name, country: league.country.name, logo: league.logo, flag: league.country.flag, season },
        games: { appearences: t?.appearances ?? 0, lineups: t?.lineups ?? 0, minutes: t?.minutes ?? 0, number: null, position: player.position, rating, captain: t?.captain ?? false },
        substitutes: { in: t?.subIn ?? 0, out: t?.subOut ?? 0, bench: t?.bench ?? 0 },
        shots: { total: nz(c('shots.total')), on: nz(c('shots.on')) },
        goals: { total: c('goals.total'), conceded: c('goals.conceded'), assists: nz(c('goals.assists')), saves: keeper ? c('goals.saves') : null },
        passes: { total: nz(c('passes.total')), key: nz(c('passes.key')), accuracy: c('passes.total') === 0 ? null : Math.round((c('passes.accurate') / c('passes.total')) * 100) },
        tackles: { total: nz(c('tackles.total')), blocks: nz(c('tackles.blocks')), interceptions: nz(c('tackles.interceptions')) },
        duels: { total: nz(c('duels.total')), won: nz(c('duels.won')) },
        dribbles: { attempts: nz(c('dribbles.attempts')), success: nz(c('dribbles.success')), past: nz(c('dribbles.past')) },
        fouls: { drawn: nz(c('fouls.drawn')), committed: nz(c('fouls.committed')) },
        cards: { yellow: c('cards.yellow'), yellowred: 0, red: c('cards.red') },
        penalty: { won: null, commited: null, scored: c('penalty.scored'), missed: c('penalty.missed'), saved: keeper ? c('penalty.saved') : null },
      });
    }
  }
  return stats;
}
