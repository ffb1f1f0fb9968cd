// Sends an OutboundMessage as WhatsApp text (numbered options and a link as lines of the text: WhatsApp has
// no reliable buttons).
import { DeliveryError, type ChannelSender } from "../../messages/channel.ts";
import type { OutboundMessage } from "../../messages/message.ts";
import { renderPlainText } from "../render.ts";
import type { WaClient } from "./port.ts";

/** Errors after which resending cannot help: the id is not a WhatsApp account. */
const PERMANENT = /invalid wid|wid error|not a valid|no lid for user|phone number is not registered/i;

export function classifyWhatsAppError(error: unknown): DeliveryError {
  const message = error instanceof Error ? error.message : String(error);
  return new DeliveryError(message, PERMANENT.test(message) ? "permanent" : "transient", undefined, { cause: error });
}

/** The outbox's sender for WhatsApp; `ready()` is false while no client is connected. */
export class WhatsAppSender implements ChannelSender {
  readonly channel = "whatsapp" as const;
  private client: WaClient | undefined;

  /** The connected client, or undefined while disconnected. */
  attach(client: WaClient | undefined): void {
    this.client = client;
  }

  async send(message: OutboundMessage): Promise<void> {
    const client = this.client;
    if (!client) throw new DeliveryError("WhatsApp is not connected", "transient");
    try {
      // sendSeen: false avoids WhatsApp Web's "markedUnread" failure in sendSeen (whatsapp-web.js #5718).
      await client.sendMessage(message.chatId, renderPlainText(message), { sendSeen: false });
    } catch (error) {
      throw classifyWhatsAppError(error);
    }
  }

  isGroupChat(chatId: string): boolean {
    return chatId.endsWith("@g.us");
  }

  ready(): boolean {
    return this.client !== undefined;
  }
}
