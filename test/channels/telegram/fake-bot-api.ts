// A small Telegram Bot API on 127.0.0.1 for the real telegraf: answers POST /bot<token>/<method> with
// { ok: true, result }, holds getUpdates until an update is queued, serves /file/bot<token>/<path>,
// records every call and can fail the next calls of a method on demand.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

export const TOKEN = "123456:TEST-token";
export const BOT = { id: 999, is_bot: true, first_name: "Musrenbang", username: "MusrenbangBot" };

/** An inline keyboard button as telegraf sends it. */
export interface ApiButton {
  text: string;
  callback_data?: string;
  url?: string;
}

/**
 * The JSON body of a Bot API call: the fields the tests read are typed, anything else is `unknown`.
 * e.g. `{ chat_id: "42", text: "halo", reply_markup: { inline_keyboard: [[{ text: "1. Ya", callback_data: "o:1" }]] } }`.
 */
export interface ApiBody {
  chat_id?: string | number;
  text?: string;
  file_id?: string;
  user_id?: string | number;
  timeout?: number;
  url?: string;
  secret_token?: string;
  scope?: { type: string };
  commands?: { command: string; description: string }[];
  reply_markup?: { inline_keyboard?: ApiButton[][] };
  reply_parameters?: { message_id: number };
  [field: string]: unknown;
}

export interface ApiCall {
  method: string;
  body: ApiBody;
}

/** A canned failure: `{ status: 429, error_code: 429, description, parameters: { retry_after: 3 } }`. */
export interface Failure {
  status: number;
  description: string;
  parameters?: Record<string, unknown>;
}

export class FakeBotApi {
  calls: ApiCall[] = [];
  files = new Map<string, { bytes: Buffer; size?: number }>();
  /** Chat member status by user id for getChatMember (default "member"). */
  memberStatus = new Map<number, string>();
  private updates: Record<string, unknown>[] = [];
  private waiters: (() => void)[] = [];
  private failures = new Map<string, Failure[]>();
  private nextUpdateId = 1;
  private nextMessageId = 1000;
  private server: Server;
  private callWaiters: { predicate: (c: ApiCall) => boolean; resolve: (c: ApiCall) => void }[] = [];
  url = "";

  constructor() {
    this.server = createServer((req, res) => void this.route(req, res));
  }

  async start(): Promise<this> {
    await new Promise<void>((resolve) => this.server.listen(0, "127.0.0.1", resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this;
  }

  async close(): Promise<void> {
    for (const w of this.waiters.splice(0)) w();
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  /** Queues an update (an update_id is added when missing) and wakes a held getUpdates. */
  push<U extends object>(update: U): U & { update_id: number } {
    const full = { update_id: this.nextUpdateId++, ...update };
    this.updates.push(full);
    for (const w of this.waiters.splice(0)) w();
    return full;
  }

  /** The next `count` calls of `method` fail with `failure`. */
  failNext(method: string, failure: Failure, count = 1): void {
    this.failures.set(method, [...(this.failures.get(method) ?? []), ...Array<Failure>(count).fill(failure)]);
  }

  callsOf(method: string): ApiCall[] {
    return this.calls.filter((c) => c.method === method);
  }

  /** Resolves with the first call (past or future) of `method` that matches. */
  waitFor(method: string, predicate: (body: ApiBody) => boolean = () => true, timeoutMs = 5000): Promise<ApiCall> {
    const match = (c: ApiCall) => c.method === method && predicate(c.body);
    const seen = this.calls.find(match);
    if (seen) return Promise.resolve(seen);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no ${method} call within ${timeoutMs} ms`)), timeoutMs);
      this.callWaiters.push({ predicate: match, resolve: (c) => (clearTimeout(timer), resolve(c)) });
    });
  }

  private async route(req: IncomingMessage, res: ServerResponse) {
    const path = new URL(req.url ?? "/", "http://x").pathname;
    const file = path.match(/^\/file\/bot([^/]+)\/(.+)$/);
    if (req.method === "GET" && file) {
      const entry = file[1] === TOKEN ? this.files.get(file[2]!) : undefined;
      if (!entry) return void res.writeHead(404).end("not found");
      res.writeHead(200, { "content-type": "application/octet-stream" }).end(entry.bytes);
      return;
    }
    const api = path.match(/^\/bot([^/]+)\/(\w+)$/);
    if (!api || api[1] !== TOKEN) {
      return this.json(res, 401, { ok: false, error_code: 401, description: "Unauthorized" });
    }
    const method = api[2]!;
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const raw = Buffer.concat(chunks).toString("utf8");
    const body = raw ? (JSON.parse(raw) as ApiBody) : {};
    const call = { method, body };
    if (method !== "getUpdates") {
      this.calls.push(call);
      for (const w of this.callWaiters.filter((w) => w.predicate(call))) {
        this.callWaiters.splice(this.callWaiters.indexOf(w), 1);
        w.resolve(call);
      }
    }
    const failure = this.failures.get(method)?.shift();
    if (failure) {
      if (failure.status >= 500) return void res.writeHead(failure.status, failure.description).end();
      return this.json(res, failure.status, {
        ok: false,
        error_code: failure.status,
        description: failure.description,
        parameters: failure.parameters,
      });
    }
    if (method === "getUpdates") {
      // Updates are handed out once each; a "re-delivery" is the same update pushed again.
      if (this.updates.length === 0 && (body.timeout ?? 0) > 0) {
        await new Promise<void>((resolve) => {
          this.waiters.push(resolve);
          setTimeout(resolve, 2000).unref();
        });
      }
      // A poller that went away (bot stopped) must not swallow updates meant for the next one.
      if (res.destroyed || req.socket.destroyed) return;
      return this.json(res, 200, { ok: true, result: this.updates.splice(0) });
    }
    this.json(res, 200, { ok: true, result: this.result(method, body) });
  }

  private result(method: string, body: ApiBody): unknown {
    switch (method) {
      case "getMe":
        return BOT;
      case "sendMessage":
        return {
          message_id: this.nextMessageId++,
          date: 0,
          chat: { id: Number(body.chat_id), type: "private" },
          text: body.text,
        };
      case "getFile": {
        const path = String(body.file_id).replace(/^id-/, "");
        const entry = this.files.get(path);
        return {
          file_id: body.file_id,
          file_unique_id: `u-${path}`,
          file_size: entry?.size ?? entry?.bytes.length,
          file_path: path,
        };
      }
      case "getChatMember":
        return {
          status: this.memberStatus.get(Number(body.user_id)) ?? "member",
          user: { id: Number(body.user_id), is_bot: false, first_name: "X" },
        };
      default:
        return true;
    }
  }

  private json(res: ServerResponse, status: number, body: unknown) {
    res.writeHead(status, { "content-type": "application/json" }).end(JSON.stringify(body));
  }
}

let messageId = 1;
const now = () => Math.floor(Date.now() / 1000);

/** A private-chat user, e.g. user(42, "Siti"). */
export function user(id: number, first_name = "Warga", extra: Record<string, unknown> = {}) {
  return { id, is_bot: false, first_name, ...extra };
}

/** A message update from `from` in a private chat (or in `chat` when given). */
export function messageUpdate(
  from: ReturnType<typeof user>,
  fields: Record<string, unknown>,
  chat?: Record<string, unknown>,
) {
  return {
    message: {
      message_id: messageId++,
      date: now(),
      from,
      chat: chat ?? { id: from.id, type: "private", first_name: from.first_name },
      ...fields,
    },
  };
}

/** A text message; a leading /command gets its bot_command entity, as Telegram sends it. */
export function textUpdate(
  from: ReturnType<typeof user>,
  text: string,
  chat?: Record<string, unknown>,
  extra: Record<string, unknown> = {},
) {
  const command = text.match(/^\/[\w@]+/);
  const entities = command ? [{ type: "bot_command", offset: 0, length: command[0].length }] : undefined;
  return messageUpdate(from, { text, ...(entities ? { entities } : {}), ...extra }, chat);
}

export function groupChat(id = -1001234567890, title = "Warga Desa Sukamaju") {
  return { id, type: "supergroup", title };
}
