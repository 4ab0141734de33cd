import fs from 'node:fs';
import path from 'node:path';

/**
 * The real recorded API-Football responses, copied into the repository with their provenance and
 * licence (test/fixtures/api-football/PROVENANCE.md), so a clone tests alone.
 */
export const SAMPLES_DIR = path.resolve(__dirname, '../fixtures/api-football');

export interface SampleFile {
  /** path relative to SAMPLES_DIR, e.g. `extra/venues__….json` */
  file: string;
  body: { get: string; errors: unknown; parameters: Record<string, string> | []; response: unknown[] } & Record<string, unknown>;
}

/** Every sample, top folder then `extra/`. */
export function readSamples(): SampleFile[] {
  return [SAMPLES_DIR, path.join(SAMPLES_DIR, 'extra')].flatMap((dir) =>
    fs
      .readdirSync(dir)
      .filter((name) => name.endsWith('.json'))
      .map((name) => ({ file: path.relative(SAMPLES_DIR, path.join(dir, name)), body: JSON.parse(fs.readFileSync(path.join(dir, name), 'utf8')) })),
  );
}

/** One sample by file name (looked up in the top folder, then `extra/`). */
export function readSample(name: string): SampleFile['body'] {
  const direct = path.join(SAMPLES_DIR, name);
  const file = fs.existsSync(direct) ? direct : path.join(SAMPLES_DIR, 'extra', name);
  return JSON.parse(fs.readFileSync(file, 'utf8'));
}
