// An in-memory OutboxQueue with the semantics of the OutboxMessage table, for worker tests without a database.
import type { OutboundMessage } from "../../src/messages/message.ts";
import type { OutboxQueue, OutboxRow } from "../../src/outbox/queue.ts";

export interface MemoryRow extends OutboxRow {
  status: "PENDING" | "SENT" | "FAILED";
  nextAttemptAt: number;
  lastError?: string;
}

export class MemoryQueue implements OutboxQueue {
  rows: MemoryRow[] = [];

  add(message: OutboundMessage, at = 0): number {
    const id = this.rows.length + 1;
    this.rows.push({
      id,
      channel: message.channel,
      chatId: message.chatId,
      payload: JSON.stringify(message),
      attempts: 0,
      status: "PENDING",
      nextAttemptAt: at,
    });
    return id;
  }

  /** Like src/store/outbox.ts: due rows, oldest first, none behind an older row of its chat that is not due; leased (hidden) for a minute. */
  async claimDue(channel: string, now: Date, limit: number): Promise<OutboxRow[]> {
    const pending = this.rows.filter((r) => r.channel === channel && r.status === "PENDING");
    const blocked = (r: MemoryRow) =>
      pending.some((o) => o.chatId === r.chatId && o.id < r.id && o.nextAttemptAt > now.getTime());
    const due = pending
      .filter((r) => r.nextAttemptAt <= now.getTime())
      .slice(0, limit)
      .filter((r) => !blocked(r));
    for (const r of due) r.nextAttemptAt = now.getTime() + 60_000;
    return due.map(({ id, channel, chatId, payload, attempts }) => ({ id, channel, chatId, payload, attempts }));
  }
  async markSent(id: number): Promise<void> {
    this.row(id).status = "SENT";
  }
  async markFailed(id: number, error: string, permanent: boolean): Promise<void> {
    const row = this.row(id);
    row.attempts++;
    row.lastError = error;
    if (permanent) row.status = "FAILED";
  }
  async reschedule(id: number, at: Date, error: string): Promise<void> {
    const row = this.row(id);
    row.attempts++;
    row.lastError = error;
    row.nextAttemptAt = at.getTime();
  }
  private row(id: number): MemoryRow {
    const row = this.rows.find((r) => r.id === id);
    if (!row) throw new Error(`no row ${id}`);
    return row;
  }
}
