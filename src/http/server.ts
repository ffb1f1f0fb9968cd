// The HTTP app: health, web chat, dashboard and API are mounted here as Hono sub-apps.
import { Hono } from "hono";
import type { Logger } from "../logger.ts";
import { answerError, respond } from "./errors.ts";

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
  app.onError(answerError(logger));
  app.notFound((c) => respond(c, 404, "Halaman tidak ditemukan."));
  return app;
}
