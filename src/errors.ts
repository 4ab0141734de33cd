/**
 * Errors typed by what the caller should do (STYLE.md, after the Singer SDK): each carries the
 * process exit code of CONTRACT.md, so command handlers map any error to an exit code in one place.
 */
export const EXIT = { ok: 0, failure: 1, usage: 2, quota: 75 } as const;

export class QuantfootError extends Error {
  readonly exitCode: number = EXIT.failure;
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
  }
}

/** Bad usage or configuration (missing key, unreachable or malformed DATABASE_URL): fix, then re-run. */
export class ConfigError extends QuantfootError {
  override readonly exitCode = EXIT.usage;
}

/** The API's daily quota (or the --max-calls budget) is spent: safe to re-run later, it resumes. */
export class QuotaStopError extends QuantfootError {
  override readonly exitCode = EXIT.quota;
}

export function exitCodeOf(err: unknown): number {
  return err instanceof QuantfootError ? err.exitCode : EXIT.failure;
}
