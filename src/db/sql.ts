/** SQL text helpers for statements that take no bind parameters (COMMENT ON, CREATE VIEW). */

/** A double-quoted SQL identifier (a table, column or constraint name). */
export function ident(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

/** A single-quoted SQL string literal. */
export function sqlLiteral(text: string): string {
  return `'${text.replace(/'/g, "''")}'`;
}

/**
 * SQL text to run through knex.raw as it is: knex reads every `?` as a placeholder, even inside a
 * string or in jsonb's `?` operator, and `\?` is its escape for a literal one.
 */
export function withoutPlaceholders(sql: string): string {
  return sql.replace(/\?/g, '\\?');
}
