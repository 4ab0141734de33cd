import { expect } from 'chai';
import { validateResponse, type Endpoint } from '../../../src/schemas';
import { startMockApi, type MockApi } from '../../../src/mock-api/server';

/** The mock is only useful if it answers what the ETL's schemas accept, item by item. */
describe('mock API responses against the JSON Schemas', () => {
  let api: MockApi;

  before(async () => {
    api = await startMockApi({ seed: 1 });
  });

  after(async () => {
    await api.close();
  });

  const calls: [Endpoint, string][] = [
    ['status', '/status'],
    ['countries', '/countries'],
    ['leagues', '/leagues'],
    ['teams', '/teams?league=2&season=2023'],
    ['venues', '/venues?country=England'],
    ['players', '/players?league=39&season=2023&page=2'],
    ['players', '/players?team=34&season=2023'],
    ['players/squads', '/players/squads?team=34'],
    ['fixtures', '/fixtures?league=39&season=2023'],
    ['fixtures', '/fixtures?league=2&season=2023'],
    ['fixtures/events', '/fixtures/events?fixture=1001125'],
    ['fixtures/lineups', '/fixtures/lineups?fixture=1001125'],
    ['fixtures/statistics', '/fixtures/statistics?fixture=1001125'],
    ['fixtures/players', '/fixtures/players?fixture=1001125'],
    ['standings', '/standings?league=39&season=2023'],
    ['standings', '/standings?league=2&season=2023'],
    ['injuries', '/injuries?league=39&season=2023'],
  ];
  for (const [endpoint, path] of calls) {
    it(`${path} validates`, async () => {
      const body = await (await fetch(api.url + path, { headers: { 'x-apisports-key': 'k' } })).json();
      const { items, rejects } = validateResponse(endpoint, body);
      expect(rejects.map((r) => `${r.index} ${r.reason}`)).to.deep.equal([]);
      expect(items.length).to.be.greaterThan(0);
    });
  }

  it('every fixture of both demo leagues validates with its embedded details (ids batches)', async () => {
    const ids: number[] = [];
    for (const league of [39, 2]) {
      const res = await fetch(`${api.url}/fixtures?league=${league}&season=2023`, { headers: { 'x-apisports-key': 'k' } });
      const body = (await res.json()) as { response: { fixture: { id: number } }[] };
      ids.push(...body.response.map((f) => f.fixture.id));
    }
    for (let i = 0; i < ids.length; i += 20) {
      const body = await (await fetch(`${api.url}/fixtures?ids=${ids.slice(i, i + 20).join('-')}`, { headers: { 'x-apisports-key': 'k' } })).json();
      const { rejects } = validateResponse('fixtures', body);
      expect(rejects.map((r) => `${(r.item as { fixture: { id: number } }).fixture.id} ${r.reason}`)).to.deep.equal([]);
    }
  });
});
