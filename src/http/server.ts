// The HTTP app: health, web chat, dashboard and API are mounted here as Hono sub-apps.
import { Hono } from "hono";
import type { Logger } from "../logger.ts";

/** What the app needs to know about the running process. */
export interface AppState {
  /** False until migrations, seed and channels are set up, and again while shutting down. */
  ready: boolean;
}

/** Builds the app; `mount` adds feature routes (chat, dashboard, webhook) without this file knowing them. */
export function createApp(state: AppState, logger: Logger, mount: ((app: Hono) => void)[] = []): Hono {
  const app = new Hono();
  app.get("/healthz", (c) => (state.ready ? c.json({ status: "ok" }) : c.json({ status: "starting" }, 503)));
  for (const add of mount) add(app);
  app.onError((error, c) => {
    logger.error({ err: error, path: c.req.path }, "request failed");
    return c.json({ error: "Terjadi kesalahan di server. Silakan coba lagi sebentar lagi." }, 500);
  });
  app.notFound((c) => c.json({ error: "Halaman tidak ditemukan." }, 404));
  return app;
}
