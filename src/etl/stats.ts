/** Per-table counts of one run: what was inserted, updated, left alone, deleted, rejected. */
export interface TableCounts {
  inserted: number;
  updated: number;
  unchanged: number;
  deleted: number;
  rejected: number;
}

export function emptyCounts(): TableCounts {
  return { inserted: 0, updated: 0, unchanged: 0, deleted: 0, rejected: 0 };
}

export class RunStats {
  readonly tables = new Map<string, TableCounts>();

  add(table: string, counts: Partial<TableCounts>): void {
    const current = this.tables.get(table) ?? emptyCounts();
    for (const [k, v] of Object.entries(counts) as Array<[keyof TableCounts, number]>) current[k] += v;
    this.tables.set(table, current);
  }

  /** Rows written (inserted + updated + deleted) over all tables. */
  written(): number {
    let n = 0;
    for (const c of this.tables.values()) n += c.inserted + c.updated + c.deleted;
    return n;
  }

  total(field: keyof TableCounts): number {
    let n = 0;
    for (const c of this.tables.values()) n += c[field];
    return n;
  }
}
