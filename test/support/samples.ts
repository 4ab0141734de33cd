import fs from 'node:fs';
import path from 'node:path';

/** The real recorded API responses in ../shared (CI copies shared/ beside the clone). */
export const SAMPLES_DIR = path.resolve(__dirname, '../../../shared/api-football/samples');

export function readSample(name: string): { parameters: Record<string, string> | []; response: unknown[] } {
  const direct = path.join(SAMPLES_DIR, name);
  const file = fs.existsSync(direct) ? direct : path.join(SAMPLES_DIR, 'extra', name);
  return JSON.parse(fs.readFileSync(file, 'utf8'));
}
