// The one place where the CLI turns an error into what the user reads: one line on stderr, exit code 1.
// A Refusal (bad input, a bad DATABASE_URL, a file that cannot be imported) already says what to fix; any
// other failure (the database is unreachable, a bug) adds where to look. DEBUG=1 prints the stack as well.
import { isRefusal } from "../refusal.ts";

/** Writes the line for `error` to stderr and returns the exit code. */
export function reportError(error: unknown, env: NodeJS.ProcessEnv = process.env): number {
  const message = error instanceof Error ? error.message : String(error);
  const hint = isRefusal(error) || env.DEBUG ? "" : " (run again with DEBUG=1 to see where it failed)";
  console.error(`musrenbang: ${message}${hint}`);
  if (env.DEBUG) console.error(error);
  return 1;
}
