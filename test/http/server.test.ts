import { pino } from "pino";
import { describe, expect, it } from "vitest";
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

describe("HTTP server", () => {
  it("answers /healthz with 503 while starting and 200 when ready", async () => {
    const state = { ready: false };
    const app = createApp(state, createLogger("silent"));
    expect((await app.request("/healthz")).status).toBe(503);
    state.ready = true;
    expect((await app.request("/healthz")).status).toBe(200);
  });

  it("answers an unknown path with a 404 in Indonesian", async () => {
    const res = await createApp({ ready: true }, createLogger("silent")).request("/tidak-ada");
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
});
