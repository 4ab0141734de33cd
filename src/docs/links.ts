/**
 * Where each page of the site is, relative to the site's folder. Every page sits at the top level,
 * so one page links to another by its bare file name, from disk (file://) as from a server.
 */
export const PAGES = {
  index: 'index.html',
  migrations: 'migrations.html',
  trust: 'tests-and-runs.html',
  erDiagram: 'er-diagram.svg',
  lineage: 'lineage.svg',
} as const;

export const ASSETS_DIR = 'assets';

/**
 * `golden.fixtures` → `golden.fixtures.html`. Names PostgreSQL accepts only quoted (a slash, a
 * space, a leading dot) are spelt with hex escapes, so a name never makes a path outside the site.
 */
export function relationPage(id: string): string {
  return `${id.replace(/^\.|[^A-Za-z0-9_.-]/g, (c) => `~${c.codePointAt(0)!.toString(16)}`)}.html`;
}

export function columnAnchor(column: string): string {
  return `column-${encodeURIComponent(column)}`;
}

export function columnLink(relationId: string, column: string): string {
  return `${relationPage(relationId)}#${columnAnchor(column)}`;
}
