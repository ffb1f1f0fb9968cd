import { pino } from "pino";
import { afterEach, describe, expect, it } from "vitest";
import { request as httpRequest } from "node:http";
import { serve, type ServerType } from "@hono/node-server";
import { Hono } from "hono";
import { readBody } from "../../src/http/body-limit.ts";
import { createApp } from "../../src/http/server.ts";
import { createLogger } from "../../src/logger.ts";
import { Refusal } from "../../src/refusal.ts";

function appThrowing(error: unknown) {
  const lines: string[] = [];
  const logger = pino({ level: "error" }, { write: (line: string) => lines.push(line) });
  const app = createApp({ ready: true }, logger, [
    (app) =>
      app.get("/boom", () => {
        throw error;
      }),
  ]);
  return { app, lines };
}

const silent = createLogger("silent");

/** An app with a few routes like the real ones: a GET page, a JSON POST, a failing route. */
function sampleApp() {
  return createApp({ ready: true }, silent, [
    (app) => {
      const sub = new Hono();
      sub.get("/chat", (c) => c.html("<p>chat</p>"));
      sub.post("/api/chat", async (c) => c.json({ got: (await readBody(c)).length }));
      sub.get("/usulan/:code", (c) => c.json({ code: c.req.param("code") }));
      sub.get("/boom", () => {
        throw new Error("boom");
      });
      sub.get("/own-csp", (c) => c.text("x", 200, { "Content-Security-Policy": "default-src 'none'" }));
      app.route("/", sub);
    },
  ]);
}

let server: ServerType | undefined;
afterEach(async () => {
  await new Promise((resolve) => (server ? server.close(resolve) : resolve(undefined)));
  server = undefined;
});

describe("HTTP server", () => {
  it("answers /healthz with 503 while starting and 200 when ready", async () => {
    const state = { ready: false };
    const app = createApp(state, silent);
    expect((await app.request("/healthz")).status).toBe(503);
    state.ready = true;
    expect((await app.request("/healthz")).status).toBe(200);
  });

  it("answers an unknown path with a 404 in Indonesian", async () => {
    const res = await createApp({ ready: true }, silent).request("/tidak-ada");
    expect(res.status).toBe(404);
    expect(await res.json()).toEqual({ error: "Halaman tidak ditemukan." });
  });

  it("answers a refusal with its status and its message, and logs nothing", async () => {
    const { app, lines } = appThrowing(new Refusal(409, "Usulan U26-7K3Q sudah ditolak."));
    const res = await app.request("/boom");
    expect(res.status).toBe(409);
    expect(await res.json()).toEqual({ error: "Usulan U26-7K3Q sudah ditolak." });
    expect(lines).toEqual([]);
  });

  it("tells a refused client when to try again, and a browser gets a page", async () => {
    const { app } = appThrowing(new Refusal(429, "Terlalu banyak percobaan <coba lagi>.", { retryAfterSeconds: 300 }));
    const res = await app.request("/boom", { headers: { accept: "text/html,application/xhtml+xml,*/*;q=0.8" } });
    expect(res.status).toBe(429);
    expect(res.headers.get("retry-after")).toBe("300");
    expect(res.headers.get("content-type")).toMatch(/text\/html/);
    expect(await res.text()).toContain("Terlalu banyak percobaan &#60;coba lagi&#62;.");
  });

  it("answers any other failure with a 500 that gives nothing away, and logs it", async () => {
    const { app, lines } = appThrowing(new Error("connection refused to 10.0.0.5"));
    const res = await app.request("/boom");
    expect(res.status).toBe(500);
    expect(await res.json()).toEqual({ error: "Terjadi kesalahan di server. Silakan coba lagi sebentar lagi." });
    expect(lines.join("")).toContain("connection refused to 10.0.0.5");
  });

  it("puts the security headers on every response: pages, JSON, 404, 405 and 500", async () => {
    const app = sampleApp();
    const responses = [
      await app.request("/chat"),
      await app.request("/healthz"),
      await app.request("/tidak-ada"),
      await app.request("/chat", { method: "DELETE" }),
      await app.request("/boom"),
    ];
    expect(responses.map((r) => r.status)).toEqual([200, 200, 404, 405, 500]);
    for (const res of responses) {
      const csp = res.headers.get("content-security-policy") ?? "";
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).toContain("script-src 'self'");
      expect(csp).not.toContain("unsafe-inline");
      expect(res.headers.get("x-content-type-options")).toBe("nosniff");
      expect(res.headers.get("referrer-policy")).toBe("no-referrer");
      expect(res.headers.get("x-frame-options")).toBe("DENY");
    }
    // A route with its own policy (the dashboard's map) keeps it.
    expect((await app.request("/own-csp")).headers.get("content-security-policy")).toBe("default-src 'none'");
  });

  it("answers a wrong method on a known path with 405 and Allow", async () => {
    const app = sampleApp();
    const get = await app.request("/api/chat");
    expect(get.status).toBe(405);
    expect(get.headers.get("allow")).toBe("POST");
    expect(((await get.json()) as { error: string }).error).toMatch(/POST/);
    const put = await app.request("/usulan/U26-7K3Q", { method: "PUT" });
    expect(put.status).toBe(405);
    expect(put.headers.get("allow")).toBe("GET, HEAD");
    expect((await app.request("/usulan/U26-7K3Q/lain", { method: "PUT" })).status).toBe(404);
    expect((await app.request("/healthz", { method: "POST" })).status).toBe(405);
  });

  it("refuses an oversized body with 413 from its Content-Length, before the body arrives", async () => {
    const app = sampleApp();
    const port = await new Promise<number>((resolve) => {
      server = serve({ fetch: app.fetch, port: 0, hostname: "127.0.0.1" }, (info) => resolve(info.port));
    });
    // Announces 300 MB, sends 1 KB and waits: the answer must come without the rest.
    const status = await new Promise<number>((resolve, reject) => {
      const req = httpRequest(
        {
          host: "127.0.0.1",
          port,
          method: "POST",
          path: "/api/chat",
          headers: { "content-type": "application/json", "content-length": String(300 * 1024 * 1024) },
        },
        (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
          req.destroy();
        },
      );
      req.on("error", reject);
      req.write("x".repeat(1024));
    });
    expect(status).toBe(413);
  });

  it("reads a body whole on a real server, with a Content-Length or chunked, in any number of pieces", async () => {
    const app = sampleApp();
    const port = await new Promise<number>((resolve) => {
      server = serve({ fetch: app.fetch, port: 0, hostname: "127.0.0.1" }, (info) => resolve(info.port));
    });
    const text = JSON.stringify({ text: "jalan rusak ".repeat(3000) }); // 36 KB: several socket reads
    const post = (headers: Record<string, string>, pieces: string[]) =>
      new Promise<string>((resolve, reject) => {
        const req = httpRequest({ host: "127.0.0.1", port, method: "POST", path: "/api/chat", headers }, (res) => {
          let out = "";
          res.on("data", (d: Buffer) => (out += d.toString()));
          res.on("end", () => resolve(`${res.statusCode} ${out}`));
        });
        req.on("error", reject);
        for (const piece of pieces) req.write(piece);
        req.end();
      });
    const json = { "content-type": "application/json" };
    const halves = [text.slice(0, 20_000), text.slice(20_000)];
    expect(await post({ ...json, "content-length": String(Buffer.byteLength(text)) }, halves)).toBe(
      `200 {"got":${text.length}}`,
    );
    expect(await post({ ...json, "transfer-encoding": "chunked" }, halves)).toBe(`200 {"got":${text.length}}`);
  });

  it("refuses a chunked body (no Content-Length) once it passes the limit", async () => {
    const app = sampleApp();
    const chunk = new TextEncoder().encode("x".repeat(16 * 1024));
    let sent = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        sent++;
        if (sent > 1000) controller.close();
        else controller.enqueue(chunk);
      },
    });
    const res = await app.request("/api/chat", {
      method: "POST",
      headers: { "content-type": "application/json", "transfer-encoding": "chunked" },
      body,
      duplex: "half",
    } as RequestInit);
    expect(res.status).toBe(413);
    // It stopped reading soon after 64 KB, not after 16 MB.
    expect(sent).toBeLessThan(20);
  });
});
