import { describe, expect, it } from "vitest";
import { pino } from "pino";
import { DeliveryError } from "../../src/messages/channel.ts";
import { createOutboxWorker, type OutboxOptions } from "../../src/outbox/worker.ts";
import { whatsappPolicy } from "../../src/outbox/rate-limit.ts";
import { FakeClock } from "./fake-clock.ts";
import { MemoryQueue } from "./memory-queue.ts";
import { RecordingSender } from "./recording-sender.ts";

const logger = pino({ level: "silent" });

function setup(channel: "telegram" | "whatsapp" = "telegram", extra: Partial<OutboxOptions> = {}) {
  const clock = new FakeClock();
  const queue = new MemoryQueue();
  const sender = new RecordingSender(channel, clock);
  const worker = createOutboxWorker({ queue, senders: [sender], logger, clock, random: () => 0.5, ...extra });
  const say = (chatId: string, text: string) => queue.add({ channel, chatId, text });
  /** Ticks every `stepMs` of fake time until nothing is pending (or the time is up). */
  async function drain(stepMs = 50, maxMs = 10 * 60_000) {
    for (let t = 0; t <= maxMs; t += stepMs) {
      await worker.tick();
      if (queue.rows.every((r) => r.status !== "PENDING")) return;
      clock.advance(stepMs);
    }
    throw new Error("outbox did not drain");
  }
  return { clock, queue, sender, worker, say, drain };
}

/** The most sends in any window of `windowMs` (sliding over the send times). */
function maxInWindow(times: number[], windowMs: number): number {
  const sorted = [...times].sort((a, b) => a - b);
  let best = 0;
  for (let i = 0; i < sorted.length; i++) {
    let j = i;
    while (j < sorted.length && sorted[j]! < sorted[i]! + windowMs) j++;
    best = Math.max(best, j - i);
  }
  return best;
}

describe("outbox worker", () => {
  it("holds Telegram's limits under a burst: 1/s per chat, 20/min per group, 30/s per bot, order kept", async () => {
    const { sender, say, drain } = setup("telegram");
    for (let i = 0; i < 30; i++) say("100", `private ${i}`);
    for (let i = 0; i < 45; i++) say("-1001", `group ${i}`);
    for (let c = 0; c < 120; c++) say(String(5000 + c), `fan-out ${c}`);
    await drain();

    expect(sender.sent).toHaveLength(30 + 45 + 120);
    const times = (chat: string) => sender.sent.filter((s) => s.chatId === chat).map((s) => s.at);
    const gaps = (ts: number[]) => ts.slice(1).map((t, i) => t - ts[i]!);
    expect(Math.min(...gaps(times("100")))).toBeGreaterThanOrEqual(1000);
    expect(Math.min(...gaps(times("-1001")))).toBeGreaterThanOrEqual(1000);
    expect(maxInWindow(times("-1001"), 60_000)).toBeLessThanOrEqual(20);
    expect(
      maxInWindow(
        sender.sent.map((s) => s.at),
        1000,
      ),
    ).toBeLessThanOrEqual(30);
    expect(sender.sent.filter((s) => s.chatId === "100").map((s) => s.text)).toEqual(
      Array.from({ length: 30 }, (_, i) => `private ${i}`),
    );
    // The group needs 45 messages at 20/min: a little over two minutes, no longer.
    const group = times("-1001");
    expect(group.at(-1)! - group[0]!).toBeLessThan(3 * 60_000);
  });

  it("holds WhatsApp's per-chat gap with jitter and the configurable global cap", async () => {
    const { sender, say, drain } = setup("whatsapp", {
      policies: { whatsapp: whatsappPolicy(10, 400) },
      random: () => 0.99,
    });
    for (let i = 0; i < 5; i++) say("6281@c.us", `a ${i}`);
    for (let c = 0; c < 20; c++) say(`62${c}@lid`, `b ${c}`);
    await drain();
    const a = sender.sent.filter((s) => s.chatId === "6281@c.us").map((s) => s.at);
    for (let i = 1; i < a.length; i++) expect(a[i]! - a[i - 1]!).toBeGreaterThanOrEqual(1000 + 396);
    expect(
      maxInWindow(
        sender.sent.map((s) => s.at),
        60_000,
      ),
    ).toBeLessThanOrEqual(10);
    expect(sender.sent).toHaveLength(25);
  });

  it("retries network errors and 5xx with growing delays, keeping the chat's later replies behind", async () => {
    const { clock, queue, sender, say, drain } = setup();
    const start = clock.now();
    say("100", "first");
    say("100", "second");
    sender.failures = [new DeliveryError("500: Internal Server Error", "transient"), new Error("ECONNRESET")];
    await drain();
    expect(sender.sent.map((s) => s.text)).toEqual(["first", "second"]);
    // attempt 1 fails at t0, attempt 2 after ~2 s fails, attempt 3 after ~4 s more succeeds.
    expect(sender.sent[0]!.at - start).toBeGreaterThanOrEqual(6000);
    expect(sender.sent[1]!.at - sender.sent[0]!.at).toBeGreaterThanOrEqual(1000);
    expect(queue.rows[0]).toMatchObject({ status: "SENT", attempts: 2, lastError: "ECONNRESET" });
  });

  it("honours retry_after of a 429 and marks permanent failures without retrying", async () => {
    const { clock, queue, sender, say, drain } = setup();
    const start = clock.now();
    say("100", "slow down");
    say("200", "blocked");
    sender.failures = [
      new DeliveryError("429: Too Many Requests", "rate_limited", 7000),
      new DeliveryError("403: Forbidden: bot was blocked by the user", "permanent"),
    ];
    await drain();
    expect(sender.sent).toEqual([{ chatId: "100", text: "slow down", at: start + 7000 }]);
    expect(queue.rows[1]).toMatchObject({ status: "FAILED", attempts: 1 });
  });

  it("gives up after the last attempt and records the error", async () => {
    const { queue, sender, say, drain } = setup("telegram", { retry: { baseMs: 10, maxMs: 100, maxAttempts: 3 } });
    say("100", "never");
    sender.failures = [new Error("down"), new Error("down"), new Error("down"), new Error("down")];
    await drain();
    expect(queue.rows[0]).toMatchObject({ status: "FAILED", attempts: 3, lastError: "down" });
    expect(sender.sent).toHaveLength(0);
  });

  it("waits without counting attempts while the channel is not ready", async () => {
    const { queue, sender, worker, say, clock } = setup("whatsapp");
    say("6281@c.us", "halo");
    sender.isReady = false;
    await worker.tick();
    clock.advance(60_000);
    await worker.tick();
    expect(queue.rows[0]).toMatchObject({ status: "PENDING", attempts: 0 });
    sender.isReady = true;
    await worker.tick();
    expect(sender.sent.map((s) => s.text)).toEqual(["halo"]);
  });

  it("delivers what was pending before a restart, once", async () => {
    const { clock, queue, sender, say } = setup();
    for (let i = 0; i < 3; i++) say("100", `reply ${i}`);
    const first = createOutboxWorker({ queue, senders: [sender], logger, clock });
    await first.tick(); // claims all three, sends "reply 0", then the process dies
    const second = createOutboxWorker({ queue, senders: [sender], logger, clock });
    // The dead process's claims hide the rows for the lease (a minute); then they go out, once each.
    for (let i = 0; i < 120; i++) {
      clock.advance(1000);
      await second.tick();
    }
    expect(sender.sent.map((s) => s.text)).toEqual(["reply 0", "reply 1", "reply 2"]);
    expect(queue.rows.map((r) => r.status)).toEqual(["SENT", "SENT", "SENT"]);
  });

  it("claims a reply once even when the limits keep it waiting longer than the claim lease", async () => {
    const { queue, sender, say, drain } = setup();
    for (let i = 0; i < 25; i++) say("-1001", `group ${i}`);
    await drain();
    expect(sender.sent).toHaveLength(25);
    expect(new Set(sender.sent.map((s) => s.text)).size).toBe(25);
    expect(queue.rows.every((r) => r.status === "SENT")).toBe(true);
  });

  it("sleeps exactly until the next reply may go", async () => {
    const { queue, sender, say, clock } = setup();
    const worker = createOutboxWorker({ queue, senders: [sender], logger, clock, pollMs: 60_000 });
    say("100", "satu");
    say("100", "dua");
    const done = worker.run();
    await new Promise((r) => setTimeout(r, 20));
    expect(sender.sent.map((s) => s.text)).toEqual(["satu"]);
    clock.advance(999);
    await new Promise((r) => setTimeout(r, 20));
    expect(sender.sent).toHaveLength(1);
    clock.advance(1);
    await new Promise((r) => setTimeout(r, 20));
    expect(sender.sent.map((s) => s.text)).toEqual(["satu", "dua"]);
    await worker.stop();
    await done;
  });

  it("runs in the background and stops cleanly", async () => {
    const { queue, sender, say, clock } = setup();
    const worker = createOutboxWorker({ queue, senders: [sender], logger, clock, pollMs: 1000 });
    say("100", "halo");
    const done = worker.run();
    await new Promise((r) => setTimeout(r, 20));
    expect(sender.sent.map((s) => s.text)).toEqual(["halo"]);
    say("100", "lagi");
    clock.advance(1000);
    await new Promise((r) => setTimeout(r, 20));
    expect(sender.sent.map((s) => s.text)).toEqual(["halo", "lagi"]);
    await worker.stop();
    await done;
  });
});
