// A fake whatsapp-web.js client and messages, typed by the port (src/channels/whatsapp/port.ts), whose
// types are checked against the real library: if the library changes, these stop compiling.
import { EventEmitter } from "node:events";
import type wweb from "whatsapp-web.js";
import { MessageTypes, type WaClient, type WaMessage } from "../../../src/channels/whatsapp/port.ts";

export class FakeWaClient extends EventEmitter implements WaClient {
  sent: { chatId: string; content: string }[] = [];
  initialized = 0;
  destroyed = 0;
  /** Makes initialize() reject (e.g. no network). */
  failInitialize: Error | undefined;
  /** Makes the next sendMessage() reject. */
  failSend: Error | undefined;

  async initialize(): Promise<void> {
    this.initialized++;
    if (this.failInitialize) throw this.failInitialize;
  }
  async destroy(): Promise<void> {
    this.destroyed++;
  }
  async sendMessage(chatId: string, content: string): Promise<unknown> {
    const failure = this.failSend;
    this.failSend = undefined;
    if (failure) throw failure;
    this.sent.push({ chatId, content });
    return {};
  }
}

let counter = 0;

/** A received message; defaults to a private text message. */
export function waMessage(from: string, fields: Partial<WaMessage> = {}): WaMessage {
  const id = `3EB0${(++counter).toString(16).padStart(8, "0")}`;
  return {
    id: { fromMe: false, remote: from, id, _serialized: `false_${from}_${id}` },
    from,
    author: undefined,
    fromMe: false,
    isStatus: false,
    body: "",
    type: MessageTypes.TEXT,
    hasMedia: false,
    // The library leaves location undefined on other messages, although its type says otherwise.
    location: undefined as unknown as wweb.Location,
    timestamp: Math.floor(Date.now() / 1000),
    downloadMedia: async () => {
      throw new Error("no media");
    },
    ...fields,
  };
}

/** A photo message whose media downloads as `bytes`. */
export function waImage(from: string, bytes: Buffer, caption = ""): WaMessage {
  const media = { mimetype: "image/jpeg", data: bytes.toString("base64"), filename: null } as wweb.MessageMedia;
  return waMessage(from, { type: MessageTypes.IMAGE, hasMedia: true, body: caption, downloadMedia: async () => media });
}
