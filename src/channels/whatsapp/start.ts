// Starts the WhatsApp channel: whatsapp-web.js with LocalAuth (session kept in WHATSAPP_AUTH_DIR), the QR
// printed in the terminal and logged, Debian's Chromium. A dropped connection is re-opened with backoff;
// a LOGOUT (the phone unlinked this device) is not: it needs a person to scan a new QR code.
// Tests: test/channels/whatsapp/channel.test.ts (a fake client type-checked against the library's types).
import wweb from "whatsapp-web.js";
import qrcode from "qrcode-terminal";
import type { Config } from "../../config/config.ts";
import type { Logger } from "../../logger.ts";
import { systemClock, type Clock } from "../../outbox/clock.ts";
import type { InboundHandler } from "../../messages/channel.ts";
import { loadChannelTexts, type ChannelTexts } from "../../texts/channel-texts.ts";
import type { WaClient, WaDisconnectReason, WaMessage } from "./port.ts";
import { WhatsAppSender } from "./sender.ts";
import { MediaDownloadError, toInbound } from "./translate.ts";

export interface StartWhatsAppOptions {
  config: Pick<Config, "whatsapp">;
  host: InboundHandler;
  logger: Logger;
  texts?: ChannelTexts;
  clock?: Clock;
  /** Makes a new client for each connection attempt; default: the real whatsapp-web.js client. */
  createClient?: () => WaClient;
  /** Shows a QR code to the operator; default: printed in the terminal with qrcode-terminal. */
  showQr?: (qr: string) => void;
  /** Delays between connection attempts: first and longest. */
  reconnectMs?: { first: number; max: number };
}

export type WhatsAppStatus = "starting" | "waiting_for_qr_scan" | "ready" | "reconnecting" | "logged_out" | "stopped";

/** A running WhatsApp channel. */
export interface WhatsAppChannel {
  /** Give it to startOutbox; it reports not-ready while disconnected, so replies wait in the outbox. */
  readonly sender: WhatsAppSender;
  status(): WhatsAppStatus;
  stop(): Promise<void>;
}

/** Chromium flags for a server: no sandbox (root in a container), no GPU, no background downloads. */
export const CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking"];

/** The real client: LocalAuth in `authDir`, Chromium at `chromiumPath`, headless. */
export function createWwebClient(config: Config["whatsapp"]): WaClient {
  return new wweb.Client({
    authStrategy: new wweb.LocalAuth({ dataPath: config.authDir }),
    puppeteer: { executablePath: config.chromiumPath, headless: true, args: CHROMIUM_ARGS },
  });
}

const RECENT_MESSAGES = 5000;

/** Starts connecting in the background and returns at once. */
export function startWhatsApp(options: StartWhatsAppOptions): WhatsAppChannel {
  const log = options.logger.child({ channel: "whatsapp" });
  const clock = options.clock ?? systemClock;
  const texts = options.texts ?? loadChannelTexts();
  const create = options.createClient ?? (() => createWwebClient(options.config.whatsapp));
  const showQr = options.showQr ?? ((qr: string) => qrcode.generate(qr, { small: true }));
  const reconnect = options.reconnectMs ?? { first: 5000, max: 5 * 60_000 };
  const sender = new WhatsAppSender();
  const stopSignal = new AbortController();
  const recent = new Set<string>();
  let status: WhatsAppStatus = "starting";
  let delay = reconnect.first;
  let generation = 0;
  let current: WaClient | undefined;

  function scheduleReconnect() {
    const wait = delay;
    delay = Math.min(delay * 2, reconnect.max);
    status = "reconnecting";
    log.warn({ retryInMs: wait }, "WhatsApp reconnecting after a pause");
    void clock.sleep(wait, stopSignal.signal).then(() => {
      if (!stopSignal.signal.aborted) void connect();
    });
  }

  async function reply(client: WaClient, chatId: string, text: string) {
    await client
      .sendMessage(chatId, text, { sendSeen: false })
      .catch((e: unknown) => log.warn({ err: e, chatId }, "apology not sent"));
  }

  async function onMessage(client: WaClient, message: WaMessage) {
    const id = message.id._serialized;
    if (recent.has(id)) {
      log.debug({ id }, "re-delivered WhatsApp message skipped");
      return;
    }
    recent.add(id);
    if (recent.size > RECENT_MESSAGES) recent.delete(recent.values().next().value!);
    let inbound;
    try {
      inbound = await toInbound(message);
    } catch (error) {
      recent.delete(id);
      log.warn({ err: error }, "WhatsApp message could not be read");
      if (error instanceof MediaDownloadError) await reply(client, error.chatId, texts.error.photo_failed);
      return;
    }
    if (!inbound) return;
    try {
      await options.host.handle(inbound);
    } catch (error) {
      // Nothing was recorded: a re-delivery of this message may run the turn again.
      recent.delete(id);
      log.error({ err: error, chatId: inbound.chatId }, "WhatsApp message failed");
      await reply(client, inbound.chatId, texts.error.retry_later);
    }
  }

  function onDisconnected(gen: number, client: WaClient, reason: WaDisconnectReason) {
    if (gen !== generation || stopSignal.signal.aborted) return;
    sender.attach(undefined);
    if (reason === "LOGOUT") {
      status = "logged_out";
      log.error(
        "WhatsApp LOGOUT: the phone removed this linked device and the saved session is gone. " +
          "Not reconnecting. Scan the new QR code shown in this log (WhatsApp → Linked devices), or restart the app to get one.",
      );
      return;
    }
    log.warn({ reason }, "WhatsApp disconnected");
    void client.destroy().catch(() => undefined);
    scheduleReconnect();
  }

  async function connect() {
    const gen = ++generation;
    const client = create();
    current = client;
    status = "starting";
    const live = () => gen === generation && !stopSignal.signal.aborted;
    client.on("qr", (qr) => {
      if (!live()) return;
      status = "waiting_for_qr_scan";
      log.info({ qr }, "WhatsApp: scan this QR code with the bot's phone (WhatsApp → Linked devices → Link a device)");
      showQr(qr);
    });
    client.on("authenticated", () => live() && log.info("WhatsApp session authenticated"));
    client.on(
      "auth_failure",
      (message) =>
        live() && log.error({ message }, "WhatsApp could not restore the saved session; a new QR code will follow"),
    );
    client.on("ready", () => {
      if (!live()) return;
      status = "ready";
      delay = reconnect.first;
      sender.attach(client);
      log.info("WhatsApp connected");
    });
    client.on("disconnected", (reason) => onDisconnected(gen, client, reason));
    client.on("message", (message) => {
      if (live()) void onMessage(client, message);
    });
    try {
      await client.initialize();
    } catch (error) {
      if (!live()) return;
      log.error({ err: error }, "WhatsApp client failed to start");
      await client.destroy().catch(() => undefined);
      scheduleReconnect();
    }
  }

  void connect();

  return {
    sender,
    status: () => status,
    async stop() {
      stopSignal.abort();
      status = "stopped";
      sender.attach(undefined);
      await current?.destroy().catch((e: unknown) => log.warn({ err: e }, "WhatsApp client did not close cleanly"));
      log.info("WhatsApp stopped");
    },
  };
}
