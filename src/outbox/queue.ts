// The outbox store as the delivery worker uses it. The store itself (table OutboxMessage) belongs to the
// host: src/store/outbox.ts; this port lets the worker be tested with an in-memory queue as well.
import type { Channel } from "../messages/message.ts";

/** One stored reply, e.g. `{ id: 7, channel: "telegram", chatId: "12345", payload: "{...}", attempts: 0 }`. */
export interface OutboxRow {
  id: number;
  channel: string;
  chatId: string;
  /** JSON of an OutboundMessage (or the parsed object). */
  payload: unknown;
  attempts: number;
}

/** What the worker needs from the outbox store. */
export interface OutboxQueue {
  /** Pending rows of `channel` whose next attempt is due at `now`, oldest first; none while an older row of its chat waits. */
  claimDue(channel: Channel, now: Date, limit: number): Promise<OutboxRow[]>;
  markSent(id: number, at: Date): Promise<void>;
  /** Counts a failed attempt; `permanent` ends the row's life (FAILED, never retried). */
  markFailed(id: number, error: string, permanent: boolean): Promise<void>;
  /** Counts a failed attempt and sets the next one to `at`. */
  reschedule(id: number, at: Date, error: string): Promise<void>;
}
