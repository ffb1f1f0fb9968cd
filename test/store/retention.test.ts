// Retention: delivered replies and inbound records older than the window go; everything else stays.
import { describe, expect, it } from "vitest";
import { pruneOldRows } from "../../src/store/retention.ts";
import { storeCases } from "../support/stores.ts";

const DAY = 86_400_000;

describe.each(storeCases())("retention on $name", ({ open }) => {
  it("deletes done outbox rows and inbound records older than the window, and nothing else", async () => {
    const { db } = await open();
    const now = new Date("2026-06-01T00:00:00Z");
    const ago = (days: number) => new Date(now.getTime() - days * DAY);
    const row = (text: string, status: "PENDING" | "SENT" | "FAILED", days: number) => ({
      channel: "telegram",
      chatId: "42",
      payload: JSON.stringify({ text }),
      status,
      createdAt: ago(days),
      nextAttemptAt: ago(days),
      sentAt: status === "SENT" ? ago(days) : null,
    });
    await db.outboxMessage.createMany({
      data: [
        row("old sent", "SENT", 40),
        row("old failed", "FAILED", 40),
        row("old but still pending", "PENDING", 40),
        row("recent sent", "SENT", 5),
      ],
    });
    await db.inboundMessage.createMany({
      data: Array.from({ length: 2500 }, (_, i) => ({
        channel: "web",
        externalId: `old-${i}`,
        chatId: "u1",
        kind: "text",
        receivedAt: ago(31),
      })).concat([{ channel: "web", externalId: "new", chatId: "u1", kind: "text", receivedAt: ago(1) }]),
    });
    await db.conversation.create({ data: { channel: "web", chatId: "u1", state: "{}", version: 2 } });

    expect(await pruneOldRows(db, 30, now)).toEqual({ outbox: 2, inbound: 2500 });
    const left = await db.outboxMessage.findMany({ orderBy: { id: "asc" } });
    expect(left.map((r) => (JSON.parse(r.payload) as { text: string }).text)).toEqual([
      "old but still pending",
      "recent sent",
    ]);
    expect((await db.inboundMessage.findMany()).map((r) => r.externalId)).toEqual(["new"]);
    expect(await db.conversation.count()).toBe(1);
    // A second run finds nothing more.
    expect(await pruneOldRows(db, 30, now)).toEqual({ outbox: 0, inbound: 0 });
    await db.$disconnect();
  });
});
