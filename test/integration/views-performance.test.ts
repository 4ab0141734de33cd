import { expect } from 'chai';
import type { Knex } from 'knex';
import { testServerKind, useFreshDatabase } from '../support/db';
import { syntheticDataset } from '../../bench/synthetic';
import { refreshMaterializedMarts } from '../../src/db/views';

// A synthetic dataset made with generate_series: LEAGUES leagues of 20 teams, each SEASONS seasons
// of a double round robin (380 fixtures), with goal/card/substitution events, 14 players a side
// with statistics, team statistics, and the API's standings set to our own table. The default is
// small enough for every test run; QUANTFOOT_VIEWS_BENCH_LEAGUES / _SEASONS make it large and print
// the query times (the report's figures came from 50 leagues x 3 seasons).
const LEAGUES = Number(process.env.QUANTFOOT_VIEWS_BENCH_LEAGUES ?? 4);
const SEASONS = Number(process.env.QUANTFOOT_VIEWS_BENCH_SEASONS ?? 1);
const PRINT = process.env.QUANTFOOT_VIEWS_BENCH_LEAGUES !== undefined;


// What analysts ask: one league-season, one team, one player, one pair; and whole marts.
const SELECTIVE: Array<[string, string]> = [
  ['fixture_results of a league-season', 'select * from marts.fixture_results where league_id = 1002 and season = 2023'],
  ['team_matches of a team', 'select * from marts.team_matches where team_id = 25'],
  ['league_table of a league-season', 'select * from marts.league_table where league_id = 1002 and season = 2023'],
  ['standings_reconciliation of a league-season', 'select * from marts.standings_reconciliation where league_id = 1002 and season = 2023'],
  ['team_form of a team', 'select * from marts.team_form where team_id = 25'],
  ['player_season_stats of a league-season', 'select * from marts.player_season_stats where league_id = 1002 and season = 2023 order by goals desc limit 20'],
  ['player_season_stats of a player', 'select * from marts.player_season_stats where player_id = 612'],
  ['top_scorers of a league-season', 'select * from marts.top_scorers where league_id = 1002 and season = 2023 and rank <= 10'],
  ['head_to_head of a pair', 'select * from marts.head_to_head where team_id = 21 and opponent_id = 22'],
  ['team_season_stats of a league-season', 'select * from marts.team_season_stats where league_id = 1002 and season = 2023'],
  ['team_season_stats of a team', 'select * from marts.team_season_stats where team_id = 25'],
  ['referees of a league-season', 'select * from marts.referees where league_id = 1002 and season = 2023'],
  ['match_xg of a league-season', 'select * from marts.match_xg where league_id = 1002 and season = 2023'],
  ['team_xg_season of a league-season', 'select * from marts.team_xg_season where league_id = 1002 and season = 2023'],
  ['top_assists of a league-season', 'select * from marts.top_assists where league_id = 1002 and season = 2023 and rank <= 10'],
  ['knockout_ties of a league-season', 'select * from marts.knockout_ties where league_id = 1002 and season = 2023'],
  ['matches of a league-season', 'select * from marts.matches where league_id = 1002 and season = 2023'],
  ['match_events of a league-season', 'select * from marts.match_events where league_id = 1002 and season = 2023'],
  ['match_events of a team', 'select * from marts.match_events where team_id = 25'],
  ['match_events of a player', 'select * from marts.match_events where player_id = 612'],
  ['match_team_stats of a league-season', 'select * from marts.match_team_stats where league_id = 1002 and season = 2023'],
  ['match_team_stats of a team', 'select * from marts.match_team_stats where team_id = 25'],
  ['match_player_stats of a player', 'select * from marts.match_player_stats where player_id = 612'],
  ['match_player_stats of a league-season', 'select * from marts.match_player_stats where league_id = 1002 and season = 2023'],
  ['team_splits of a league-season', 'select * from marts.team_splits where league_id = 1002 and season = 2023'],
  ['team_splits of a team', 'select * from marts.team_splits where team_id = 25'],
  ['team_form_as_of of a team', "select * from marts.team_form_as_of where team_id = 25 and kickoff_at < '2023-12-01' order by kickoff_at desc limit 1"],
  // Reads the league-season's matches three times (its rounds, its teams, their matches): within
  // the league-season, so not held to the one-read bound of the questions above.
  ['standings_by_round of one league-season and round', 'select * from marts.standings_by_round where league_id = 1002 and season = 2023 and round_number = 10'],
];
const WHOLE: Array<[string, string]> = [
  'fixture_results', 'team_matches', 'league_table', 'standings_reconciliation', 'team_form', 'player_season_stats', 'top_scorers', 'head_to_head', 'team_season_stats', 'referees', 'transfers', 'coach_tenures', 'team_halves', 'sidelined', 'top_assists', 'top_cards', 'match_xg', 'team_xg_season',
  'knockout_ties', 'player_league_seasons', 'matches', 'match_events', 'match_team_stats', 'match_player_stats', 'team_splits', 'standings_by_round', 'team_form_as_of',
].map((v) => [`all of ${v}`, `select * from marts.${v}`]);
const LARGE_TABLES = new Set(['fixtures', 'fixture_events', 'fixture_player_stats', 'fixture_team_stats', 'standings', 'team_seasons']);

interface PlanNode { 'Node Type': string; 'Relation Name'?: string; 'Actual Rows'?: number; 'Actual Loops'?: number; Plans?: PlanNode[] }

/** Rows the plan read from golden.fixtures, over all its scans. */
function fixtureRowsRead(node: PlanNode): number {
  const own = node['Relation Name'] === 'fixtures' ? (node['Actual Rows'] ?? 0) * (node['Actual Loops'] ?? 1) : 0;
  return own + (node.Plans ?? []).reduce((n, p) => n + fixtureRowsRead(p), 0);
}
function seqScans(node: PlanNode): string[] {
  const own = node['Node Type'] === 'Seq Scan' && node['Relation Name'] ? [node['Relation Name']] : [];
  return own.concat(...(node.Plans ?? []).map(seqScans));
}

async function median(knex: Knex, sql: string, runs = 3): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = process.hrtime.bigint();
    await knex.raw(sql);
    times.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  return times.sort((a, b) => a - b)[Math.floor(runs / 2)]!;
}

describe(`marts on a generated dataset of ${LEAGUES} leagues x ${SEASONS} season(s) (${testServerKind()} server)`, function () {
  this.timeout(30 * 60_000);
  const ctx = useFreshDatabase('views_performance', { migrate: true });

  before(async () => {
    for (const statement of syntheticDataset(LEAGUES, SEASONS)) await ctx.db.knex.raw(statement);
    await refreshMaterializedMarts(ctx.db.knex);
    await ctx.db.knex.raw('vacuum analyze');
  });

  it('reconciles the generated standings (they were copied from league_table) in every row', async () => {
    const { rows } = await ctx.db.knex.raw('select count(*)::int as n, bool_and(matches) as all_match from marts.standings_reconciliation');
    expect(rows).to.deep.equal([{ n: LEAGUES * SEASONS * 20, all_match: true }]);
  });

  it('a question about one league-season reads that league-season\'s fixtures, not every league\'s (the filter reaches the tables)', async () => {
    // Rows read, not time: a CTE referenced twice, or a window partitioned without the league-season,
    // makes PostgreSQL compute the mart for every league before filtering, whatever the indexes.
    const perLeagueSeason = 380;
    const overread: string[] = [];
    for (const [name, sql] of SELECTIVE.filter(([n]) => n.endsWith('of a league-season'))) {
      const { rows } = await ctx.db.knex.raw(`explain (analyze, format json) ${sql}`);
      const read = fixtureRowsRead(rows[0]['QUERY PLAN'][0].Plan as PlanNode);
      if (read > 2 * perLeagueSeason * Math.max(1, SEASONS)) overread.push(`${name}: ${read} fixture rows read`);
    }
    expect(LEAGUES, 'more than one league, or the check proves nothing').to.be.greaterThan(2);
    expect(overread).to.deep.equal([]);
  });

  it('can answer every selective query through indexes: no view structure forces a scan of a large table', async () => {
    // With sequential scans priced out, a Seq Scan left on a large table means no index path exists
    // (for instance a CTE referenced twice and materialized), whatever the data size.
    const offenders: string[] = [];
    for (const [name, sql] of SELECTIVE) {
      const trx = await ctx.db.knex.transaction();
      try {
        await trx.raw('set local enable_seqscan = off');
        const { rows } = await trx.raw(`explain (format json) ${sql}`);
        const scanned = seqScans(rows[0]['QUERY PLAN'][0].Plan as PlanNode).filter((t) => LARGE_TABLES.has(t));
        if (scanned.length) offenders.push(`${name}: ${scanned.join(', ')}`);
      } finally {
        await trx.rollback();
      }
    }
    expect(offenders).to.deep.equal([]);
  });

  it('times the typical queries', async () => {
    const lines: string[] = [];
    for (const [name, sql] of [...SELECTIVE, ...WHOLE]) lines.push(`${(await median(ctx.db.knex, sql)).toFixed(1).padStart(9)} ms  ${name}`);
    if (PRINT) {
      const { rows } = await ctx.db.knex.raw('select (select count(*) from golden.fixtures) as fixtures, (select count(*) from golden.fixture_player_stats) as player_lines, (select count(*) from golden.fixture_events) as events');
      console.log(`      ${JSON.stringify(rows[0])}\n${lines.map((l) => `      ${l}`).join('\n')}`);
    }
    expect(lines).to.have.length(SELECTIVE.length + WHOLE.length);
  });
});
