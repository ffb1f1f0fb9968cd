import { describe, expect, it } from "vitest";
import { createApp } from "../../src/http/server.ts";
import { createLogger } from "../../src/logger.ts";

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
});
