import path from 'node:path';
import { expect } from 'chai';
import { filterColumns, unwrapParentheses, type Catalog, type Relation } from '../../src/docs/catalog';
import { dotString, erDiagramDot, lineageDot } from '../../src/docs/graphs';
import { escapeHtml, html, trusted } from '../../src/docs/html';
import { columnLink, relationPage } from '../../src/docs/links';
import { fileFor } from '../../src/docs/serve';

function relation(id: string, fields: Partial<Relation> = {}): Relation {
  const [schema, name] = id.split('.') as [string, string];
  return { id, schema, name, kind: 'table', comment: null, columns: [], constraints: [], indexes: [], rowCount: null, view: null, reads: [], ...fields };
}

const column = (name: string) => ({ name, type: 'integer', nullable: false, default: null, comment: null });

function catalogOf(relations: Relation[]): Catalog {
  return { database: 'db', serverVersion: '15', schemas: [], relations: new Map(relations.map((r) => [r.id, r])) };
}

const teams = relation('golden.teams', {
  comment: 'Clubs "and" <national> teams',
  columns: [column('team_id'), column('name')],
  constraints: [{ name: 'teams_pkey', kind: 'primary key', columns: ['team_id'], definition: 'PRIMARY KEY (team_id)', condition: null, references: null, validated: true, comment: null }],
  indexes: [{ name: 'teams_pkey', summary: 'btree (team_id)', keys: ['team_id'], unique: true, constraint: 'teams_pkey' }],
});
const fixtures = relation('golden.fixtures', {
  columns: [column('fixture_id'), column('home_team_id'), column('season')],
  constraints: [
    { name: 'fixtures_pkey', kind: 'primary key', columns: ['fixture_id'], definition: '', condition: null, references: null, validated: true, comment: null },
    { name: 'fixtures_home_team_fk', kind: 'foreign key', columns: ['home_team_id'], definition: '', condition: null, references: { relation: 'golden.teams', columns: ['team_id'], onDelete: null, onUpdate: null }, validated: true, comment: null },
  ],
  indexes: [
    { name: 'fixtures_pkey', summary: 'btree (fixture_id)', keys: ['fixture_id'], unique: true, constraint: 'fixtures_pkey' },
    { name: 'fixtures_season_idx', summary: 'btree (season)', keys: ['season'], unique: false, constraint: null },
  ],
});
const results = relation('marts.results', {
  kind: 'view',
  columns: [column('fixture_id'), column('season'), column('winner')],
  view: { file: null, checksum: null, appliedAt: null, sql: 'select …' },
  reads: ['golden.fixtures', 'golden.teams'],
});
const table = relation('marts.table', { kind: 'view', columns: [column('season'), column('team_id'), column('points')], view: { file: null, checksum: null, appliedAt: null, sql: '' }, reads: ['marts.results'] });

describe('docs site', () => {
  it('escapes every interpolated value unless it is Html', () => {
    const comment = `<script>alert("x")</script> & 'y'`;
    expect(html`<p title="${comment}">${comment}</p>`.markup).to.equal(
      '<p title="&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;y&#39;">&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;y&#39;</p>',
    );
    expect(html`<ul>${['a<', 'b'].map((x) => html`<li>${x}</li>`)}</ul>${null}${false}${trusted('<svg/>')}`.markup).to.equal('<ul><li>a&lt;</li><li>b</li></ul><svg/>');
    expect(escapeHtml('a&b')).to.equal('a&amp;b');
  });

  it('writes DOT strings Graphviz reads back as they were', () => {
    expect(dotString('a "b" \\N\nc')).to.equal('"a \\"b\\" \\\\N\\nc"');
  });

  it('draws one ER node per table, linked to its page, and one edge per foreign key between key columns', () => {
    const dot = erDiagramDot(catalogOf([teams, fixtures, results]));
    expect(dot).to.include('"golden.teams" [URL="golden.teams.html", tooltip="golden.teams: Clubs \\"and\\" <national> teams"');
    expect(dot).to.include('<B>teams</B>');
    expect(dot).to.include('"golden.fixtures":"out home_team_id":e -> "golden.teams":"in team_id":w');
    expect(dot).to.include('+ 1 more column<');
    expect(dot).not.to.include('marts.results');
  });

  it('draws the lineage of every view from what it reads, sources outside the catalog unlinked', () => {
    const dot = lineageDot(catalogOf([teams, fixtures, results, table, relation('marts.orphan', { kind: 'view', view: results.view, reads: ['public.elsewhere'] })]));
    for (const edge of ['"golden.fixtures" -> "marts.results"', '"golden.teams" -> "marts.results"', '"marts.results" -> "marts.table"', '"public.elsewhere" -> "marts.orphan"']) {
      expect(dot).to.include(edge);
    }
    expect(dot).to.include('"marts.table" [label="table", URL="marts.table.html"');
    expect(dot).to.match(/"public\.elsewhere" \[label="elsewhere", tooltip="public\.elsewhere", fillcolor/);
  });

  it("offers to filter a view on the columns that are keys or indexes of the tables it reads, through other views", () => {
    const catalog = catalogOf([teams, fixtures, results, table]);
    expect(filterColumns(catalog, results)).to.deep.equal(['fixture_id', 'season']);
    expect(filterColumns(catalog, table)).to.deep.equal(['season', 'team_id']);
  });

  it('shows a check condition without its enclosing parentheses only', () => {
    expect(unwrapParentheses('((a >= 0))')).to.equal('a >= 0');
    expect(unwrapParentheses('(a IS NULL) = (b IS NULL)')).to.equal('(a IS NULL) = (b IS NULL)');
    expect(unwrapParentheses("(x <> ')(')")).to.equal("x <> ')('");
  });

  it('names pages so that no relation name leads outside the site', () => {
    expect(relationPage('golden.fixtures')).to.equal('golden.fixtures.html');
    expect(relationPage('.x/../y z')).to.equal('~2ex~2f..~2fy~20z.html');
    expect(columnLink('marts.t', 'a b')).to.equal('marts.t.html#column-a%20b');
  });

  it('serves only files inside the site folder', () => {
    const root = path.resolve('/site');
    expect(fileFor(root, '/')).to.equal(path.join(root, 'index.html'));
    expect(fileFor(root, '/golden.fixtures.html?x=1#c')).to.equal(path.join(root, 'golden.fixtures.html'));
    expect(fileFor(root, '/%2e%2e/etc/passwd')).to.equal(path.join(root, 'etc', 'passwd'));
    expect(fileFor(root, '/..%2fetc')).to.equal(null);
    expect(fileFor(root, '/a%00b')).to.equal(null);
  });
});
