// One error type for everything a user asked for that cannot be done as asked (a bad import row, a status
// change the lifecycle forbids, a proposal outside the officer's area, too many wrong passwords). Like
// Hono's HTTPException it carries its HTTP status; the message is what the user reads, in Indonesian where
// a resident or officer reads it. HTTP maps it to a response in one place, the CLI to one line and exit 1.
// Anything else that is thrown is an infrastructure failure: logged with its cause, answered with a 500.

/** The statuses a refusal may carry: 400 bad input, 401/403 not allowed, 404 not found (or not yours), ... */
export type RefusalStatus = 400 | 401 | 403 | 404 | 405 | 409 | 413 | 415 | 422 | 429;

/**
 * A refusal, e.g. `throw new Refusal(400, "Alasan penolakan wajib diisi.")` or
 * `new Refusal(429, "Terlalu banyak percobaan. Coba lagi dalam 5 menit.", { retryAfterSeconds: 300 })`.
 */
export class Refusal extends Error {
  readonly retryAfterSeconds?: number;

  constructor(
    readonly status: RefusalStatus,
    message: string,
    options: { retryAfterSeconds?: number; cause?: unknown } = {},
  ) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = "Refusal";
    if (options.retryAfterSeconds !== undefined) this.retryAfterSeconds = options.retryAfterSeconds;
  }
}

/** True for a refusal, also one thrown by another copy of this module (tests load modules twice). */
export function isRefusal(error: unknown): error is Refusal {
  return error instanceof Refusal || (error instanceof Error && error.name === "Refusal" && "status" in error);
}
