/**
 * HTML that is escaped unless it says otherwise. Comments, SQL, check conditions and error texts come
 * from the database and may hold `<`, `&` or quotes; in an `html` template every interpolated value is
 * escaped, and only an `Html` value (another template, or `trusted` markup such as an SVG Graphviz
 * drew) goes in as it is, so forgetting to escape is not possible by accident.
 */
export class Html {
  constructor(readonly markup: string) {}
  toString(): string {
    return this.markup;
  }
}

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ENTITIES[c]!);
}

/** Markup produced by our own code from escaped parts, taken as it is. */
export function trusted(markup: string): Html {
  return new Html(markup);
}

/** Values: Html as is; arrays joined; null, undefined and false as nothing; anything else escaped. */
export function html(strings: TemplateStringsArray, ...values: unknown[]): Html {
  let out = strings[0]!;
  values.forEach((value, i) => {
    out += render(value) + strings[i + 1]!;
  });
  return new Html(out);
}

function render(value: unknown): string {
  if (value instanceof Html) return value.markup;
  if (Array.isArray(value)) return value.map(render).join('');
  if (value === null || value === undefined || value === false) return '';
  return escapeHtml(String(value));
}
