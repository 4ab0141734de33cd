/**
 * Coverage-aware loading: a season whose /leagues coverage has no events, line-ups, statistics,
 * player statistics or injuries costs no call for them, and the skip is recorded with its reason.
 */
import { expect } from 'chai';
import { planRun, runLeagueSeason } from '../../src/etl/run';
import { etlStatus } from '../../src/etl/status';
import { startMockApi } from '../../src/mock-api/server';
import { testServerKind, useFreshDatabase } from '../support/db';

const quiet = { stream: () => undefined, progress: () => undefined, log: () => undefined, done: () => undefined };

describe(`coverage-aware loading (${testServerKind()} server)`, function () {
  this.timeout(120_000);
  const ctx = useFreshDatabase('coverage', { migrate: true });

  it('a season with results only: no detail, player or injury call; standings still loaded; the skips recorded', async () => {
    const mock = await startMockApi({ port: 0, seed: 1, asOf: '2024-01-15' });
    try {
      // What /leagues says of an old season of many leagues: fixtures and standings, nothing more.
      mock.overrideNext('leagues', (body) => {
        for (const item of body.response as Array<{ seasons: Array<{ coverage: Record<string, unknown> }> }>) {
          for (const s of item.seasons) {
            s.coverage = {
              fixtures: { events: false, lineups: false, statistics_fixtures: false, statistics_players: false },
              standings: true, players: false, top_scorers: false, top_assists: false, top_cards: false, injuries: false, predictions: false, odds: false,
            };
          }
        }
        return body;
      });
      const options = { leagueId: 39, season: 2023, full: false, dryRun: false, refreshIntervalHours: 24, wait: true } as const;
      const result = await runLeagueSeason(ctx.db.knex, ctx.db.url, { key: 'coverage-key', baseUrl: mock.url, retryBaseDelayMs: 10 }, options, quiet);
      expect(result.status, String(result.error)).to.equal('succeeded');
      expect(mock.stats().byEndpoint).to.not.have.any.keys('players', 'injuries');
      const detailCalls = await ctx.db.knex('raw.api_responses').whereRaw("endpoint = 'fixtures' and (parameters \\? 'ids' or parameters \\? 'id')").count({ n: '*' });
      expect(detailCalls).to.deep.equal([{ n: '0' }]);
      expect(result.callsUsed).to.be.at.most(6);
      expect(Number((await ctx.db.knex('golden.fixtures').count({ n: '*' }))[0]!.n)).to.be.greaterThan(100);
      expect(Number((await ctx.db.knex('golden.standings').count({ n: '*' }))[0]!.n)).to.equal(20);
      const skipped = await ctx.db.knex('etl.state').where({ league_id: 39, season: 2023 }).whereRaw("bookmark \\? 'skipped'").orderBy('stream').select('stream', ctx.db.knex.raw("bookmark->'skipped'->>'reason' as reason"));
      expect(skipped.map((s) => s.stream)).to.deep.equal(['fixture_details', 'injuries', 'players']);
      expect(skipped[0].reason).to.equal("the API's coverage of 39/2023 has no events, no line-ups, no match statistics, no player statistics");
      expect(await etlStatus(ctx.db.knex)).to.include("league 39 season 2023 players: updated").and.include("skipped: the API's coverage of 39/2023 has no player season statistics");
      const plan = await planRun(ctx.db.knex, { ...options, dryRun: true });
      expect(plan.find((l) => l.stream === 'fixture_details')).to.include({ calls: 0 });
      expect(plan.find((l) => l.stream === 'players')!.why).to.match(/^skipped: the API's coverage of 39\/2023 has no player season statistics/);
    } finally {
      await mock.close();
    }
  });
});
