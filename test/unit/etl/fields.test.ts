import path from 'node:path';
import { expect } from 'chai';
import { FIELD_DECISIONS, leafPaths } from '../../../src/etl/transform/fields';
import { readSamples } from '../../support/samples';

/** Sample files of the endpoints the ETL loads, by endpoint (file name prefix: fixtures-ids → fixtures). */
function samplesByEndpoint(): Array<[string, string, unknown[]]> {
  const out: Array<[string, string, unknown[]]> = [];
  for (const { file, body } of readSamples()) {
    const prefix = path.basename(file).split('__')[0]!;
    const endpoint = prefix === 'fixtures-ids' ? 'fixtures' : prefix.replace('-', '/');
    if (!FIELD_DECISIONS[endpoint]) continue;
    out.push([endpoint, path.basename(file), body.response]);
  }
  return out;
}

describe('field decisions', () => {
  const samples = samplesByEndpoint();

  it('covers samples of every loaded endpoint family', () => {
    expect(new Set(samples.map(([e]) => e))).to.include.members([
      'leagues', 'teams', 'players', 'fixtures', 'standings', 'injuries', 'fixtures/events', 'fixtures/lineups', 'fixtures/players', 'fixtures/statistics', 'countries', 'venues',
      'fixtures/rounds', 'players/squads', 'coachs', 'transfers',
    ]);
  });

  for (const [endpoint, file, items] of samples) {
    it(`decides every field of ${file}`, () => {
      const decided = new Set([...FIELD_DECISIONS[endpoint]!.mapped, ...Object.keys(FIELD_DECISIONS[endpoint]!.ignored)]);
      const undecided = new Set<string>();
      for (const item of items) for (const p of leafPaths(item)) if (!decided.has(p) && !isUnderDecided(p, decided)) undecided.add(p);
      expect([...undecided], `fields nobody decided on in ${file}: map them in src/etl/transform or list them as ignored in fields.ts`).to.deep.equal([]);
    });
  }

  it('fails on a field the API might add tomorrow', () => {
    const decided = new Set(FIELD_DECISIONS.teams!.mapped);
    const paths = [...leafPaths({ team: { id: 1, mascot: 'Fox' } })].filter((p) => !decided.has(p));
    expect(paths).to.deep.equal(['team.mascot']);
  });
});

/** `team.colors` null where colours are mapped leaf by leaf; an empty array where its items are mapped. */
function isUnderDecided(p: string, decided: Set<string>): boolean {
  for (const d of decided) if (d.startsWith(`${p}.`) || d.startsWith(`${p}[]`)) return true;
  return false;
}
