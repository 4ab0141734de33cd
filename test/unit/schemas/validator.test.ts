import path from 'node:path';
import { expect } from 'chai';
import { ENDPOINTS, EnvelopeError, isEndpoint, validateResponse, type Endpoint } from '../../../src/schemas';
import { readSamples, SAMPLES_DIR, type SampleFile } from '../../support/samples';

/** Endpoints with real samples that QuantFoot does not load, hence has no schema for. */
const UNSUPPORTED = ['leagues/seasons', 'teams/statistics'];

function readSample(prefix: string): SampleFile['body'] {
  const sample = readSamples().find(({ file }) => path.basename(file).startsWith(`${prefix}__`));
  if (!sample) throw new Error(`no sample ${prefix}__*.json in ${SAMPLES_DIR}`);
  return sample.body;
}

function clone<T>(value: T): T {
  return structuredClone(value);
}

describe('schemas: validateResponse', () => {
  const samples = readSamples();

  it('finds the real samples in the repository', () => {
    expect(samples.length).to.be.at.least(20);
  });

  describe('every real sample validates', () => {
    for (const { file, body } of samples) {
      if (UNSUPPORTED.includes(body.get)) continue;
      it(file, () => {
        expect(isEndpoint(body.get), `no schema for ${body.get}`).to.equal(true);
        const { envelope, items, rejects } = validateResponse(body.get as Endpoint, body);
        expect(rejects).to.deep.equal([]);
        expect(items).to.have.length(body.response.length);
        expect(envelope.get).to.equal(body.get);
      });
    }
  });

  it('has a real sample for every endpoint but status and sidelined (no recorded body of either)', () => {
    const covered = new Set(samples.map(({ body }) => body.get));
    expect(ENDPOINTS.filter((endpoint) => !covered.has(endpoint))).to.deep.equal(['status', 'sidelined']);
  });

  it('accepts error samples as envelopes with errors and no items', () => {
    const errors = samples.filter(({ file }) => path.basename(file).startsWith('error-'));
    expect(errors).to.have.length(3);
    for (const { body } of errors) {
      const { envelope, items, rejects } = validateResponse(body.get as Endpoint, body);
      expect(Object.keys(envelope.errors)).to.have.length.greaterThan(0);
      expect(items).to.deep.equal([]);
      expect(rejects).to.deep.equal([]);
    }
  });

  it('accepts the /status object (SPEC §7.1), a null lastname and its error envelope', () => {
    const body = {
      get: 'status',
      parameters: [],
      errors: [],
      results: 0,
      paging: { current: 1, total: 1 },
      response: {
        account: { firstname: 'A', lastname: null, email: 'a@example.org' },
        subscription: { plan: 'Free', end: '2027-06-20T00:00:00+00:00', active: true },
        requests: { current: 3, limit_day: 100 },
      },
    };
    const { items, rejects } = validateResponse('status', body);
    expect(rejects).to.deep.equal([]);
    expect(items[0]!.requests.limit_day).to.equal(100);
    const failed = { ...body, errors: { token: 'Error/Missing application key.' }, response: [] };
    expect(validateResponse('status', failed).items).to.deep.equal([]);
  });

  describe('item-level problems', () => {
    it('rejects a fixture whose id is a string, with its path, and keeps the others', () => {
      const body = clone(readSample('fixtures'));
      (body.response[3] as { fixture: { id: unknown } }).fixture.id = '1049118';
      const { items, rejects } = validateResponse('fixtures', body);
      expect(items).to.have.length(body.response.length - 1);
      expect(rejects).to.have.length(1);
      expect(rejects[0]).to.include({ index: 3, path: '/fixture/id' });
      expect(rejects[0]!.reason).to.match(/^\/fixture\/id must be integer/);
      expect(rejects[0]!.item).to.equal(body.response[3]);
    });

    it('rejects a fixture without its fixture object, reporting the missing path', () => {
      const body = clone(readSample('fixtures'));
      delete (body.response[0] as Record<string, unknown>).fixture;
      const { items, rejects } = validateResponse('fixtures', body);
      expect(items).to.have.length(body.response.length - 1);
      expect(rejects.map(({ index, path }) => ({ index, path }))).to.deep.equal([{ index: 0, path: '/fixture' }]);
      expect(rejects[0]!.reason).to.equal('/fixture is required');
    });

    it('reports every problem of an item (allErrors)', () => {
      const body = clone(readSample('fixtures'));
      const item = body.response[1] as { fixture: { timestamp: unknown }; teams: { home: { id: unknown } } };
      item.fixture.timestamp = 'soon';
      item.teams.home.id = null;
      const [reject] = validateResponse('fixtures', body).rejects;
      expect(reject!.problems.map(({ path }) => path)).to.have.members(['/fixture/timestamp', '/teams/home/id']);
    });

    it('accepts negative goals, unknown keys and the 3.9.3 keys status.extra / league.standings', () => {
      const body = clone(readSample('fixtures'));
      type Loose = Record<string, unknown>;
      const item = body.response[0] as Loose & { goals: Loose; league: Loose; fixture: Loose & { status: Loose } };
      item.goals.home = -1;
      item.fixture.status.extra = 7;
      item.league.standings = true;
      item.fixture.brandNewKey = { anything: [1, 'two'] };
      item.somethingElse = 'new';
      expect(validateResponse('fixtures', body).rejects).to.deep.equal([]);
    });

    it('rejects a fixture date that is not an ISO date-time', () => {
      const body = clone(readSample('fixtures'));
      (body.response[0] as { fixture: { date: string } }).fixture.date = '30/03/2024 17:30';
      expect(validateResponse('fixtures', body).rejects[0]!.path).to.equal('/fixture/date');
    });

    it('requires the embedded arrays for /fixtures?ids= but not for list queries', () => {
      const ids = clone(readSample('fixtures-ids'));
      delete (ids.response[1] as Record<string, unknown>).lineups;
      const { items, rejects } = validateResponse('fixtures', ids);
      expect(items).to.have.length(1);
      expect(rejects.map(({ index, path }) => ({ index, path }))).to.deep.equal([{ index: 1, path: '/lineups' }]);

      const list = { ...ids, parameters: { league: '2', season: '2023' } };
      expect(validateResponse('fixtures', list).rejects).to.deep.equal([]);
    });

    it('validates embedded events with the /fixtures/events item schema', () => {
      const ids = clone(readSample('fixtures-ids'));
      const events = (ids.response[0] as { events: Array<{ time: { elapsed: unknown } }> }).events;
      events[4]!.time.elapsed = '35';
      expect(validateResponse('fixtures', ids).rejects[0]!.path).to.equal('/events/4/time/elapsed');
    });

    it('keeps the endpoint-specific number types (passes.accuracy: int on /players, string on /fixtures/players)', () => {
      const players = clone(readSample('players'));
      (players.response[0] as { statistics: Array<{ passes: { accuracy: unknown } }> }).statistics[0]!.passes.accuracy = '40';
      expect(validateResponse('players', players).rejects[0]!.path).to.equal('/statistics/0/passes/accuracy');

      const fixturePlayers = clone(readSample('fixtures-players'));
      const block = fixturePlayers.response[0] as { players: Array<{ statistics: Array<{ passes: { accuracy: unknown } }> }> };
      block.players[0]!.statistics[0]!.passes.accuracy = 26;
      expect(validateResponse('fixtures/players', fixturePlayers).rejects[0]!.path).to.equal(
        '/players/0/statistics/0/passes/accuracy',
      );
    });

    it('accepts a team whose venue has only null leaves, and rejects one without a team id', () => {
      const body = clone(readSample('teams'));
      const items = body.response as Array<{ team: Record<string, unknown>; venue: Record<string, unknown> }>;
      for (const key of Object.keys(items[0]!.venue)) items[0]!.venue[key] = null;
      delete items[1]!.team.id;
      const { rejects } = validateResponse('teams', body);
      expect(rejects.map(({ index, path }) => ({ index, path }))).to.deep.equal([{ index: 1, path: '/team/id' }]);
    });
  });

  describe('the smallest wrong item is rejected, the rest of its item loads', () => {
    type Ids = { fixture: { id: number }; events: Array<{ time: { elapsed: unknown } }>; lineups: Array<{ team: { id: number }; startXI: Array<{ player: { id: unknown } }>; substitutes: unknown[] }> };

    it('a line-up player without an id costs that player, not the fixture', () => {
      const ids = clone(readSample('fixtures-ids'));
      const fixture = ids.response[0] as Ids;
      fixture.lineups[0]!.startXI[4]!.player.id = null;
      const { items, rejects } = validateResponse('fixtures', ids);
      expect(items).to.have.length(2);
      expect(rejects).to.have.length(1);
      expect(rejects[0]).to.include({ index: 0, at: '/lineups/0/startXI/4', path: '/lineups/0/startXI/4/player/id', what: 'line-up player', table: 'fixture_lineup_players', context: `fixture ${fixture.fixture.id}` });
      const loaded = items[0] as unknown as Ids;
      expect(loaded.lineups[0]!.startXI).to.have.length(10);
      expect(loaded.events).to.have.length(fixture.events.length);
      expect(fixture.lineups[0]!.startXI, 'the body given is not changed').to.have.length(11);
    });

    it('one standings row without a rank costs that row only', () => {
      const body = clone(readSample('standings'));
      const groups = (body.response[0] as { league: { standings: Array<Array<Record<string, unknown>>> } }).league.standings;
      delete groups[0]![7]!.rank;
      const { items, rejects } = validateResponse('standings', body);
      expect(rejects.map((r) => [r.at, r.path, r.table])).to.deep.equal([['/league/standings/0/7', '/league/standings/0/7/rank', 'standings']]);
      expect((items[0] as unknown as { league: { standings: unknown[][] } }).league.standings[0]).to.have.length(19);
    });

    it('duplicates: identical copies load once, copies that differ are all rejected (never a mix)', () => {
      const list = clone(readSample('fixtures'));
      const n = list.response.length;
      list.response.push(clone(list.response[0]), clone(list.response[1]));
      (list.response[n + 1] as { fixture: { referee: string } }).fixture.referee = 'Someone Else';
      const { items, rejects } = validateResponse('fixtures', list);
      expect(items).to.have.length(n - 1);
      const reasons = rejects.map((r) => [r.index, r.reason]);
      expect(reasons).to.have.length(3);
      expect(reasons[0]![1]).to.match(/duplicate fixture \d+: identical to the copy at \/response\/0, loaded once/);
      expect(reasons.slice(1).map(([i]) => i)).to.have.members([1, n + 1]);
      expect(reasons[1]![1]).to.match(/duplicate fixture \d+: 2 copies with different contents \(\/response\/1, \/response\/\d+\); none loaded/);
    });

    it('the same player twice in a line-up: both copies rejected when they differ', () => {
      const ids = clone(readSample('fixtures-ids'));
      const lineup = (ids.response[0] as Ids).lineups[0]!;
      lineup.startXI.push({ ...clone(lineup.startXI[0]!), player: { ...(lineup.startXI[0]!.player as object), id: lineup.startXI[0]!.player.id, grid: '9:9' } as { id: unknown } });
      const { items, rejects } = validateResponse('fixtures', ids);
      expect(rejects.map((r) => r.at)).to.deep.equal(['/lineups/0/startXI/0', '/lineups/0/startXI/11']);
      expect((items[0] as unknown as Ids).lineups[0]!.startXI).to.have.length(10);
    });

    it('values the intake found unsafe reject their smallest enclosing item', () => {
      const ids = clone(readSample('fixtures-ids'));
      const { items, rejects } = validateResponse('fixtures', ids, {
        problems: [
          { pointer: '/response/0/events/2/player/name', reason: 'contains U+0000 (NUL)' },
          { pointer: '/response/1/fixture/referee', reason: 'contains a lone surrogate' },
        ],
      });
      expect(items).to.have.length(1);
      expect((items[0] as unknown as Ids).events).to.have.length((ids.response[0] as Ids).events.length - 1);
      expect(rejects.map((r) => [r.index, r.at, r.reason])).to.deep.equal([
        [0, '/events/2', '/events/2/player/name contains U+0000 (NUL)'],
        [1, '', '/fixture/referee contains a lone surrogate'],
      ]);
    });

    it('items that do not answer the request are rejected: a fixture not asked for, another league', () => {
      const ids = clone(readSample('fixtures-ids'));
      const [a, b] = ids.response as Ids[];
      const answer = validateResponse('fixtures', ids, { parameters: { ids: `${a!.fixture.id}-999` } });
      expect(answer.items).to.have.length(1);
      expect(answer.rejects[0]!.reason).to.equal(`/fixture/id is ${b!.fixture.id}, which was not asked for (ids=${a!.fixture.id}-999)`);
      const list = clone(readSample('fixtures'));
      const other = validateResponse('fixtures', list, { parameters: { league: '39', season: '2023' } });
      expect(other.items).to.deep.equal([]);
      expect(other.rejects[0]!.reason).to.equal('/league/id is 78, but league 39 was asked for');
    });

    it('rejects kick-offs outside the season and a date that is not the timestamp', () => {
      const list = clone(readSample('fixtures'));
      type F = { fixture: { timestamp: number; date: string; periods: { first: number | null } } };
      const items = list.response as F[];
      items[0]!.fixture.timestamp = 32503680000; // 3000-01-01
      items[1]!.fixture.timestamp = -2208988800; // 1900-01-01
      items[2]!.fixture.timestamp = 1e15;
      items[3]!.fixture.date = '2030-01-01T00:00:00+00:00';
      const { rejects } = validateResponse('fixtures', list);
      expect(rejects.map((r) => [r.index, r.path])).to.deep.equal([[0, '/fixture/timestamp'], [1, '/fixture/timestamp'], [2, '/fixture/timestamp'], [3, '/fixture/date']]);
      expect(rejects[0]!.reason).to.match(/3000-01-01T00:00:00.000Z is not within season 2023 \(2020-01-01 to 2027-01-01\)/);
    });

    it('integers beyond the columns\' range and absurdly long text are an item\'s fault', () => {
      const teams = clone(readSample('teams'));
      (teams.response[0] as { team: { id: number } }).team.id = 2 ** 31;
      (teams.response[1] as { team: { name: string } }).team.name = 'x'.repeat(5000);
      expect(validateResponse('teams', teams).rejects.map((r) => r.path)).to.deep.equal(['/team/id', '/team/name']);
    });
  });

  describe('envelope-level problems are one whole-response error', () => {
    const cases: Array<[string, (body: Record<string, unknown>) => unknown]> = [
      ['results as a string', (body) => ({ ...body, results: '71' })],
      ['no paging', ({ paging: _paging, ...body }) => body],
      ['errors as a string', (body) => ({ ...body, errors: 'boom' })],
      ['a parameter that is not a string', (body) => ({ ...body, parameters: { league: 78 } })],
      ['response as an object', (body) => ({ ...body, response: {} })],
      ['a 500 body', () => ({ message: 'Something went wrong while fetching details. Try again later.' })],
      ['not an object', () => 'upstream error'],
    ];
    for (const [name, mutate] of cases) {
      it(name, () => {
        const body = mutate(clone(readSample('fixtures')));
        expect(() => validateResponse('fixtures', body)).to.throw(EnvelopeError, /\/fixtures .*not an API-Football envelope/);
      });
    }

    it('names the failing envelope paths', () => {
      try {
        validateResponse('teams', { ...readSample('teams'), results: -1, paging: { current: 1 } });
        expect.fail('should have thrown');
      } catch (err) {
        expect(err).to.be.instanceOf(EnvelopeError);
        expect((err as EnvelopeError).problems.map(({ path }) => path)).to.have.members(['/results', '/paging/total']);
        expect((err as EnvelopeError).exitCode).to.equal(1);
      }
    });

    it('accepts errors as {} and parameters as []', () => {
      const body = { ...readSample('countries'), errors: {}, parameters: [] };
      expect(validateResponse('countries', body).items).to.have.length(1);
    });
  });
});
