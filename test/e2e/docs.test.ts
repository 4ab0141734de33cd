import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { expect } from 'chai';
import { chromium, type Browser, type Page } from 'playwright-core';
import { PROJECT_ROOT } from '../../src/db/paths';
import { quantfoot } from '../support/cli';
import { testServerKind, useFreshDatabase } from '../support/db';

/** Debian's chromium, which .ci/run installs with apt-get when it is missing. */
const CHROMIUM = '/usr/bin/chromium';
// The machine has no network: without these Chromium waits on the services it calls at start.
const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const ARTIFACTS = path.join(PROJECT_ROOT, 'test-artifacts');
const SITE = path.join(ARTIFACTS, 'docs-site');
const SCREENSHOT = path.join(ARTIFACTS, 'docs-index.png');
// A comment as hostile as a comment can be: it must reach the page as text, never as markup.
const HOSTILE_COMMENT = `Referee <script>window.injected = true</script><img src=x onerror="window.injected = true"> & "quoted" 'text'`;

describe(`quantfoot docs: the static site of the demo database, in headless Chromium (${testServerKind()} server)`, () => {
  const ctx = useFreshDatabase('docs_e2e', { migrate: true });
  const env = () => ({ DATABASE_URL: ctx.db.url });
  let browser: Browser;
  let page: Page;
  const requests: string[] = [];
  const pageErrors: string[] = [];

  before(async function () {
    this.timeout(120_000);
    if (!fs.existsSync(CHROMIUM)) {
      throw new Error(`${CHROMIUM} is missing: the docs test needs Debian's chromium (apt-get install chromium; .ci/run installs it)`);
    }
    const demo = await quantfoot(['demo'], env());
    expect(demo.code, demo.stderr).to.equal(0);
    await ctx.db.knex.raw(`comment on column golden.fixtures.referee is ${ctx.db.knex.raw('?', [HOSTILE_COMMENT]).toQuery()}`);
    fs.rmSync(SITE, { recursive: true, force: true });
    const built = await quantfoot(['docs', '--out', SITE], env());
    expect(built.code, built.stderr).to.equal(0);
    expect(built.stdout).to.match(/^docs written: \d+ pages/);
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
    page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    page.on('request', (r) => requests.push(r.url()));
    page.on('pageerror', (e) => pageErrors.push(e.message));
    await page.goto(`file://${SITE}/index.html`);
  });
  after(async () => browser?.close());

  /** Tables, or views plain and materialized (information_schema lists no materialized view). */
  async function names(schema: string, kind: 'BASE TABLE' | 'VIEW'): Promise<string[]> {
    const rows: Array<{ table_name: string }> = await ctx.db.knex('information_schema.tables').where({ table_schema: schema, table_type: kind }).select('table_name');
    if (kind === 'VIEW') {
      const { rows: materialized } = await ctx.db.knex.raw<{ rows: Array<{ table_name: string }> }>("select matviewname as table_name from pg_matviews where schemaname = ?", [schema]);
      rows.push(...materialized);
    }
    return rows.map((r) => `${schema}.${r.table_name}`).sort();
  }

  it('the index lists every golden table and every mart view, each linked to its page, and is saved as a screenshot', async () => {
    const listed = async (schema: string) => (await page.$$eval(`#schema-${schema} table a`, (links) => links.map((a) => a.getAttribute('href')))).sort();
    const golden = await names('golden', 'BASE TABLE');
    const marts = await names('marts', 'VIEW');
    expect(golden).to.include.members(['golden.fixtures', 'golden.teams', 'golden.standings']);
    expect(marts).to.include.members(['marts.league_table', 'marts.top_scorers']);
    expect(await listed('golden')).to.deep.equal(golden.map((t) => `${t}.html`));
    expect(await listed('marts')).to.deep.equal(marts.map((v) => `${v}.html`));
    fs.mkdirSync(ARTIFACTS, { recursive: true });
    await page.screenshot({ path: SCREENSHOT });
    expect(fs.statSync(SCREENSHOT).size).to.be.greaterThan(10_000);
  });

  it('the ER diagram and the lineage graph are drawn SVG, one linked node per golden table and per mart view', async () => {
    const nodes = (section: string) =>
      page.$$eval(`#${section} svg g.node`, (gs) =>
        gs.map((g) => ({ name: g.querySelector('title')?.textContent ?? '', href: g.querySelector('a')?.getAttribute('xlink:href') ?? null, width: g.getBoundingClientRect().width })),
      );
    const er = await nodes('er-diagram');
    expect(er.map((n) => n.name).sort()).to.deep.equal(await names('golden', 'BASE TABLE'));
    expect(await page.$$eval('#er-diagram svg g.edge', (edges) => edges.length)).to.be.greaterThan(20);
    const lineage = await nodes('lineage');
    const marts = await names('marts', 'VIEW');
    expect(lineage.map((n) => n.name)).to.include.members([...marts, 'golden.fixtures', 'golden.teams']);
    for (const node of [...er, ...lineage]) {
      expect(node.width, node.name).to.be.greaterThan(10);
      expect(node.href, node.name).to.equal(`${node.name}.html`);
    }
    const box = await page.$eval('#lineage svg', (svg) => svg.getBoundingClientRect());
    expect(box.width * box.height).to.be.greaterThan(100_000);
  });

  it("a view's node in the lineage opens its page: columns to filter on, what it reads, its SQL", async () => {
    await page.click('#lineage svg a[*|href="marts.league_table.html"]');
    await page.waitForURL(/marts\.league_table\.html$/);
    expect(await page.textContent('h1')).to.include('marts.league_table');
    expect(await page.$$eval('table.columns tbody tr', (rows) => rows.map((r) => r.id))).to.include.members(['column-points', 'column-team_id']);
    expect(await page.textContent('main')).to.match(/Filter on:\s*league_id, season/);
    expect(await page.$$eval('main a', (links) => links.map((a) => a.getAttribute('href')))).to.include.members(['golden.fixtures.html', 'marts.team_matches.html']);
    expect(await page.textContent('pre')).to.include('create view marts.league_table');
    await page.goBack();
    await page.click('#schema-marts a[href="marts.top_scorers.html"]');
    await page.waitForURL(/marts\.top_scorers\.html$/);
    expect(await page.textContent('h1')).to.include('marts.top_scorers');
  });

  it('the search box finds a column and Enter opens the first hit', async () => {
    await page.fill('#search', 'referee_country');
    await page.waitForSelector('#search-results a');
    const hits = await page.$$eval('#search-results a', (links) => links.map((a) => a.getAttribute('href')));
    expect(hits).to.include('golden.fixtures.html#column-referee_country');
    await page.press('#search', 'Enter');
    await page.waitForURL((url) => url.href.endsWith(`/${hits[0]}`));
    expect(await page.textContent('#column-referee_country')).to.include('referee_country');
  });

  it('comments from the database appear as text, never as markup; no request leaves the folder', async () => {
    await page.goto(`file://${SITE}/golden.fixtures.html`);
    expect(await page.textContent('#column-referee')).to.include(HOSTILE_COMMENT);
    expect(await page.evaluate(() => (globalThis as { injected?: boolean }).injected)).to.equal(undefined);
    expect(await page.$$('main img')).to.have.length(0);
    expect(pageErrors).to.deep.equal([]);
    expect(requests.filter((url) => !url.startsWith(`file://${SITE}/`))).to.deep.equal([]);
    for (const other of ['migrations.html', 'tests-and-runs.html']) {
      await page.goto(`file://${SITE}/${other}`);
      expect(await page.$$('main table tbody tr'), other).to.have.length.greaterThan(1);
    }
    expect(await page.textContent('main')).to.include('standings_reconcile').and.include('Premier League');
  });

  it('docs --serve --port 0 serves the same site on 127.0.0.1 and stops on SIGTERM', async () => {
    const child = spawn(process.execPath, [path.join(PROJECT_ROOT, 'bin', 'quantfoot.js'), 'docs', '--serve', '--port', '0', '--out', SITE], {
      env: { ...process.env, ...env() },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    const exited = new Promise<number | null>((resolve) => child.on('close', resolve));
    try {
      const firstLine = await new Promise<string>((resolve, reject) => {
        child.stdout.on('data', (d) => {
          stdout += d;
          if (stdout.includes('\n')) resolve(stdout.slice(0, stdout.indexOf('\n')));
        });
        void exited.then((code) => reject(new Error(`docs --serve exited ${code} before serving: ${stderr}`)));
      });
      const url = /^docs served at (http:\/\/127\.0\.0\.1:\d+\/)$/.exec(firstLine)?.[1];
      expect(url, firstLine).to.be.a('string');
      for (const file of ['', 'index.html']) {
        const response = await fetch(`${url}${file}`);
        expect(response.status, file).to.equal(200);
        expect(response.headers.get('content-type')).to.include('text/html');
        expect(await response.text()).to.include('id="er-diagram"');
      }
      expect((await fetch(`${url}assets/search-index.js`)).status).to.equal(200);
      expect((await fetch(`${url}%2e%2e/package.json`)).status).to.equal(404);
    } finally {
      child.kill('SIGTERM');
    }
    expect(await exited, stderr).to.equal(0);
  });

  it('a bad --port, or --port without --serve, exits 2 naming the option', async () => {
    const cases = [['--serve', '--port', '70000'], ['--serve', '--port', 'abc'], ['--serve', '--port', '80.5'], ['--port', '8081']];
    const results = await Promise.all(cases.map((args) => quantfoot(['docs', '--out', SITE, ...args], env())));
    results.forEach((res, i) => {
      expect(res.code, cases[i]!.join(' ')).to.equal(2);
      expect(res.stderr, cases[i]!.join(' ')).to.match(/--port (must be a port number from 0 to 65535|goes with --serve)/);
    });
  });

  it('refuses to write into a folder of other files, and leaves it as it was', async () => {
    const folder = path.join(ARTIFACTS, 'not-a-docs-site');
    fs.rmSync(folder, { recursive: true, force: true });
    fs.mkdirSync(folder, { recursive: true });
    fs.writeFileSync(path.join(folder, 'notes.txt'), 'mine\n');
    const res = await quantfoot(['docs', '--out', folder], env());
    expect(res.code).to.equal(2);
    expect(res.stderr).to.include('is a folder of other files');
    expect(fs.readdirSync(folder)).to.deep.equal(['notes.txt']);
  });
});
