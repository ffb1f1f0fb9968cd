// Configuration from the environment, validated once; an error names the variable and the expected form.
import { z } from "zod";
import { databaseFlavour, defaultDatabaseUrl } from "./database-url.ts";
import { Refusal } from "../refusal.ts";

const flag = z.enum(["0", "1", "true", "false"]).transform((v) => v === "1" || v === "true");

const Env = z.object({
  DATABASE_URL: z
    .string()
    .default(defaultDatabaseUrl)
    .superRefine((url, ctx) => {
      try {
        databaseFlavour(url);
      } catch (e) {
        ctx.addIssue({ code: "custom", message: (e as Error).message });
      }
    }),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default("0.0.0.0"),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  DATA_DIR: z.string().default("./data"),
  TELEGRAM_BOT_TOKEN: z.string().min(1).optional(),
  TELEGRAM_API_ROOT: z.url().default("https://api.telegram.org"),
  TELEGRAM_WEBHOOK_URL: z.url().optional(),
  WHATSAPP_ENABLED: flag.default(false),
  WHATSAPP_AUTH_DIR: z.string().default("./data/wwebjs_auth"),
  CHROMIUM_PATH: z.string().default("/usr/bin/chromium"),
  WHATSAPP_MAX_PER_MINUTE: z.coerce.number().int().min(1).default(40),
  MAX_PROPOSALS_PER_CYCLE: z.coerce.number().int().min(1).default(10),
  SEED_ON_EMPTY: flag.default(true),
  DASHBOARD_SECURE_COOKIE: flag.default(false),
  DASHBOARD_TRUST_PROXY: flag.default(false),
  DASHBOARD_SESSION_IDLE_MINUTES: z.coerce.number().int().min(1).default(120),
  DASHBOARD_SESSION_MAX_HOURS: z.coerce.number().int().min(1).default(12),
  DASHBOARD_WAITING_DAYS: z.coerce.number().int().min(1).default(14),
  MAP_TILE_URL: z.string().min(1).default("https://tile.openstreetmap.org/{z}/{x}/{y}.png"),
  RETENTION_DAYS: z.coerce.number().int().min(0).default(30),
  CHAT_API_KEY: z.string().min(16, "at least 16 characters").optional(),
  WEB_NEW_RESIDENTS_PER_HOUR: z.coerce.number().int().min(1).default(600),
  WEB_NEW_RESIDENTS_PER_ADDRESS_PER_HOUR: z.coerce.number().int().min(1).default(30),
  UPLOAD_MAX_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .default(20 * 1024 * 1024),
});

/** The validated configuration, e.g. `{ databaseUrl: "file:./data/musrenbang.db", port: 3000, ... }`. */
export interface Config {
  databaseUrl: string;
  port: number;
  host: string;
  logLevel: z.infer<typeof Env>["LOG_LEVEL"];
  dataDir: string;
  telegram: { token?: string; apiRoot: string; webhookUrl?: string };
  whatsapp: { enabled: boolean; authDir: string; chromiumPath: string; maxPerMinute: number };
  maxProposalsPerCycle: number;
  seedOnEmpty: boolean;
  dashboard: {
    secureCookie: boolean;
    trustProxy: boolean;
    sessionIdleMinutes: number;
    sessionMaxHours: number;
    waitingDays: number;
    mapTileUrl: string;
  };
  /** Days after which delivered outbox rows and inbound message records are deleted; 0 keeps them. */
  retentionDays: number;
  /** Web chat: the trusted integration's key and the budget of new residents (global, per client address). */
  chat: { apiKey?: string; newResidentsPerHour: number; newResidentsPerAddressPerHour: number };
  /** Largest request body on the dashboard (uploads); /api/chat takes 64 KB, everything else 1 MB. */
  uploadMaxBytes: number;
}

/** Reads and checks the environment; throws one Refusal listing every bad variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  // An empty variable means "not set", as in most .env files.
  const present = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ""));
  const parsed = Env.safeParse(present);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`);
    throw new Refusal(400, `Invalid configuration: ${lines.join("; ")}`);
  }
  const e = parsed.data;
  return {
    databaseUrl: e.DATABASE_URL,
    port: e.PORT,
    host: e.HOST,
    logLevel: e.LOG_LEVEL,
    dataDir: e.DATA_DIR,
    telegram: { token: e.TELEGRAM_BOT_TOKEN, apiRoot: e.TELEGRAM_API_ROOT, webhookUrl: e.TELEGRAM_WEBHOOK_URL },
    whatsapp: {
      enabled: e.WHATSAPP_ENABLED,
      authDir: e.WHATSAPP_AUTH_DIR,
      chromiumPath: e.CHROMIUM_PATH,
      maxPerMinute: e.WHATSAPP_MAX_PER_MINUTE,
    },
    maxProposalsPerCycle: e.MAX_PROPOSALS_PER_CYCLE,
    seedOnEmpty: e.SEED_ON_EMPTY,
    dashboard: {
      secureCookie: e.DASHBOARD_SECURE_COOKIE,
      trustProxy: e.DASHBOARD_TRUST_PROXY,
      sessionIdleMinutes: e.DASHBOARD_SESSION_IDLE_MINUTES,
      sessionMaxHours: e.DASHBOARD_SESSION_MAX_HOURS,
      waitingDays: e.DASHBOARD_WAITING_DAYS,
      mapTileUrl: e.MAP_TILE_URL,
    },
    retentionDays: e.RETENTION_DAYS,
    chat: {
      ...(e.CHAT_API_KEY ? { apiKey: e.CHAT_API_KEY } : {}),
      newResidentsPerHour: e.WEB_NEW_RESIDENTS_PER_HOUR,
      newResidentsPerAddressPerHour: e.WEB_NEW_RESIDENTS_PER_ADDRESS_PER_HOUR,
    },
    uploadMaxBytes: e.UPLOAD_MAX_BYTES,
  };
}
