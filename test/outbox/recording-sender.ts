// A ChannelSender that records what it sent (and when, on the fake clock) and fails on demand.
import type { ChannelSender } from "../../src/messages/channel.ts";
import type { Channel, OutboundMessage } from "../../src/messages/message.ts";
import type { Clock } from "../../src/outbox/clock.ts";

export class RecordingSender implements ChannelSender {
  sent: { chatId: string; text: string; at: number }[] = [];
  /** Errors to throw on the next sends, in order. */
  failures: Error[] = [];
  isReady = true;

  constructor(
    readonly channel: Channel,
    private readonly clock: Clock,
  ) {}

  async send(message: OutboundMessage): Promise<void> {
    const failure = this.failures.shift();
    if (failure) throw failure;
    this.sent.push({ chatId: message.chatId, text: message.text, at: this.clock.now() });
  }
  isGroupChat(chatId: string): boolean {
    return chatId.startsWith("-") || chatId.endsWith("@g.us");
  }
  ready(): boolean {
    return this.isReady;
  }
}
