import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect } from 'chai';
import { VIEWS_DIR } from '../../src/db/paths';
import {
  orderByDependencies,
  parseViewFile,
  planViewChanges,
  readViewDefinitions,
  stripLiteralsAndComments,
  viewPlanStatements,
  viewsDirFromEnv,
  type ViewDefinition,
} from '../../src/db/views';

const view = (name: string, body: string, comments = '') =>
  parseViewFile(`marts/${name}.sql`, `create view marts.${name} as\nwith\nsource as (\n    ${body}\n)\nselect * from source;\n${comments}`);

describe('view files', () => {
  it('every file under views/ is a valid definition named after its view, in schema marts', () => {
    const definitions = readViewDefinitions(VIEWS_DIR);
    expect(definitions.map((d) => d.name)).to.include.members([
      'marts.fixture_results', 'marts.team_matches', 'marts.league_table', 'marts.standings_reconciliation', 'marts.team_form',
      'marts.player_season_stats', 'marts.top_scorers', 'marts.head_to_head', 'marts.team_season_stats',
    ]);
    for (const d of definitions) {
      expect(d.file, d.name).to.equal(`marts/${d.name.slice('marts.'.length)}.sql`);
      expect(d.sql, d.file).to.match(d.materialized ? /comment on materialized view /i : /comment on view /i);
    }
  });

  it('finds the views a view selects from, not those named in comments or strings', () => {
    const d = view('b', 'select * from marts.a join marts.c using (id)', "comment on view marts.b is 'unlike marts.zzz';\n-- see marts.yyy");
    expect(d.dependsOn).to.deep.equal(['marts.a', 'marts.c']);
    expect(stripLiteralsAndComments("select 'it''s ; marts.x' /* marts.y */ from t -- marts.z")).to.equal("select ''   from t ");
  });

  it('refuses a file whose view is not named after the file, another statement, or a "\\?"', () => {
    expect(() => parseViewFile('marts/a.sql', 'create view marts.b as select 1;')).to.throw(/must create marts\.a/);
    expect(() => parseViewFile('marts/a.sql', 'create view golden.a as select 1;')).to.throw(/must create marts\.a/);
    expect(() => parseViewFile('marts/a.sql', 'create view marts.a as select 1; drop table golden.teams;')).to.throw(/only COMMENT ON/);
    expect(() => parseViewFile('marts/a.sql', 'select 1;')).to.throw(/must start with CREATE VIEW marts\.a/);
    expect(() => parseViewFile('marts/A-b.sql', 'create view marts.a as select 1;')).to.throw(/lower case/);
    expect(() => parseViewFile('marts/a.sql', "create view marts.a as select '\\?' as q;")).to.throw(/cannot be applied/);
    expect(parseViewFile('marts/a.sql', "create view marts.a as select 'who won?' as q;").name).to.equal('marts.a');
  });

  it('ignores line endings in the checksum, so a checkout with CRLF is not a change', () => {
    expect(parseViewFile('marts/a.sql', 'create view marts.a as\r\nselect 1;\r\n').checksum).to.equal(parseViewFile('marts/a.sql', 'create view marts.a as\nselect 1;\n').checksum);
  });

  it('orders views after what they select from, and names a cycle', () => {
    const ordered = orderByDependencies([view('c', 'select * from marts.b'), view('a', 'select 1'), view('b', 'select * from marts.a')]);
    expect(ordered.map((d) => d.name)).to.deep.equal(['marts.a', 'marts.b', 'marts.c']);
    expect(() => orderByDependencies([view('a', 'select * from marts.b'), view('b', 'select * from marts.a')])).to.throw(/cycle: marts\.a -> marts\.b -> marts\.a/);
  });

  it('reads a folder of layers, refusing a view defined twice or a reference to a view without a file', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'qf-views-'));
    try {
      fs.mkdirSync(path.join(dir, 'marts'));
      fs.mkdirSync(path.join(dir, 'staging'));
      fs.writeFileSync(path.join(dir, 'marts', 'b.sql'), 'create view marts.b as select * from marts.a;');
      fs.writeFileSync(path.join(dir, 'staging', 'a.sql'), 'create view marts.a as select 1 as x;');
      expect(readViewDefinitions(dir).map((d) => d.file)).to.deep.equal(['staging/a.sql', 'marts/b.sql']);
      fs.writeFileSync(path.join(dir, 'marts', 'a.sql'), 'create view marts.a as select 2 as x;');
      expect(() => readViewDefinitions(dir)).to.throw(/both define marts\.a/);
      fs.rmSync(path.join(dir, 'marts', 'a.sql'));
      fs.rmSync(path.join(dir, 'staging', 'a.sql'));
      expect(() => readViewDefinitions(dir)).to.throw(/selects from marts\.a, which no file/);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('takes the views folder from QUANTFOOT_VIEWS_DIR when set', () => {
    const saved = process.env.QUANTFOOT_VIEWS_DIR;
    try {
      process.env.QUANTFOOT_VIEWS_DIR = 'some/where';
      expect(viewsDirFromEnv()).to.equal(path.resolve('some/where'));
      delete process.env.QUANTFOOT_VIEWS_DIR;
      expect(viewsDirFromEnv()).to.equal(VIEWS_DIR);
    } finally {
      if (saved === undefined) delete process.env.QUANTFOOT_VIEWS_DIR;
      else process.env.QUANTFOOT_VIEWS_DIR = saved;
    }
  });
});

describe('view plans', () => {
  // a <- b <- c, a <- d: b and d select from a, c from b
  const base = (): ViewDefinition[] => [view('a', 'select 1 as x'), view('b', 'select * from marts.a'), view('c', 'select * from marts.b'), view('d', 'select * from marts.a')];
  const edited = (name: string, body: string) => base().map((d) => (d.name === `marts.${name}` ? view(name, body) : d));

  it('changes nothing when the checksums agree', () => {
    const plan = planViewChanges(base(), base());
    expect(plan).to.deep.equal({ drop: [], materialized: [], create: [], changes: [] });
  });

  it('drops a materialized view as one, and reads its indexes as part of its file', () => {
    const stored = parseViewFile('marts/a.sql', 'create materialized view marts.a as select 1 as x;\ncreate unique index a_x_key on marts.a (x);\ncomment on materialized view marts.a is \'A.\';\n');
    expect(stored.materialized).to.equal(true);
    const plan = planViewChanges([stored, view('b', 'select * from marts.a')], [view('a', 'select 2 as x'), view('b', 'select * from marts.a')]);
    expect(plan.materialized).to.deep.equal(['marts.a']);
    expect(viewPlanStatements(plan).slice(0, 2)).to.deep.equal(['drop view if exists marts.b;', 'drop materialized view if exists marts.a;']);
    expect(() => parseViewFile('marts/a.sql', 'create materialized view marts.a as select 1 as x;\ncreate index i on golden.fixtures (season);')).to.throw(/an index here must be on marts\.a/);
    expect(() => parseViewFile('marts/a.sql', 'create view marts.a as select 1 as x;\ncreate index i on marts.a (x);')).to.throw(/only COMMENT ON statements may follow the CREATE VIEW/);
  });

  it('re-creates a changed leaf alone', () => {
    const plan = planViewChanges(base(), edited('c', 'select x + 1 as y from marts.b'));
    expect(plan.drop).to.deep.equal(['marts.c']);
    expect(plan.create.map((d) => d.name)).to.deep.equal(['marts.c']);
  });

  it('re-creates the views that select from a changed one, dependants dropped first and created last', () => {
    const plan = planViewChanges(base(), edited('a', 'select 2 as x'));
    expect(plan.drop).to.deep.equal(['marts.d', 'marts.c', 'marts.b', 'marts.a']);
    expect(plan.create.map((d) => d.name)).to.deep.equal(['marts.a', 'marts.b', 'marts.c', 'marts.d']);
    expect(plan.changes).to.deep.include({ view: 'marts.a', kind: 'changed' });
    expect(plan.changes).to.deep.include({ view: 'marts.c', kind: 'dependant' });
  });

  it('creates everything on an empty database and drops everything going back to none', () => {
    expect(planViewChanges([], base()).create.map((d) => d.name)).to.deep.equal(['marts.a', 'marts.b', 'marts.c', 'marts.d']);
    expect(planViewChanges(base(), []).drop).to.deep.equal(['marts.d', 'marts.c', 'marts.b', 'marts.a']);
  });

  it('drops a removed view with its dependants, and renders the plan as SQL', () => {
    const to = [view('a', 'select 1 as x'), view('d', 'select * from marts.a')];
    const plan = planViewChanges(base(), to);
    expect(plan.drop).to.deep.equal(['marts.c', 'marts.b']);
    expect(plan.create).to.deep.equal([]);
    expect(viewPlanStatements(plan)).to.deep.equal(['drop view if exists marts.c;', 'drop view if exists marts.b;']);
  });
});
