/**
 * Fault injection: `500:0.1,timeout:0.02,truncate:0.02,ratelimit:0.05,slow:200ms`. Each switch is
 * `name:probability`; `slow` takes a delay applied to every response (`slow:200ms`) or to a share
 * of them (`slow:0.1@2s`). Whether request n fails is drawn from a stream seeded by the dataset
 * seed and n, so a failing run replays exactly.
 */
import { ConfigError } from '../errors';
import { Rng } from './dataset/random';

/** 500, 499: `{"message":...}` bodies without envelope; 429: a gateway refusal; timeout: never
 * answers; reset: destroys the socket; truncate: half the body; ratelimit: an `errors.rateLimit`. */
export const FAULT_KINDS = ['500', '499', '429', 'timeout', 'reset', 'truncate', 'ratelimit'] as const;
export type FaultKind = (typeof FAULT_KINDS)[number];

export interface FaultSpec {
  /** Exclusive failures, each with its probability (their sum at most 1). */
  failures: { kind: FaultKind; probability: number }[];
  slow: { probability: number; delayMs: number } | null;
}

export const NO_FAULTS: FaultSpec = { failures: [], slow: null };

export function parseFaults(text: string | undefined): FaultSpec {
  const spec: FaultSpec = { failures: [], slow: null };
  for (const item of (text ?? '').split(',').map((s) => s.trim()).filter((s) => s !== '')) {
    const [name, value = ''] = item.split(/:(.*)/s, 2);
    if (name === 'slow') {
      const [probability, delay] = value.includes('@') ? value.split('@') : ['1', value];
      spec.slow = { probability: parseProbability(item, probability), delayMs: parseDuration(item, delay) };
    } else if ((FAULT_KINDS as readonly string[]).includes(name)) {
      spec.failures.push({ kind: name as FaultKind, probability: parseProbability(item, value) });
    } else {
      throw new ConfigError(`unknown fault "${name}" in --faults (known: ${[...FAULT_KINDS, 'slow'].join(', ')})`);
    }
  }
  if (spec.failures.reduce((sum, f) => sum + f.probability, 0) > 1) throw new ConfigError('fault probabilities add up to more than 1');
  return spec;
}

function parseProbability(item: string, text: string): number {
  const p = Number(text);
  if (text === '' || !Number.isFinite(p) || p < 0 || p > 1) throw new ConfigError(`fault "${item}": probability must be between 0 and 1`);
  return p;
}

function parseDuration(item: string, text: string): number {
  const match = /^(\d+(?:\.\d+)?)(ms|s)?$/.exec(text);
  if (match === null) throw new ConfigError(`fault "${item}": delay must look like 200ms or 2s`);
  return Number(match[1]) * (match[2] === 's' ? 1000 : 1);
}

export interface FaultDraw {
  failure: FaultKind | null;
  delayMs: number;
}

/** The fault of the `n`-th request (counting from 1). */
export function drawFault(spec: FaultSpec, seed: number, n: number): FaultDraw {
  const rng = Rng.of(seed, 'fault', n);
  let u = rng.next();
  let failure: FaultKind | null = null;
  for (const f of spec.failures) {
    if (u < f.probability) {
      failure = f.kind;
      break;
    }
    u -= f.probability;
  }
  const slow = spec.slow !== null && rng.next() < spec.slow.probability;
  return { failure, delayMs: slow && spec.slow !== null ? spec.slow.delayMs : 0 };
}
