/**
 * The embedded collections of /fixtures?ids= (or /fixtures/events|lineups|statistics|players) →
 * events, lineups, lineup players, team and player statistics rows, plus placeholder rows for
 * players the line-ups name before /players knows them.
 */
import type { ItemOf } from '../../schemas';
import type { Row } from '../load';
import { sharedCounterColumns } from './counters';
import { toDecimal, toInt, toPercent } from './parse';

type Event = ItemOf<'fixtures/events'>;
type Lineup = ItemOf<'fixtures/lineups'>;
type TeamStats = ItemOf<'fixtures/statistics'>;
type PlayerStats = ItemOf<'fixtures/players'>;

/** What tells shoot-out kicks apart when the API does not comment them: the fixture's status and penalty score. */
export interface ShootoutContext {
  status: string;
  penalty: { home: number | null; away: number | null };
  homeTeamId: number;
  awayTeamId: number;
}

export function eventRows(fixtureId: number, events: Event[], context?: ShootoutContext): Row[] {
  const kicks = shootoutKicks(events, context);
  return events.map((e, index) => ({
    fixture_id: fixtureId,
    event_index: index,
    elapsed: e.time.elapsed,
    extra: e.time.extra,
    team_id: e.team.id,
    player_id: e.player.id,
    player_name: e.player.name,
    assist_id: e.assist.id,
    assist_name: e.assist.name,
    type: e.type,
    detail: e.detail,
    comments: e.comments,
    is_shootout: kicks.has(index),
  }));
}

const isPenaltyKick = (e: Event) => e.type === 'Goal' && (e.detail === 'Penalty' || e.detail === 'Missed Penalty') && e.time.elapsed >= 120 && e.time.extra !== null;

/**
 * Indexes of the penalty shoot-out kicks. The API comments them "Penalty Shootout", but older data
 * has `comments: null`, and a penalty in the last minute of extra time looks the same. Then, for a
 * fixture decided on penalties (status PEN, a penalty score), the kicks are the trailing run of
 * penalty events at 120' whose goals per team add up to the penalty score, preferring a run whose
 * `extra` numbers the kicks 1..n as the API does. When nothing adds up, no event is taken for a
 * kick: a wrong guess would move a goal out of (or into) the score.
 */
export function shootoutKicks(events: Event[], context?: ShootoutContext): Set<number> {
  const commented = new Set(events.flatMap((e, i) => (e.comments === 'Penalty Shootout' ? [i] : [])));
  const { penalty } = context ?? { penalty: { home: null, away: null } };
  if (commented.size > 0 || !context || penalty.home === null || penalty.away === null || (context.status !== 'PEN' && penalty.home + penalty.away === 0)) return commented;
  let start = events.length;
  while (start > 0 && isPenaltyKick(events[start - 1]!)) start--;
  let fallback: Set<number> | null = null;
  for (let from = start; from < events.length; from++) {
    const run = events.slice(from);
    const scored = (teamId: number) => run.filter((e) => e.team.id === teamId && e.detail === 'Penalty').length;
    if (scored(context.homeTeamId) !== penalty.home || scored(context.awayTeamId) !== penalty.away) continue;
    const indexes = new Set(run.map((_, k) => from + k));
    const numbered = run.map((e) => e.time.extra!).sort((a, b) => a - b).every((extra, k) => extra === k + 1);
    if (numbered) return indexes;
    fallback ??= indexes;
  }
  return fallback ?? commented;
}

export function lineupRows(fixtureId: number, lineups: Lineup[]): Row[] {
  return lineups.map((l) => ({
    fixture_id: fixtureId,
    team_id: l.team.id,
    formation: l.formation,
    coach_id: l.coach.id,
    coach_name: l.coach.name,
    coach_photo_url: l.coach.photo,
    colors: l.team.colors === null ? null : JSON.stringify(l.team.colors),
  }));
}

export function lineupPlayerRows(fixtureId: number, lineups: Lineup[]): Row[] {
  return lineups.flatMap((l) =>
    [
      ...l.startXI.map((p, i) => [p, true, i] as const),
      ...l.substitutes.map((p, i) => [p, false, i] as const),
    ].map(([{ player: p }, isStarter, index]) => ({
      fixture_id: fixtureId,
      team_id: l.team.id,
      player_id: p.id,
      player_name: p.name,
      shirt_number: p.number,
      position: p.pos,
      grid: p.grid,
      is_starter: isStarter,
      list_index: index,
    })),
  );
}

/** The documented statistic types and their columns; any other type goes to other_stats. */
const TEAM_STAT_COLUMNS: Record<string, { column: string; parse: (v: number | string | null) => number | null }> = {
  'Shots on Goal': { column: 'shots_on_goal', parse: toInt },
  'Shots off Goal': { column: 'shots_off_goal', parse: toInt },
  'Total Shots': { column: 'shots_total', parse: toInt },
  'Blocked Shots': { column: 'shots_blocked', parse: toInt },
  'Shots insidebox': { column: 'shots_inside_box', parse: toInt },
  'Shots outsidebox': { column: 'shots_outside_box', parse: toInt },
  Fouls: { column: 'fouls', parse: toInt },
  'Corner Kicks': { column: 'corner_kicks', parse: toInt },
  Offsides: { column: 'offsides', parse: toInt },
  'Ball Possession': { column: 'possession_pct', parse: toPercent },
  'Yellow Cards': { column: 'yellow_cards', parse: toInt },
  'Red Cards': { column: 'red_cards', parse: toInt },
  'Goalkeeper Saves': { column: 'goalkeeper_saves', parse: toInt },
  'Total passes': { column: 'passes_total', parse: toInt },
  'Passes accurate': { column: 'passes_accurate', parse: toInt },
  'Passes %': { column: 'passes_pct', parse: toPercent },
  expected_goals: { column: 'expected_goals', parse: toDecimal },
  goals_prevented: { column: 'goals_prevented', parse: toDecimal },
};

export const KNOWN_STATISTIC_TYPES = Object.keys(TEAM_STAT_COLUMNS);

/** The statistic columns of one list (a match's, or one half's), any unknown type kept in other_stats. */
function statisticColumns(statistics: TeamStats['statistics']): Row {
  const row: Row = {};
  for (const { column } of Object.values(TEAM_STAT_COLUMNS)) row[column] = null;
  // Statistic types are the API's strings: no prototype to hit ("constructor", "__proto__").
  const other: Record<string, unknown> = Object.create(null);
  for (const s of statistics) {
    const known = Object.hasOwn(TEAM_STAT_COLUMNS, s.type) ? TEAM_STAT_COLUMNS[s.type] : undefined;
    if (known) row[known.column] = known.parse(s.value);
    else other[s.type] = s.value;
  }
  row['other_stats'] = JSON.stringify(other);
  return row;
}

export function teamStatsRows(fixtureId: number, blocks: TeamStats[]): Row[] {
  return blocks.map((b) => ({ fixture_id: fixtureId, team_id: b.team.id, ...statisticColumns(b.statistics) }));
}

/** The halves of /fixtures/statistics?half=true, one row per team and half. */
export function teamHalfStatsRows(fixtureId: number, blocks: TeamStats[]): Row[] {
  return blocks.flatMap((b) =>
    ([[1, b.statistics_1h], [2, b.statistics_2h]] as const)
      .filter(([, statistics]) => statistics !== undefined)
      .map(([half, statistics]) => ({ fixture_id: fixtureId, team_id: b.team.id, half, ...statisticColumns(statistics!) })),
  );
}

export function playerStatsRows(fixtureId: number, blocks: PlayerStats[]): Row[] {
  return blocks.flatMap((b) =>
    b.players.flatMap(({ player, statistics }) =>
      statistics.slice(0, 1).map((s) => ({
        fixture_id: fixtureId,
        team_id: b.team.id,
        player_id: player.id,
        shirt_number: s.games.number,
        position: s.games.position,
        rating: toDecimal(s.games.rating),
        is_captain: s.games.captain,
        is_substitute: s.games.substitute,
        minutes: s.games.minutes,
        offsides: s.offsides,
        ...sharedCounterColumns(s),
        // /fixtures/players sends the count of accurate passes as a string ("47")
        passes_accurate: toInt(s.passes.accuracy),
      })),
    ),
  );
}

/** Players named by line-ups, events and player statistics, as minimal rows (id and name). */
export function playerPlaceholders(events: Event[], lineups: Lineup[], players: PlayerStats[]): Row[] {
  const rows: Row[] = [];
  const add = (id: number | null, name: string | null) => {
    if (id !== null && id > 0) rows.push({ player_id: id, name: name || `Player ${id}` });
  };
  for (const e of events) {
    add(e.player.id, e.player.name);
    add(e.assist.id, e.assist.name);
  }
  for (const l of lineups) for (const { player } of [...l.startXI, ...l.substitutes]) add(player.id, player.name);
  for (const b of players) for (const { player } of b.players) add(player.id, player.name);
  return rows;
}
