/**
 * The pages of the site, each a function from what was read to HTML: the overview (the pictures and
 * every object), one page per table or view, the migration history, and the tests and runs.
 */
import { VIEWS_SCHEMA } from '../db/views';
import { filterColumns, GOLDEN_SCHEMA, isTable, type Catalog, type Column, type Constraint, type Relation } from './catalog';
import { inlineSvg, type Pictures } from './graphs';
import type { AppliedMigration, MigrationHistory } from './history';
import { html, trusted, type Html } from './html';
import { formatAge, formatNumber, formatRowCount, formatTime, kindBadge, page, statusBadge } from './layout';
import { columnAnchor, columnLink, PAGES, relationPage } from './links';
import type { Trust } from './trust';

export interface SiteContent {
  catalog: Catalog;
  pictures: Pictures;
  history: MigrationHistory;
  trust: Trust;
  builtAt: Date;
}

function relationLink(catalog: Catalog, id: string): Html {
  return catalog.relations.has(id) ? html`<a href="${relationPage(id)}"><code>${id}</code></a>` : html`<code>${id}</code>`;
}

export function indexPage(content: SiteContent): string {
  const { catalog, pictures, trust, history, builtAt } = content;
  const golden = catalog.schemas.find((s) => s.name === GOLDEN_SCHEMA)?.relations.filter(isTable) ?? [];
  const marts = catalog.schemas.find((s) => s.name === VIEWS_SCHEMA)?.relations.filter((r) => r.view) ?? [];
  const goldenRows = golden.reduce((n, t) => n + (t.rowCount?.rows ?? 0), 0);
  const failing = trust.tests.filter((t) => t.status === 'fail' || t.status === 'error').length;
  const lastCheck = trust.tests.reduce<Date | null>((latest, t) => (!latest || t.checkedAt > latest ? t.checkedAt : latest), null);
  const lastLoad = trust.leagueSeasons.reduce<Date | null>((latest, ls) => (ls.lastSuccessAt && (!latest || ls.lastSuccessAt > latest) ? ls.lastSuccessAt : latest), null);
  const body = html`
<h1>QuantFoot golden source</h1>
<p class="lead">Database <code>${catalog.database}</code> on PostgreSQL ${catalog.serverVersion}, documented from its catalog on ${formatTime(builtAt)}.
The golden tables hold the API-Football data as loaded; the marts are the views analysts query. Every name links to its page, and the search box above finds any table, view or column.</p>
<ul class="facts">
  <li><strong>${golden.length}</strong> golden tables</li>
  <li><strong>${marts.length}</strong> mart views</li>
  <li><strong>${formatNumber(goldenRows)}</strong> golden rows</li>
  <li${failing ? html` class="alert"` : ''}><a href="${PAGES.trust}">${trust.tests.length === 0 ? 'no data test results yet' : html`<strong>${trust.tests.length - failing}/${trust.tests.length}</strong> data tests pass`}</a>${lastCheck ? html` <span class="muted">(checked ${formatTime(lastCheck)})</span>` : ''}</li>
  <li><a href="${PAGES.trust}">${lastLoad ? html`last load <strong>${formatAge(lastLoad, builtAt)}</strong> ago` : 'nothing loaded yet'}</a></li>
  <li><a href="${PAGES.migrations}"><strong>${history.applied.length}</strong> migrations applied</a></li>
</ul>

<section id="er-diagram">
<h2>The golden tables (ER diagram)</h2>
<p>One box per table with its key columns (<span class="key">PK</span> primary key, <span class="key">FK</span> foreign key); one line per foreign key, from the referencing column (crow's foot) to the referenced one. Click a table to open its page, or <a href="${PAGES.erDiagram}">open the diagram on its own</a>.</p>
<div class="diagram er-diagram">${trusted(inlineSvg(pictures.erDiagram))}</div>
</section>

<section id="lineage">
<h2>Lineage of the marts</h2>
<p>Which tables and views each mart view reads, from PostgreSQL's dependency catalog: <span class="kind kind-table">table</span> on the left, <span class="kind kind-view">view</span> on the right. Click one to open it, or <a href="${PAGES.lineage}">open the graph on its own</a>.</p>
<div class="diagram lineage">${trusted(inlineSvg(pictures.lineage))}</div>
</section>

${catalog.schemas.map(
  (schema) => html`
<section id="schema-${schema.name}">
<h2>Schema <code>${schema.name}</code></h2>
${schema.comment ? html`<p>${schema.comment}</p>` : ''}
<table class="objects">
<thead><tr><th>Name</th><th>Kind</th><th class="number">Rows</th><th class="number">Columns</th><th>Comment</th></tr></thead>
<tbody>${schema.relations.map(
    (r) => html`<tr><td><a href="${relationPage(r.id)}"><code>${r.name}</code></a></td><td>${kindBadge(r.kind)}</td><td class="number">${formatRowCount(r.rowCount)}</td><td class="number">${r.columns.length}</td><td class="comment">${r.comment ?? ''}</td></tr>`,
  )}</tbody>
</table>
</section>`,
)}`;
  return page({ title: 'Overview', section: 'index', body });
}

export function objectPage(catalog: Catalog, relation: Relation): string {
  const readBy = [...catalog.relations.values()].filter((r) => r.reads.includes(relation.id)).map((r) => r.id);
  const incoming = [...catalog.relations.values()].flatMap((r) => r.constraints.filter((c) => c.references?.relation === relation.id).map((c) => ({ from: r, constraint: c })));
  const filters = relation.view ? filterColumns(catalog, relation) : [];
  const body = html`
<p class="muted"><a href="${PAGES.index}#schema-${relation.schema}">${relation.schema}</a> ›</p>
<h1><code>${relation.id}</code> ${kindBadge(relation.kind)}</h1>
${relation.comment ? html`<p class="lead">${relation.comment}</p>` : html`<p class="lead muted">No comment.</p>`}
<ul class="facts">
  ${relation.rowCount ? html`<li><strong>${formatRowCount(relation.rowCount)}</strong> rows${relation.rowCount.estimated ? ' (estimated)' : ''}</li>` : ''}
  <li><strong>${relation.columns.length}</strong> columns</li>
  ${relation.view ? html`<li>reads <strong>${relation.reads.length}</strong></li>` : ''}
  <li>read by <strong>${readBy.length}</strong> view${readBy.length === 1 ? '' : 's'}</li>
</ul>
${filters.length ? html`
<p><strong>Filter on:</strong> ${filters.map((c, i) => html`${i ? ', ' : ''}<a href="#${columnAnchor(c)}"><code>${c}</code></a>`)}
<span class="muted">: columns that are a key or an index of a table this view reads, so a <code>where</code> on them can use that index.</span></p>` : ''}

<h2>Columns</h2>
${columnsTable(catalog, relation, filters)}

${relation.constraints.length ? html`<h2>Constraints</h2>
<table><thead><tr><th>Name</th><th>Kind</th><th>Rule</th></tr></thead><tbody>${relation.constraints.map(
  (c) => html`<tr><td><code>${c.name}</code></td><td class="nowrap">${c.kind}</td><td class="wrap">${constraintRule(catalog, c)}${c.comment ? html`<br><span class="muted">${c.comment}</span>` : ''}</td></tr>`,
)}</tbody></table>` : ''}

${relation.indexes.length ? html`<h2>Indexes</h2>
<table><thead><tr><th>Name</th><th>Definition</th><th>Unique</th><th>Backs</th></tr></thead><tbody>${relation.indexes.map(
  (i) => html`<tr><td><code>${i.name}</code></td><td class="wrap"><code>${i.summary}</code></td><td>${i.unique ? 'unique' : ''}</td><td>${i.constraint ? html`<code>${i.constraint}</code>` : ''}</td></tr>`,
)}</tbody></table>` : ''}

${incoming.length ? html`<h2>Referenced by</h2>
<table><thead><tr><th>Table</th><th>Columns</th><th>Foreign key</th></tr></thead><tbody>${incoming.map(
  ({ from, constraint }) => html`<tr><td>${relationLink(catalog, from.id)}</td><td><code>${constraint.columns.join(', ')}</code></td><td><code>${constraint.name}</code></td></tr>`,
)}</tbody></table>` : ''}

${relation.view ? html`<h2>Reads</h2>
<p>${relation.reads.length ? relation.reads.map((id, i) => html`${i ? ', ' : ''}${relationLink(catalog, id)}`) : 'nothing (constants only)'}</p>` : ''}

${readBy.length ? html`<h2>Read by</h2>
<p>${readBy.map((id, i) => html`${i ? ', ' : ''}${relationLink(catalog, id)}`)}</p>` : ''}

${relation.view ? html`<h2>SQL</h2>
<p class="muted">${relation.view.file
  ? html`<code>${relation.view.file}</code> as applied on ${formatTime(relation.view.appliedAt)} (sha256 <code>${relation.view.checksum}</code>).`
  : 'As PostgreSQL prints the definition (no file under views/ was recorded for it).'}</p>
<pre><code>${relation.view.sql.trim()}</code></pre>` : ''}`;
  return page({ title: relation.id, section: 'object', body, side: { catalog, current: relation.id } });
}

/**
 * A view's columns have no nullability of their own in the catalog (every one reads as nullable), so
 * a view's table shows instead which columns to filter on.
 */
function columnsTable(catalog: Catalog, relation: Relation, filters: readonly string[]): Html {
  const isView = relation.view !== null;
  const showDefaults = relation.columns.some((c) => c.default !== null);
  return html`<table class="columns">
<thead><tr><th class="number">#</th><th>Column</th><th>Type</th>${isView ? html`<th>Filter</th>` : html`<th>Null</th>`}${showDefaults ? html`<th>Default</th>` : ''}${isView ? '' : html`<th>Keys</th>`}<th>Comment</th></tr></thead>
<tbody>${relation.columns.map(
    (c, i) => html`<tr id="${columnAnchor(c.name)}"><td class="number muted">${i + 1}</td><td><code>${c.name}</code></td><td><code>${c.type}</code></td>${
      isView
        ? html`<td>${filters.includes(c.name) ? html`<span class="key">filter</span>` : ''}</td>`
        : html`<td class="nowrap">${c.nullable ? 'null' : html`<strong>not null</strong>`}</td>`
    }${showDefaults ? html`<td class="wrap">${c.default === null ? '' : html`<code>${c.default}</code>`}</td>` : ''}${
      isView ? '' : html`<td>${columnKeys(catalog, relation, c)}</td>`
    }<td class="comment">${c.comment ?? ''}</td></tr>`,
  )}</tbody>
</table>`;
}

function columnKeys(catalog: Catalog, relation: Relation, column: Column): Html[] {
  const keys: Html[] = [];
  for (const c of relation.constraints) {
    const at = c.columns.indexOf(column.name);
    if (at < 0) continue;
    if (c.kind === 'primary key') keys.push(html`<span class="key" title="${c.name}">PK</span>`);
    else if (c.kind === 'unique' && c.columns.length === 1) keys.push(html`<span class="key" title="${c.name}">unique</span>`);
    else if (c.kind === 'foreign key' && c.references) {
      const target = c.references.relation;
      const targetColumn = c.references.columns[at]!;
      const href = catalog.relations.has(target) ? columnLink(target, targetColumn) : null;
      keys.push(html`<span class="key" title="${c.name}">FK</span>${href ? html`<a href="${href}">` : ''}<code>${target}.${targetColumn}</code>${href ? html`</a>` : ''} `);
    }
  }
  return keys;
}

function constraintRule(catalog: Catalog, c: Constraint): Html {
  switch (c.kind) {
    case 'primary key':
    case 'unique':
      return c.definition.includes('NULLS NOT DISTINCT') ? html`<code>${c.definition}</code>` : html`<code>${c.columns.join(', ')}</code>`;
    case 'foreign key': {
      const ref = c.references!;
      const actions = [ref.onDelete && `on delete ${ref.onDelete}`, ref.onUpdate && `on update ${ref.onUpdate}`, !c.validated && 'not validated'].filter(Boolean).join(', ');
      return html`<code>(${c.columns.join(', ')})</code> → ${relationLink(catalog, ref.relation)} <code>(${ref.columns.join(', ')})</code>${actions ? html`, ${actions}` : ''}`;
    }
    case 'check':
      return html`<code>${c.condition ?? c.definition}</code>${c.validated ? '' : ', not validated'}`;
    default:
      return html`<code>${c.definition}</code>`;
  }
}

const CHECKSUM_STATUS: Record<AppliedMigration['status'], { label: string; meaning: string }> = {
  recorded: { label: 'matches its record', meaning: 'the sha256 recorded when it was applied; the file in migrations/ still has it' },
  edited: { label: 'file changed', meaning: 'the file in migrations/ no longer has the sha256 recorded when it was applied' },
  file: { label: 'file now', meaning: 'no checksum was recorded when it was applied: the sha256 of the file as it is now' },
  'no file': { label: 'file missing', meaning: 'no file of this name in migrations/' },
  'views state': { label: 'views state', meaning: 'a state of views/: the checksum of each view is on its page' },
};

export function migrationsPage(content: SiteContent): string {
  const { history } = content;
  const body = html`
<h1>Migration history</h1>
<p class="lead">The migrations applied to this database, oldest first, from knex's <code>knex_migrations</code> table. ${
    history.recorded
      ? html`Checksums are those recorded in <code>etl.migration_checksums</code> when each migration was applied, compared with the file in <code>migrations/</code> now.`
      : html`knex records no checksum: each is the sha256 of the file in <code>migrations/</code> as it is now (line endings made <code>\\n</code>).`
  } Names ending in <code>_views_NNNN</code> are states of the views of <code>views/</code>, applied by the same migrator.</p>
${history.applied.length === 0 ? html`<p>No migration applied yet: run <code>quantfoot db migrate</code>.</p>` : html`
<table>
<thead><tr><th class="number">#</th><th>Migration</th><th class="number">Batch</th><th>Applied</th><th>sha256</th><th>Checksum</th></tr></thead>
<tbody>${history.applied.map(
    (m, i) => html`<tr><td class="number muted">${i + 1}</td><td><code>${m.name}</code></td><td class="number">${m.batch}</td><td class="nowrap">${formatTime(m.appliedAt)}</td><td class="wrap"><code>${m.sha256 ?? ''}</code></td><td>${statusBadge(m.status, CHECKSUM_STATUS[m.status].label)}${m.recordedAt ? html`<br><span class="muted">recorded ${formatTime(m.recordedAt)}</span>` : ''}</td></tr>`,
  )}</tbody>
</table>
<dl class="legend">${[...new Set(history.applied.map((m) => m.status))].map((status) => html`<dt>${CHECKSUM_STATUS[status].label}</dt><dd>${CHECKSUM_STATUS[status].meaning}</dd>`)}</dl>`}`;
  return page({ title: 'Migrations', section: 'migrations', body });
}

export function trustPage(content: SiteContent): string {
  const { trust, builtAt } = content;
  const failing = trust.tests.filter((t) => t.status !== 'pass');
  const warned = trust.tests.filter((t) => t.status === 'warn').length;
  const body = html`
<h1>Tests, freshness and runs</h1>
<p class="lead">Whether to trust the data today: the latest result of each data test of <code>quantfoot check</code> (kept in <code>etl.check_results</code>), and for each league-season when it last loaded and its last runs (<code>etl.runs</code>). Times are UTC; ages are as of this site's build, ${formatTime(builtAt)}.</p>

<h2>Data tests</h2>
${trust.tests.length === 0 ? html`<p>No results yet: run <code>quantfoot check</code>.</p>` : html`
<p>${trust.tests.length - failing.length} of ${trust.tests.length} pass${warned ? `, ${warned} warn` : ''}. A failing test of severity warn is a warning; of severity error, a failure (<code>checks/README.md</code> says how to add a test).</p>
<table>
<thead><tr><th>Test</th><th>Status</th><th>Severity</th><th class="number">Failing rows</th><th>Checked</th><th>What it asserts</th></tr></thead>
<tbody>${trust.tests.map(
    (t) => html`<tr id="test-${t.name}"><td><code>${t.name}</code></td><td>${statusBadge(t.status)}</td><td>${t.severity}</td><td class="number">${formatNumber(t.failingRows)}</td><td class="nowrap">${formatTime(t.checkedAt)}</td><td>${t.describe ?? ''}</td></tr>`,
  )}</tbody>
</table>
${failing.filter((t) => t.sample).map((t) => html`<h3><code>${t.name}</code>: ${t.status === 'error' ? 'the error' : 'some failing rows'}</h3><pre><code>${t.sample}</code></pre>`)}`}

<h2>Freshness and runs per league-season</h2>
${trust.leagueSeasons.length === 0 ? html`<p>No league-season loaded yet: run <code>quantfoot etl run --league ID --season YEAR</code> (or <code>quantfoot demo</code>).</p>` : html`
<table>
<thead><tr><th>League</th><th class="number">Season</th><th>Last successful load</th><th>Run</th><th>Command</th><th>Status</th><th>Started</th><th>Finished</th><th class="number">API calls</th><th>Error</th></tr></thead>
<tbody>${trust.leagueSeasons.map((ls) =>
    ls.runs.map(
      (r, i) => html`<tr>${i === 0 ? html`<td rowspan="${ls.runs.length}">${ls.leagueName ?? ''} <span class="muted">(${ls.leagueId})</span></td><td class="number" rowspan="${ls.runs.length}">${ls.season}</td><td rowspan="${ls.runs.length}">${
        ls.lastSuccessAt ? html`${formatTime(ls.lastSuccessAt)}<br><span class="muted">${formatAge(ls.lastSuccessAt, builtAt)} before this build</span>` : 'never'
      }</td>` : ''}<td class="number">#${r.runId}</td><td>${r.command}</td><td>${statusBadge(r.status)}</td><td class="nowrap">${formatTime(r.startedAt)}</td><td class="nowrap">${formatTime(r.finishedAt)}</td><td class="number">${formatNumber(r.callsUsed)}</td><td class="wrap">${r.error ?? ''}</td></tr>`,
    ),
  )}</tbody>
</table>`}`;
  return page({ title: 'Tests & runs', section: 'trust', body });
}
