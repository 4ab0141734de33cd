/**
 * The two pictures of the site, written as Graphviz DOT from the catalog and laid out by Graphviz
 * itself (compiled to WebAssembly, so nothing to install): the ER diagram of the golden tables, one
 * box per table listing its key columns and one edge per foreign key; and the lineage of the marts,
 * one edge per relation a view reads. Every node links to its object's page; the SVG is drawn at
 * build time, so the pages need no script to show it.
 */
import { Graphviz } from '@hpcc-js/wasm-graphviz';
import { VIEWS_SCHEMA } from '../db/views';
import { GOLDEN_SCHEMA, isTable, type Catalog, type Relation } from './catalog';
import { relationPage } from './links';

const FONT = 'Helvetica';
const COLORS = { table: '#dbe7f3', tableHeader: '#1f4e79', view: '#e3f1df', viewBorder: '#3b7a2a', outside: '#eeeeee', edge: '#555555' };

/** A DOT double-quoted string: Graphviz reads `\` as the start of its own escapes (\N, \l), so it is doubled. */
export function dotString(text: string): string {
  return `"${text.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\r?\n/g, '\\n')}"`;
}

/** Text inside a DOT HTML-like label, which Graphviz parses as XML. */
function labelText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

function tooltip(relation: Relation): string {
  return relation.comment ? `${relation.id}: ${relation.comment}` : relation.id;
}

/** The golden tables and their foreign keys; a table shows the columns of its keys and how many others it has. */
export function erDiagramDot(catalog: Catalog, schema = GOLDEN_SCHEMA): string {
  const tables = [...catalog.relations.values()].filter((r) => r.schema === schema && isTable(r));
  const shown = new Set(tables.map((t) => t.id));
  const referenced = new Map<string, Set<string>>();
  for (const table of tables) {
    for (const fk of table.constraints) {
      if (fk.references && shown.has(fk.references.relation)) {
        const columns = referenced.get(fk.references.relation) ?? new Set<string>();
        fk.references.columns.forEach((c) => columns.add(c));
        referenced.set(fk.references.relation, columns);
      }
    }
  }
  const lines = [
    'digraph er {',
    // The root graph's id prefixes every id Graphviz writes, so two pictures inline in one page share none.
    `  graph [id="er", rankdir=LR, ranksep=0.9, nodesep=0.25, fontname=${dotString(FONT)}, bgcolor="transparent"];`,
    `  node [shape=plain, fontname=${dotString(FONT)}, fontsize=11];`,
    `  edge [color=${dotString(COLORS.edge)}, dir=both, arrowtail=crow, arrowhead=tee, arrowsize=0.7];`,
  ];
  for (const table of tables) {
    const primary = new Set(table.constraints.find((c) => c.kind === 'primary key')?.columns ?? []);
    const foreign = new Set(table.constraints.filter((c) => c.kind === 'foreign key').flatMap((c) => c.columns));
    const keyColumns = table.columns.filter((c) => primary.has(c.name) || foreign.has(c.name) || referenced.get(table.id)?.has(c.name));
    const rows = keyColumns.map((c) => {
      const marks = [primary.has(c.name) ? 'PK' : '', foreign.has(c.name) ? 'FK' : ''].filter(Boolean).join(' ');
      return `<TR><TD ALIGN="LEFT" PORT="${labelText(inPort(c.name))}">${labelText(c.name)}</TD><TD ALIGN="RIGHT" PORT="${labelText(outPort(c.name))}"><FONT COLOR="#555555">${marks}</FONT></TD></TR>`;
    });
    const others = table.columns.length - keyColumns.length;
    if (others > 0) rows.push(`<TR><TD ALIGN="LEFT" COLSPAN="2"><FONT COLOR="#666666"><I>+ ${others} more column${others === 1 ? '' : 's'}</I></FONT></TD></TR>`);
    const label =
      `<<TABLE BORDER="0" CELLBORDER="1" CELLSPACING="0" CELLPADDING="3" BGCOLOR="${COLORS.table}">` +
      `<TR><TD COLSPAN="2" BGCOLOR="${COLORS.tableHeader}"><FONT COLOR="white"><B>${labelText(table.name)}</B></FONT></TD></TR>${rows.join('')}</TABLE>>`;
    lines.push(`  ${dotString(table.id)} [URL=${dotString(relationPage(table.id))}, tooltip=${dotString(tooltip(table))}, label=${label}];`);
  }
  for (const table of tables) {
    for (const fk of table.constraints) {
      if (!fk.references || !shown.has(fk.references.relation)) continue;
      const from = `${dotString(table.id)}:${dotString(outPort(fk.columns[0]!))}:e`;
      const to = `${dotString(fk.references.relation)}:${dotString(inPort(fk.references.columns[0]!))}:w`;
      const what = `${fk.name}: ${table.name} (${fk.columns.join(', ')}) → ${fk.references.relation} (${fk.references.columns.join(', ')})`;
      lines.push(`  ${from} -> ${to} [tooltip=${dotString(what)}];`);
    }
  }
  lines.push('}');
  return lines.join('\n');
}

// Tables referencing others are laid out to their left (rankdir=LR): a foreign key leaves its
// column's right-hand cell and reaches the referenced column's left-hand cell, crossing no text.
function outPort(column: string): string {
  return `out ${column}`;
}

function inPort(column: string): string {
  return `in ${column}`;
}

/** The views of `schema`, each with an edge from every relation it reads; sources grouped by schema. */
export function lineageDot(catalog: Catalog, schema = VIEWS_SCHEMA): string {
  const views = [...catalog.relations.values()].filter((r) => r.schema === schema && r.view);
  const sources = new Set(views.flatMap((v) => v.reads));
  const nodes = new Map<string, Relation | null>();
  for (const id of sources) nodes.set(id, catalog.relations.get(id) ?? null);
  for (const view of views) nodes.set(view.id, view);
  const bySchema = new Map<string, string[]>();
  for (const id of nodes.keys()) {
    const owner = id.slice(0, id.indexOf('.'));
    bySchema.set(owner, [...(bySchema.get(owner) ?? []), id]);
  }
  const lines = [
    'digraph lineage {',
    `  graph [id="lineage", rankdir=LR, ranksep=1.1, nodesep=0.2, fontname=${dotString(FONT)}, bgcolor="transparent"];`,
    `  node [shape=box, style="rounded,filled", fontname=${dotString(FONT)}, fontsize=11, margin="0.12,0.04"];`,
    `  edge [color=${dotString(COLORS.edge)}, arrowsize=0.6];`,
  ];
  for (const [owner, ids] of [...bySchema].sort(([a], [b]) => (a === schema ? 1 : b === schema ? -1 : a.localeCompare(b)))) {
    lines.push(`  subgraph ${dotString(`cluster_${owner}`)} {`, `    label=${dotString(owner)}; style="rounded,dashed"; color="#999999"; fontcolor="#555555";`);
    for (const id of ids.sort()) {
      const relation = nodes.get(id);
      const name = id.slice(owner.length + 1);
      if (!relation) {
        lines.push(`    ${dotString(id)} [label=${dotString(name)}, tooltip=${dotString(id)}, fillcolor=${dotString(COLORS.outside)}];`);
        continue;
      }
      const look = relation.view ? `fillcolor=${dotString(COLORS.view)}, color=${dotString(COLORS.viewBorder)}` : `fillcolor=${dotString(COLORS.table)}, color=${dotString(COLORS.tableHeader)}`;
      lines.push(`    ${dotString(id)} [label=${dotString(name)}, URL=${dotString(relationPage(id))}, tooltip=${dotString(tooltip(relation))}, ${look}];`);
    }
    lines.push('  }');
  }
  for (const view of views) for (const source of view.reads) lines.push(`  ${dotString(source)} -> ${dotString(view.id)};`);
  lines.push('}');
  return lines.join('\n');
}

export interface Pictures {
  erDiagram: string;
  lineage: string;
}

export async function drawPictures(catalog: Catalog): Promise<Pictures> {
  const graphviz = await Graphviz.load();
  return { erDiagram: graphviz.dot(erDiagramDot(catalog)), lineage: graphviz.dot(lineageDot(catalog)) };
}

/** An SVG document as an element to put inside a page: no XML prolog, doctype or comments before it. */
export function inlineSvg(svg: string): string {
  return svg.slice(svg.indexOf('<svg'));
}
