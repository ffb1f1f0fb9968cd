// Stands in for the host: records every InboundMessage a channel produced.
import type { InboundHandler } from "../../src/messages/channel.ts";
import { InboundMessage } from "../../src/messages/message.ts";

export class RecordingHandler implements InboundHandler {
  received: InboundMessage[] = [];
  private waiters: { count: number; resolve: () => void }[] = [];
  /** Throw this on the next handle() (e.g. the database is down). */
  failNext: Error | undefined;

  async handle(inbound: InboundMessage): Promise<{ replies: []; expecting: null }> {
    // Whatever a channel produces must be a valid InboundMessage.
    this.received.push(InboundMessage.parse(inbound));
    for (const w of this.waiters.filter((w) => this.received.length >= w.count)) {
      this.waiters.splice(this.waiters.indexOf(w), 1);
      w.resolve();
    }
    const failure = this.failNext;
    this.failNext = undefined;
    if (failure) throw failure;
    return { replies: [], expecting: null };
  }

  /** Resolves with the n-th message (1-based) once it has arrived. */
  async nth(n: number, timeoutMs = 5000): Promise<InboundMessage> {
    if (this.received.length < n) {
      await new Promise<void>((resolve, reject) => {
        const timer = setTimeout(
          () => reject(new Error(`only ${this.received.length} of ${n} messages arrived`)),
          timeoutMs,
        );
        this.waiters.push({ count: n, resolve: () => (clearTimeout(timer), resolve()) });
      });
    }
    return this.received[n - 1]!;
  }
}
