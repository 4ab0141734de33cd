/**
 * `quantfoot bench` (`npm run bench`): every benchmark, each figure beside the reference it is read
 * against, measured in the same run on the same server (the machine is shared and noisy: read the
 * ratios). Writes bench/results/latest.json. Figures, not tests: nothing here passes or fails.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PROJECT_ROOT } from '../src/db/paths';
import { callFigures, replayFigures } from './etl.bench';
import { figuresJson, formatFigures, type Figure } from './figures';
import { historyFigures } from './history.bench';
import { loadFigures } from './load.bench';
import { scaleFigures } from './scale.bench';
import { viewFigures } from './views.bench';

export const SECTIONS = {
  load: loadFigures,
  replay: replayFigures,
  calls: callFigures,
  scale: scaleFigures,
  views: viewFigures,
  history: historyFigures,
} as const;

export type Section = keyof typeof SECTIONS;

export const RESULTS_FILE = path.join(PROJECT_ROOT, 'bench', 'results', 'latest.json');

export async function runBenchmarks(serverUrl: string, sections: readonly Section[], log: (line: string) => void): Promise<Figure[]> {
  const figures: Figure[] = [];
  for (const section of sections) {
    log(`bench: ${section}…`);
    figures.push(...(await SECTIONS[section](serverUrl)));
  }
  return figures;
}

export function writeResults(figures: readonly Figure[], server: string, file = RESULTS_FILE): void {
  const meta = {
    measured_at: new Date().toISOString(),
    machine: { cpus: os.cpus().length, cpu: os.cpus()[0]?.model ?? 'unknown', memory_gb: Math.round(os.totalmem() / 2 ** 30), node: process.version },
    server,
  };
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, `${JSON.stringify(figuresJson(figures, meta), null, 2)}\n`);
}

export { formatFigures };
