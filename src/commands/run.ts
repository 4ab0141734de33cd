/**
 * How every command ends: print the error's message (not a stack trace, unless QUANTFOOT_DEBUG),
 * set the exit code of CONTRACT.md, and exit, which also stops the embedded server if we started it.
 */
import { explainDatabaseError } from '../db/connection';
import { exitCodeOf } from '../errors';
import { printable } from '../text';

export function runHandler<A>(fn: (args: A) => Promise<number | void>): (args: A) => Promise<void> {
  return async (args: A) => {
    let code = 0;
    try {
      code = (await fn(args)) ?? 0;
    } catch (caught) {
      const err = explainDatabaseError(caught);
      code = exitCodeOf(err);
      const message = err instanceof Error ? err.message : String(err);
      // Messages quote what servers said: shown escaped, never as terminal control sequences.
      process.stderr.write(`quantfoot: ${printable(message, { multiline: true })}\n`);
      if (process.env.QUANTFOOT_DEBUG && err instanceof Error) process.stderr.write(`${printable(err.stack ?? '', { multiline: true })}\n`);
    }
    process.exit(code);
  };
}
