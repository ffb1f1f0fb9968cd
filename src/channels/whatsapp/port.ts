// The narrow part of whatsapp-web.js we use. Tests drive a fake of these types; the checks at the bottom
// fail to compile if the real library's Client or Message stop fitting them (STACK.md: "narrow port").
import wweb from "whatsapp-web.js";

/** The fields of a received message we read. */
export type WaMessage = Pick<
  wweb.Message,
  | "id"
  | "from"
  | "author"
  | "fromMe"
  | "isStatus"
  | "body"
  | "type"
  | "hasMedia"
  | "location"
  | "timestamp"
  | "downloadMedia"
>;

/** Why the client disconnected: a WhatsApp state, or "LOGOUT" when the phone unlinked this device. */
export type WaDisconnectReason = wweb.WAState | "LOGOUT";

/** The client calls we make and the events we listen to. */
export interface WaClient {
  on(event: "qr", listener: (qr: string) => void): unknown;
  on(event: "authenticated", listener: () => void): unknown;
  on(event: "auth_failure", listener: (message: string) => void): unknown;
  on(event: "ready", listener: () => void): unknown;
  on(event: "disconnected", listener: (reason: WaDisconnectReason) => void): unknown;
  on(event: "message", listener: (message: WaMessage) => void): unknown;
  initialize(): Promise<void>;
  destroy(): Promise<void>;
  sendMessage(chatId: string, content: string, options?: { sendSeen?: boolean }): Promise<unknown>;
}

// Compile-time checks: the real Client and Message fit the port.
type Fits<Port, Real extends Port> = Real;
export type ClientFitsPort = Fits<WaClient, wweb.Client>;
export type MessageFitsPort = Fits<WaMessage, wweb.Message>;

/** Message types as whatsapp-web.js names them ("chat", "image", "ptt", ...). */
export const MessageTypes = wweb.MessageTypes;
