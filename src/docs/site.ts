/**
 * `quantfoot docs --out DIR`: reads the live database, draws the pictures, renders every page and
 * writes the site into DIR, with every script and style it needs, so DIR/index.html opens from disk.
 *
 * DIR may be new, empty, or a site this wrote before (it keeps a list of its files there): a rebuild
 * removes the pages of objects that are gone, and a folder of other files is refused, never emptied.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Knex } from 'knex';
import { migrationsDirFromEnv } from '../db/paths';
import { ConfigError } from '../errors';
import { readCatalog } from './catalog';
import { drawPictures } from './graphs';
import { readMigrationHistory } from './history';
import { ASSETS_DIR, PAGES, relationPage } from './links';
import { indexPage, migrationsPage, objectPage, trustPage, type SiteContent } from './pages';
import { searchIndexScript } from './search';
import { readTrust } from './trust';

/** The list of files a build wrote, which marks the folder as a site the next build may rewrite. */
export const MANIFEST = '.quantfoot-docs.json';

const OWN_ASSETS = path.join(__dirname, 'assets');
// The browser build of MiniSearch (UMD: a plain <script> defines window.MiniSearch), found from the
// package's CommonJS entry because its exports map hides the dist folder.
const MINISEARCH_DIST = path.resolve(path.dirname(require.resolve('minisearch')), '..');

export interface BuiltSite {
  dir: string;
  pages: number;
  relations: number;
}

export async function buildSite(knex: Knex, outDir: string, options: { migrationsDir?: string; now?: Date } = {}): Promise<BuiltSite> {
  const dir = path.resolve(outDir);
  const previous = previousFiles(dir);
  const catalog = await readCatalog(knex);
  const content: SiteContent = {
    catalog,
    pictures: await drawPictures(catalog),
    history: await readMigrationHistory(knex, options.migrationsDir ?? migrationsDirFromEnv()),
    trust: await readTrust(knex),
    builtAt: options.now ?? new Date(),
  };

  const files = new Map<string, string | Buffer>([
    [PAGES.index, indexPage(content)],
    [PAGES.migrations, migrationsPage(content)],
    [PAGES.trust, trustPage(content)],
    [PAGES.erDiagram, content.pictures.erDiagram],
    [PAGES.lineage, content.pictures.lineage],
    [`${ASSETS_DIR}/style.css`, fs.readFileSync(path.join(OWN_ASSETS, 'style.css'))],
    [`${ASSETS_DIR}/search.js`, fs.readFileSync(path.join(OWN_ASSETS, 'search.js'))],
    [`${ASSETS_DIR}/minisearch.js`, fs.readFileSync(path.join(MINISEARCH_DIST, 'umd', 'index.js'))],
    [`${ASSETS_DIR}/minisearch.LICENSE.txt`, fs.readFileSync(path.join(MINISEARCH_DIST, '..', 'LICENSE.txt'))],
    [`${ASSETS_DIR}/search-index.js`, searchIndexScript(catalog)],
  ]);
  for (const relation of catalog.relations.values()) files.set(relationPage(relation.id), objectPage(catalog, relation));

  for (const [file, data] of files) {
    fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    fs.writeFileSync(path.join(dir, file), data);
  }
  for (const stale of previous) if (!files.has(stale)) fs.rmSync(path.join(dir, stale), { force: true });
  fs.writeFileSync(path.join(dir, MANIFEST), `${JSON.stringify([...files.keys()].sort(), null, 2)}\n`);
  return { dir, pages: [...files.keys()].filter((f) => f.endsWith('.html')).length, relations: catalog.relations.size };
}

/** What the last build wrote in `dir` ([] for a new or empty folder); refuses a folder of other files. */
function previousFiles(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  if (!fs.statSync(dir).isDirectory()) throw new ConfigError(`--out ${dir} is a file, not a folder`);
  const manifest = path.join(dir, MANIFEST);
  if (fs.existsSync(manifest)) {
    const listed: unknown = JSON.parse(fs.readFileSync(manifest, 'utf8'));
    // Only plain names of files inside the site: an edited list must not make a rebuild delete elsewhere.
    return Array.isArray(listed) ? listed.filter((f): f is string => typeof f === 'string' && !path.isAbsolute(f) && !f.split(/[\\/]/).includes('..')) : [];
  }
  if (fs.readdirSync(dir).length > 0) {
    throw new ConfigError(`--out ${dir} is a folder of other files (no ${MANIFEST} from an earlier build): choose a new or empty folder`);
  }
  return [];
}
