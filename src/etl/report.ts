/**
 * What a run shows while it works: a progress bar per stream on a terminal, JSON lines otherwise
 * (or with --log-format json), and a summary table at the end.
 */
import cliProgress from 'cli-progress';
import { printable } from '../text';
import type { RunStats } from './stats';

export interface Reporter {
  stream(name: string, expectedCalls?: number): void;
  progress(stream: string, p: { calls: number; rows: number; rejects: number }): void;
  log(line: string): void;
  done(): void;
}

export function createReporter(format: 'pretty' | 'json', out: NodeJS.WriteStream = process.stderr): Reporter {
  if (format === 'json') {
    const emit = (o: object) => out.write(`${JSON.stringify({ time: new Date().toISOString(), ...o })}\n`);
    return {
      stream: (name, expectedCalls) => emit({ event: 'stream', stream: name, expectedCalls: expectedCalls ?? null }),
      progress: (stream, p) => emit({ event: 'progress', stream, ...p }),
      log: (line) => emit({ event: 'log', message: printable(line) }),
      done: () => undefined,
    };
  }
  const bars = new cliProgress.MultiBar(
    { stream: out, format: '{stream} |{bar}| {value}/{total} calls  {rows} rows  {rejects} rejected', hideCursor: true, clearOnComplete: false },
    cliProgress.Presets.shades_classic,
  );
  let current: { name: string; bar: cliProgress.SingleBar; calls: number; start: number } | null = null;
  return {
    stream(name, expectedCalls) {
      if (current) current.bar.setTotal(Math.max(current.bar.getTotal(), current.calls));
      current = { name, bar: bars.create(expectedCalls ?? 1, 0, { stream: name.padEnd(15), rows: 0, rejects: 0 }), calls: 0, start: -1 };
    },
    progress(stream, p) {
      if (!current || current.name !== stream) return;
      if (current.start < 0) current.start = p.calls - 1;
      current.calls = p.calls - current.start;
      if (current.calls > current.bar.getTotal()) current.bar.setTotal(current.calls);
      current.bar.update(current.calls, { rows: p.rows, rejects: p.rejects });
    },
    log(line) {
      bars.log(`${printable(line)}\n`);
    },
    done() {
      bars.stop();
    },
  };
}

export function summaryTable(stats: RunStats): string {
  const header = ['table', 'inserted', 'updated', 'unchanged', 'deleted', 'rejected'];
  const rows = [...stats.tables].sort(([a], [b]) => a.localeCompare(b)).map(([t, c]) => [t, c.inserted, c.updated, c.unchanged, c.deleted, c.rejected].map(String));
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}
