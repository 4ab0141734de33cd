/**
 * How every command ends: print the error's message (not a stack trace, unless QUANTFOOT_DEBUG),
 * set the exit code of CONTRACT.md, and exit, which also stops the embedded server if we started it.
 */
import { exitCodeOf } from '../errors';

export function runHandler<A>(fn: (args: A) => Promise<number | void>): (args: A) => Promise<void> {
  return async (args: A) => {
    let code = 0;
    try {
      code = (await fn(args)) ?? 0;
    } catch (err) {
      code = exitCodeOf(err);
      const message = err instanceof Error ? err.message : String(err);
      process.stderr.write(`quantfoot: ${message}\n`);
      if (process.env.QUANTFOOT_DEBUG && err instanceof Error) process.stderr.write(`${err.stack}\n`);
    }
    process.exit(code);
  };
}
