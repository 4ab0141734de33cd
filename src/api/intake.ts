/**
 * From the bytes of a response to a value that is safe to validate, store and load.
 *
 * JSON.parse accepts what PostgreSQL cannot hold (a NUL in a string, a lone UTF-16 surrogate such as
 * `"\ud800"`: `jsonb` and `text` refuse both) and what recursive code cannot walk (an unknown field
 * nested 100,000 levels deep overflows JSON.stringify, structuredClone and every validator). The
 * intake walks the parsed value once, without recursion, replaces each such value by a harmless one
 * (U+FFFD, or a short marker for a subtree that nests too deep) and reports where it did, so that:
 * - the validator rejects the smallest item that held one (one bad value, one reject);
 * - raw landing stores the sanitised value as `jsonb` and the exact bytes beside it (nothing lost);
 * - replay, which runs the stored bytes through the same intake, loads exactly what the live run did.
 */
import type { BodyProblem } from '../schemas';

/** Far deeper than any API-Football item (standings rows are 7 levels down), far from any stack limit. */
export const MAX_DEPTH = 64;

export interface Intake {
  /** the parsed body, sanitised in place */
  value: unknown;
  problems: BodyProblem[];
  /** the bytes were not valid UTF-8 (decoding replaced some with U+FFFD) */
  lossyText: boolean;
}

declare global {
  interface String {
    isWellFormed(): boolean;
    toWellFormed(): string;
  }
}

/** The body as text, and whether decoding lost bytes that were not UTF-8. */
export function decodeBody(bytes: Buffer): { text: string; lossy: boolean } {
  const text = bytes.toString('utf8');
  return { text, lossy: text.includes('\uFFFD') && !Buffer.from(text, 'utf8').equals(bytes) };
}

/** Parses JSON text; undefined when it is not JSON (a truncated body, an HTML error page). */
export function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/** Sanitises a freshly parsed value in place (it must be the caller's own) and says what it changed. */
export function inspectParsed(parsed: unknown, lossyText = false): Intake {
  const problems: BodyProblem[] = [];
  const root = { value: parsed };
  const stack: Array<{ holder: Record<string, unknown> | unknown[]; key: string | number; pointer: string; depth: number }> = [
    { holder: root as Record<string, unknown>, key: 'value', pointer: '', depth: 0 },
  ];
  while (stack.length > 0) {
    const { holder, key, pointer, depth } = stack.pop()!;
    const value = (holder as Record<string | number, unknown>)[key];
    if (typeof value === 'string') {
      const reason = stringProblem(value);
      if (reason) {
        (holder as Record<string | number, unknown>)[key] = safeString(value);
        problems.push({ pointer, reason });
      }
      continue;
    }
    if (typeof value !== 'object' || value === null) continue;
    if (depth >= MAX_DEPTH) {
      (holder as Record<string | number, unknown>)[key] = `[removed by QuantFoot: nested deeper than ${MAX_DEPTH} levels]`;
      problems.push({ pointer, reason: `nests deeper than ${MAX_DEPTH} levels` });
      continue;
    }
    if (Array.isArray(value)) {
      for (let i = value.length - 1; i >= 0; i--) stack.push({ holder: value, key: i, pointer: `${pointer}/${i}`, depth: depth + 1 });
      continue;
    }
    const object = value as Record<string, unknown>;
    for (const name of Object.keys(object).reverse()) {
      let safeName = name;
      const reason = stringProblem(name);
      if (reason) {
        safeName = uniqueName(object, safeString(name));
        object[safeName] = object[name];
        delete object[name];
        problems.push({ pointer: `${pointer}/${escapePointer(safeName)}`, reason: `has a property name that ${reason}` });
      }
      stack.push({ holder: object, key: safeName, pointer: `${pointer}/${escapePointer(safeName)}`, depth: depth + 1 });
    }
  }
  return { value: root.value, problems: problems.sort((a, b) => (a.pointer < b.pointer ? -1 : a.pointer > b.pointer ? 1 : 0)), lossyText };
}

/** Why PostgreSQL could not store this string, or null. */
function stringProblem(text: string): string | null {
  if (text.includes('\u0000')) return 'contains U+0000 (NUL), which PostgreSQL text cannot hold';
  if (!text.isWellFormed()) return 'contains a lone UTF-16 surrogate, which is not Unicode text';
  return null;
}

function safeString(text: string): string {
  return text.replace(/\u0000/g, '\uFFFD').toWellFormed();
}

function uniqueName(object: Record<string, unknown>, name: string): string {
  let candidate = name;
  for (let n = 2; Object.hasOwn(object, candidate); n++) candidate = `${name}#${n}`;
  return candidate;
}

function escapePointer(step: string): string {
  return step.replace(/~/g, '~0').replace(/\//g, '~1');
}

/** One line for raw landing: why `body` is not a faithful copy of the bytes kept beside it. */
export function intakeNote(intake: Pick<Intake, 'problems' | 'lossyText'>): string | null {
  const parts: string[] = [];
  if (intake.lossyText) parts.push('the bytes were not valid UTF-8 (invalid sequences read as U+FFFD)');
  if (intake.problems.length > 0) {
    const shown = intake.problems.slice(0, 5).map((p) => `${p.pointer || '/'} ${p.reason}`);
    const more = intake.problems.length > 5 ? `; and ${intake.problems.length - 5} more` : '';
    parts.push(`${intake.problems.length} value(s) replaced: ${shown.join('; ')}${more}`);
  }
  return parts.length > 0 ? parts.join('; ') : null;
}
