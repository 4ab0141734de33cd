/**
 * Transport faults end in exactly the tables of a fault-free run: 10% server errors, 5% rate-limit
 * refusals, 2% truncated bodies and 2% timeouts, all retried, none loading anything twice or half.
 */
import { expect } from 'chai';
import { startMockApi } from '../../src/mock-api/server';
import { runLeagueSeason } from '../../src/etl/run';
import { createTestDatabase, testServerKind } from '../support/db';
import { goldenHashes } from '../support/golden';

describe(`faults on the wire (${testServerKind()} server)`, function () {
  this.timeout(300_000);

  it('a load through 10% 5xx, 5% rateLimit, 2% truncated bodies and 2% timeouts equals a fault-free load, row for row', async () => {
    const quiet = { stream: () => undefined, progress: () => undefined, log: () => undefined, done: () => undefined };
    const load = async (faults: string) => {
      const mock = await startMockApi({ port: 0, seed: 1, asOf: '2024-01-15', faults });
      const db = await createTestDatabase('faults');
      try {
        await db.knex.migrate.latest();
        const api = { key: 'fault-test-key', baseUrl: mock.url, retryBaseDelayMs: 10, retryMaxDelayMs: 50, minuteWindowMs: 100, timeoutMs: 1_000, maxAttempts: 8 };
        const result = await runLeagueSeason(db.knex, db.url, api, { leagueId: 39, season: 2023, full: false, dryRun: false, refreshIntervalHours: 24, wait: true }, quiet);
        expect(result.status, String(result.error)).to.equal('succeeded');
        return { hashes: await goldenHashes(db.knex), calls: result.callsUsed, faults: mock.stats().faults };
      } finally {
        await db.drop();
        await mock.close();
      }
    };
    const clean = await load('');
    const faulty = await load('500:0.1,ratelimit:0.05,truncate:0.02,timeout:0.02');
    expect(Object.values(faulty.faults).reduce((a, b) => a + b, 0), 'faults were injected').to.be.greaterThan(3);
    expect(faulty.calls).to.be.greaterThan(clean.calls);
    expect(faulty.hashes).to.deep.equal(clean.hashes);
  });
});
