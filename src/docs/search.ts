/**
 * The search box's index: one document per table, view and column, indexed here with MiniSearch
 * and written as a script (pages opened from disk may not fetch a JSON file), which the page's copy
 * of MiniSearch loads as it is: the browser does no indexing.
 */
import MiniSearch, { type Options } from 'minisearch';
import type { Catalog } from './catalog';
import { columnLink, relationPage } from './links';

interface SearchDocument {
  id: string;
  /** table, view, column… */
  kind: string;
  /** schema.relation or schema.relation.column: what the result shows first. */
  name: string;
  type: string;
  comment: string;
  url: string;
}

/** Plain data only: the page passes the same options to MiniSearch.loadJS. */
const SEARCH_OPTIONS: Options<SearchDocument> = {
  fields: ['name', 'comment'],
  storeFields: ['kind', 'name', 'type', 'comment', 'url'],
  searchOptions: { boost: { name: 3 }, prefix: true, fuzzy: 0.15, combineWith: 'AND' },
};

/** Result lines show the start of a comment; the rest is on the object's page. */
const STORED_COMMENT_LENGTH = 140;

export function searchDocuments(catalog: Catalog): SearchDocument[] {
  const documents: SearchDocument[] = [];
  for (const relation of catalog.relations.values()) {
    documents.push({ id: relation.id, kind: relation.kind, name: relation.id, type: '', comment: relation.comment ?? '', url: relationPage(relation.id) });
    for (const column of relation.columns) {
      documents.push({
        id: `${relation.id}.${column.name}`,
        kind: 'column',
        name: `${relation.id}.${column.name}`,
        type: column.type,
        comment: column.comment ?? '',
        url: columnLink(relation.id, column.name),
      });
    }
  }
  return documents;
}

/** The JavaScript of assets/search-index.js: sets window.QUANTFOOT_SEARCH = { options, index }. */
export function searchIndexScript(catalog: Catalog): string {
  const index = new MiniSearch<SearchDocument>(SEARCH_OPTIONS);
  index.addAll(searchDocuments(catalog));
  const stored = index.toJSON();
  for (const fields of Object.values(stored.storedFields)) {
    const comment = fields?.comment;
    if (typeof comment === 'string' && comment.length > STORED_COMMENT_LENGTH) fields!.comment = `${comment.slice(0, STORED_COMMENT_LENGTH - 1)}…`;
  }
  // JSON inside a <script> file: escaping `<` keeps a comment holding "</script>" or "<!--" inert
  // even if this file is ever inlined into a page.
  const data = JSON.stringify({ options: SEARCH_OPTIONS, index: stored }).replace(/</g, '\\u003c');
  return `window.QUANTFOOT_SEARCH = ${data};\n`;
}
