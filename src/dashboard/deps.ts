// What the dashboard needs from the running program; tests build the same with a fresh database.
import type { Config } from "../config/config.ts";
import type { Logger } from "../logger.ts";
import type { Store } from "../store/client.ts";
import type { SessionLimits } from "../store/officer-sessions.ts";
import type { ThrottleLimits } from "../store/login-throttle.ts";
import type { DashboardTexts } from "./dashboard-texts.ts";
import type { Texts } from "../texts/reply-texts.ts";

/** Settings from the environment (README, "Configuration"). */
export interface DashboardSettings {
  /** Always mark the session cookie Secure (DASHBOARD_SECURE_COOKIE=1), e.g. behind a TLS proxy. */
  secureCookie: boolean;
  /** Take the client address from X-Forwarded-For (DASHBOARD_TRUST_PROXY=1) for login throttling. */
  trustProxy: boolean;
  /** Leaflet tile URL template (MAP_TILE_URL), e.g. "https://tile.openstreetmap.org/{z}/{x}/{y}.png". */
  mapTileUrl: string;
  /** A DIAJUKAN proposal older than this many days needs attention (DASHBOARD_WAITING_DAYS). */
  waitingDays: number;
  session: SessionLimits;
  throttle: ThrottleLimits;
}

export interface DashboardDeps {
  store: Store;
  logger: Logger;
  settings: DashboardSettings;
  texts: DashboardTexts;
  /** The reply texts (intents/replies.yaml): the residents' notices and the lifecycle's refusals. */
  replies: Texts;
  /** Where photos are stored (DATA_DIR). */
  dataDir: string;
  /** Tells the running bot that the kamus or its learned phrases changed, so its matcher is rebuilt now. */
  kamusChanged?: () => Promise<unknown>;
  /** The clock (tests move it). */
  now?: () => Date;
}

export const defaultDashboardSettings: DashboardSettings = {
  secureCookie: false,
  trustProxy: false,
  mapTileUrl: "https://tile.openstreetmap.org/{z}/{x}/{y}.png",
  waitingDays: 14,
  session: { idleMs: 2 * 3600_000, absoluteMs: 12 * 3600_000 },
  throttle: { windowMs: 15 * 60_000, maxPerUser: 5, maxPerAddress: 20 },
};

/** The settings from the validated configuration. */
export function dashboardSettings(c: Config["dashboard"]): DashboardSettings {
  return {
    ...defaultDashboardSettings,
    secureCookie: c.secureCookie,
    trustProxy: c.trustProxy,
    mapTileUrl: c.mapTileUrl,
    waitingDays: c.waitingDays,
    session: { idleMs: c.sessionIdleMinutes * 60_000, absoluteMs: c.sessionMaxHours * 3600_000 },
  };
}
