/** SQL text helpers for statements that take no bind parameters (COMMENT ON, CREATE VIEW). */

/** A single-quoted SQL string literal. */
export function sqlLiteral(text: string): string {
  return `'${text.replace(/'/g, "''")}'`;
}
