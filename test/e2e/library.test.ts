import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect } from 'chai';
import { PROJECT_ROOT } from '../../src/db/paths';
import { runProcess } from '../support/cli';
import { testServerKind, useFreshDatabase } from '../support/db';

// Another project that depends on this checkout ("quantfoot": "file:…"), installed as npm installs
// a file: dependency: a symlink in its node_modules (knex beside it, as its own dependency would be).
const CONSUMER_PACKAGE = { name: 'quantfoot-consumer', private: true, type: 'module', dependencies: { quantfoot: `file:${PROJECT_ROOT}`, knex: '*' } };

// Loads a fixture with its events and line-ups through the package, as a user's script would.
const SCRIPT = `import knexFactory from 'knex';
import { bindModels, Fixture } from 'quantfoot';

const knex = knexFactory({ client: 'pg', connection: process.env.DATABASE_URL });
bindModels(knex);
const fixture = await Fixture.query().findById(Number(process.argv[2])).withGraphFetched('[events, lineups.players, homeTeam, awayTeam]');
console.log(JSON.stringify(fixture));
await knex.destroy();
`;

// The same through the types: a strict TypeScript project that must compile against the package's declarations.
const TYPED = `import type { Knex } from 'knex';
import { bindModels, Fixture, type FixtureEventRow } from 'quantfoot';

export async function scorers(knex: Knex, fixtureId: number): Promise<string[]> {
  bindModels(knex);
  const fixture = await Fixture.query().findById(fixtureId).withGraphFetched('[events, lineups.players]');
  const goals: FixtureEventRow[] = (fixture?.events ?? []).filter((e) => e.type === 'Goal');
  const starters: number = (fixture?.lineups ?? []).flatMap((l) => l.players ?? []).filter((p) => p.is_starter).length;
  return goals.map((g) => \`\${g.player_name ?? '?'} \${g.elapsed}' of \${starters}\`);
}

export function typoCaught(event: FixtureEventRow): boolean {
  // @ts-expect-error: the event types are a union, so a misspelt one does not compile (were they any, this directive would be the error)
  return event.type === 'Gaol';
}
`;
const TSCONFIG = { compilerOptions: { target: 'ES2022', module: 'node16', moduleResolution: 'node16', strict: true, noEmit: true, skipLibCheck: true, types: [] }, include: ['typed.mts'] };

describe(`the package as a library in another project (${testServerKind()} server)`, function () {
  this.timeout(180_000);
  const ctx = useFreshDatabase('library', { migrate: true });
  let consumer: string;

  before(async () => {
    const build = await runProcess('npm', ['run', '--silent', 'build']);
    expect(build.code, build.stdout + build.stderr).to.equal(0);
    consumer = fs.mkdtempSync(path.join(os.tmpdir(), 'qf-consumer-'));
    fs.writeFileSync(path.join(consumer, 'package.json'), JSON.stringify(CONSUMER_PACKAGE, null, 2));
    fs.mkdirSync(path.join(consumer, 'node_modules'));
    fs.symlinkSync(PROJECT_ROOT, path.join(consumer, 'node_modules', 'quantfoot'), 'dir');
    fs.symlinkSync(path.join(PROJECT_ROOT, 'node_modules', 'knex'), path.join(consumer, 'node_modules', 'knex'), 'dir');
    fs.writeFileSync(path.join(consumer, 'load.mjs'), SCRIPT);
    fs.writeFileSync(path.join(consumer, 'typed.mts'), TYPED);
    fs.writeFileSync(path.join(consumer, 'tsconfig.json'), JSON.stringify(TSCONFIG, null, 2));

    const { knex } = ctx.db;
    await knex('golden.countries').insert({ country_name: 'England' });
    await knex('golden.leagues').insert({ league_id: 39, name: 'Premier League', type: 'League', country_name: 'England' });
    await knex('golden.seasons').insert({ league_id: 39, season: 2023 });
    await knex('golden.teams').insert([{ team_id: 42, name: 'Arsenal' }, { team_id: 65, name: 'Nottingham Forest' }]);
    await knex('golden.players').insert([{ player_id: 1460, name: 'B. Saka' }, { player_id: 1100, name: 'T. Awoniyi' }]);
    await knex('golden.fixtures').insert({
      fixture_id: 1035037, league_id: 39, season: 2023, round: 'Regular Season - 1', kickoff_at: '2023-08-12T12:00:00Z', status_short: 'FT',
      home_team_id: 42, away_team_id: 65, goals_home: 2, goals_away: 1,
    });
    await knex('golden.fixture_events').insert([
      { fixture_id: 1035037, event_index: 1, elapsed: 83, team_id: 65, player_id: 1100, player_name: 'T. Awoniyi', type: 'Goal', detail: 'Normal Goal', is_shootout: false },
      { fixture_id: 1035037, event_index: 0, elapsed: 26, team_id: 42, player_id: 1460, player_name: 'B. Saka', type: 'Goal', detail: 'Normal Goal', is_shootout: false },
    ]);
    await knex('golden.fixture_lineups').insert([{ fixture_id: 1035037, team_id: 42, formation: '4-3-3' }, { fixture_id: 1035037, team_id: 65, formation: '3-4-2-1' }]);
    await knex('golden.fixture_lineup_players').insert([
      { fixture_id: 1035037, team_id: 42, player_id: 1460, is_starter: true, list_index: 0 },
      { fixture_id: 1035037, team_id: 65, player_id: 1100, is_starter: false, list_index: 11 },
    ]);
  });
  after(() => consumer && fs.rmSync(consumer, { recursive: true, force: true }));

  it('import { Fixture } from \'quantfoot\' loads a fixture with its events and line-ups in one call', async () => {
    const res = await runProcess(process.execPath, ['load.mjs', '1035037'], { DATABASE_URL: ctx.db.url }, consumer);
    expect(res.code, res.stderr).to.equal(0);
    const fixture = JSON.parse(res.stdout);
    expect([fixture.homeTeam.name, fixture.awayTeam.name, fixture.goals_home, fixture.goals_away]).to.deep.equal(['Arsenal', 'Nottingham Forest', 2, 1]);
    expect(fixture.events.map((e: { elapsed: number; player_name: string }) => `${e.elapsed}' ${e.player_name}`)).to.deep.equal(["26' B. Saka", "83' T. Awoniyi"]);
    expect(fixture.lineups.map((l: { formation: string; players: unknown[] }) => [l.formation, l.players.length]).sort()).to.deep.equal([['3-4-2-1', 1], ['4-3-3', 1]]);
  });

  it('compiles a strict TypeScript project against its declarations (models, relations and row types)', async () => {
    const tsc = path.join(PROJECT_ROOT, 'node_modules', 'typescript', 'bin', 'tsc');
    const res = await runProcess(process.execPath, [tsc, '-p', 'tsconfig.json'], {}, consumer);
    expect(res.code, res.stdout + res.stderr).to.equal(0);
  });
});
