/** What every page of the site shares: the header with its search box, the list of objects, formats. */
import type { Catalog, RowCount } from './catalog';
import { html, type Html } from './html';
import { ASSETS_DIR, PAGES, relationPage } from './links';

export type Section = 'index' | 'migrations' | 'trust' | 'object';

export interface PageInput {
  title: string;
  section: Section;
  body: Html;
  /** The object list beside the content, with this object highlighted. */
  side?: { catalog: Catalog; current?: string };
}

export function page({ title, section, body, side }: PageInput): string {
  const navLink = (href: string, label: string, here: boolean) => html`<a href="${href}"${here ? html` aria-current="page"` : ''}>${label}</a>`;
  return html`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title} · QuantFoot docs</title>
<link rel="stylesheet" href="${ASSETS_DIR}/style.css">
</head>
<body>
<header class="top">
  <a class="brand" href="${PAGES.index}">QuantFoot docs</a>
  <nav>
    ${navLink(PAGES.index, 'Overview', section === 'index')}
    ${navLink(`${PAGES.index}#er-diagram`, 'ER diagram', false)}
    ${navLink(`${PAGES.index}#lineage`, 'Lineage', false)}
    ${navLink(PAGES.migrations, 'Migrations', section === 'migrations')}
    ${navLink(PAGES.trust, 'Tests & runs', section === 'trust')}
  </nav>
  <div class="search">
    <input id="search" type="search" placeholder="Search tables, views, columns…" autocomplete="off" spellcheck="false" aria-label="Search tables, views and columns">
    <ul id="search-results" hidden></ul>
  </div>
</header>
<div class="page">
${side ? objectList(side.catalog, side.current) : ''}
<main>
${body}
</main>
</div>
<script src="${ASSETS_DIR}/minisearch.js"></script>
<script src="${ASSETS_DIR}/search-index.js"></script>
<script src="${ASSETS_DIR}/search.js"></script>
</body>
</html>
`.markup;
}

function objectList(catalog: Catalog, current: string | undefined): Html {
  return html`<nav class="side" aria-label="Tables and views">${catalog.schemas.map(
    (schema) => html`<h4>${schema.name}</h4><ul>${schema.relations.map(
      (r) => html`<li><a href="${relationPage(r.id)}"${r.id === current ? html` aria-current="page"` : ''}>${r.name}</a></li>`,
    )}</ul>`,
  )}</nav>`;
}

export function kindBadge(kind: string): Html {
  return html`<span class="kind kind-${kind.replace(/\W+/g, '-')}">${kind}</span>`;
}

export function statusBadge(status: string, label = status): Html {
  return html`<span class="status status-${status.replace(/\W+/g, '-')}">${label}</span>`;
}

/** `2026-11-29 23:48:17 UTC`: one zone for every reader of a shared site. */
export function formatTime(time: Date | null): string {
  return time ? `${time.toISOString().slice(0, 19).replace('T', ' ')} UTC` : '—';
}

export function formatNumber(n: number): string {
  return n.toLocaleString('en-US');
}

export function formatRowCount(count: RowCount | null): string {
  if (!count) return '—';
  return `${count.estimated ? '≈' : ''}${formatNumber(count.rows)}`;
}

/** How old `from` was at `to`, in the unit a reader takes in at a glance: 12 min, 5.5 h, 3.2 days. */
export function formatAge(from: Date, to: Date): string {
  const minutes = (to.getTime() - from.getTime()) / 60_000;
  if (minutes < 60) return `${Math.max(0, Math.round(minutes))} min`;
  if (minutes < 48 * 60) return `${(minutes / 60).toFixed(1)} h`;
  return `${(minutes / 1440).toFixed(1)} days`;
}
