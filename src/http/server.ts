// The HTTP app: health, web chat, dashboard and API are mounted here as Hono sub-apps.
import { Hono } from "hono";
import type { Logger } from "../logger.ts";
import { answerError, respond } from "./errors.ts";
import type { HealthChecks } from "./health.ts";
import { bodyLimits, defaultBodyLimits, type BodyLimits } from "./body-limit.ts";
import { methodNotAllowed } from "./method-not-allowed.ts";
import { securityHeaders } from "./security-headers.ts";

/** What the app needs to know about the running process. */
export interface AppState {
  /** False until migrations, seed and channels are set up, and again while shutting down. */
  ready: boolean;
  /** Run by /healthz once ready (src/http/health.ts); without it a ready app is simply "ok". */
  health?: () => Promise<HealthChecks>;
}

/**
 * Builds the app; `mount` adds feature routes (chat, dashboard, webhook) without this file knowing them. Every
 * response gets the security headers; every request body its size limit (see body-limit.ts).
 */
export function createApp(
  state: AppState,
  logger: Logger,
  mount: ((app: Hono) => void)[] = [],
  options: { bodyLimits?: BodyLimits } = {},
): Hono {
  const app = new Hono();
  app.use(securityHeaders());
  app.use(bodyLimits(options.bodyLimits ?? defaultBodyLimits()));
  // 200 when every check passes, 503 naming the failed ones (a load balancer takes that copy out).
  app.get("/healthz", async (c) => {
    if (!state.ready) return c.json({ status: "starting" }, 503);
    const checks = state.health ? await state.health() : {};
    const failed = Object.keys(checks).filter((name) => !checks[name]!.ok);
    return failed.length ? c.json({ status: "failing", failed, checks }, 503) : c.json({ status: "ok", checks });
  });
  for (const add of mount) add(app);
  app.onError(answerError(logger));
  app.notFound((c) => methodNotAllowed(app, c) ?? respond(c, 404, "Halaman tidak ditemukan."));
  return app;
}
