/** A benchmark figure: what was measured, its value, and the reference it is read against (same run). */
export interface Figure {
  /** key in bench/results/latest.json, e.g. `load.loader_rows_per_s` */
  key: string;
  label: string;
  value: number;
  unit: string;
  /** what the value is compared with, measured in the same run: its value and what it is */
  reference?: { value: number; label: string };
  /** value / reference (or the inverse when `lowerIsBetter`), the figure to read on a noisy machine */
  ratio?: number;
  goal?: string;
}

export function ratioOf(value: number, reference: number): number {
  return reference === 0 ? Number.NaN : value / reference;
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

export async function seconds(fn: () => Promise<unknown>): Promise<number> {
  const t0 = process.hrtime.bigint();
  await fn();
  return Number(process.hrtime.bigint() - t0) / 1e9;
}

const round = (n: number) => (Math.abs(n) >= 100 ? n.toFixed(0) : Math.abs(n) >= 1 ? n.toFixed(2) : n.toFixed(3));

export function formatFigures(figures: readonly Figure[]): string {
  const header = ['figure', 'value', 'reference (same run)', 'ratio', 'goal'];
  const cells = figures.map((f) => [
    f.label,
    `${round(f.value)} ${f.unit}`,
    f.reference ? `${round(f.reference.value)} (${f.reference.label})` : '-',
    f.ratio === undefined ? '-' : `${round(f.ratio)}x`,
    f.goal ?? '',
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i]!.length)));
  const line = (c: string[]) => c.map((x, i) => (i === 1 || i === 3 ? x.padStart(widths[i]!) : x.padEnd(widths[i]!))).join('  ');
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...cells.map(line)].join('\n');
}

/** `{"load": {"loader_rows_per_s": …}, …}`: every figure's value under its key. */
export function figuresJson(figures: readonly Figure[], meta: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, Record<string, number>> = {};
  for (const f of figures) {
    const [section, name] = f.key.split('.') as [string, string];
    (out[section] ??= {})[name] = Number(f.value.toFixed(4));
  }
  return { ...meta, ...out };
}
