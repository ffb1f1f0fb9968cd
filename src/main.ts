// `npm start`: migrate, seed an empty database with the sample region and kamus, serve HTTP, start channels and
// the outbox worker that delivers their replies.
import { serve } from "@hono/node-server";
import { loadConfig } from "./config/config.ts";
import { createLogger } from "./logger.ts";
import { openStore } from "./store/client.ts";
import { migrate, redact } from "./store/migrate.ts";
import { seedIfEmpty } from "./import/seed.ts";
import { createApp, type AppState } from "./http/server.ts";
import { chatRoutes } from "./http/chat.ts";
import { chatIdentity, type ChatIdentity } from "./http/chat-identity.ts";
import { NewResidentLimiter } from "./http/new-residents.ts";
import { defaultBodyLimits } from "./http/body-limit.ts";
import { appSecret } from "./store/app-secrets.ts";
import { createHost, type Host } from "./host/host.ts";
import { watchReferenceData } from "./host/reference-watch.ts";
import { groupCommands } from "./host/group-commands.ts";
import { startChannels } from "./channels/start.ts";
import { startOutbox } from "./outbox/worker.ts";
import { whatsappPolicy } from "./outbox/rate-limit.ts";
import { createOutboxQueue } from "./store/outbox.ts";
import { telegramWebhookRoute } from "./channels/telegram/webhook.ts";
import { dashboardApp } from "./dashboard/app.tsx";
import { dashboardSettings } from "./dashboard/deps.ts";
import { loadDashboardTexts } from "./dashboard/dashboard-texts.ts";
import { makeTexts } from "./texts/reply-texts.ts";
import { defaultIntentData } from "./nlu/files.ts";
import type { ReferenceWatch } from "./host/reference-watch.ts";
import { scheduleRetention } from "./store/retention.ts";
import { publicRoutes } from "./public/app.tsx";
import { forumMinutesPdf } from "./public/minutes.ts";
import { open311Routes } from "./open311/app.ts";
import { healthChecks } from "./http/health.ts";

let config: ReturnType<typeof loadConfig>;
try {
  config = loadConfig();
} catch (error) {
  console.error((error as Error).message);
  process.exit(1);
}
const logger = createLogger(config.logLevel);
const state: AppState = { ready: false };
const store = openStore(config.databaseUrl);
const stops: (() => Promise<void> | void)[] = [];

// The host exists only after migrations; until then the chat answers 503 like /healthz.
let host: Host | undefined;
let reference: ReferenceWatch | undefined;
const dashboard = dashboardApp({
  store,
  logger,
  settings: dashboardSettings(config.dashboard),
  texts: loadDashboardTexts(),
  replies: makeTexts(defaultIntentData().replies),
  dataDir: config.dataDir,
  kamusChanged: async () => reference?.check(),
});
const webhook = telegramWebhookRoute(config);
// The web chat's signing key lives in the database (shared by every copy of the app); it is read after migrations.
let identity: ChatIdentity | undefined;
const chat = chatRoutes(
  { handle: (inbound) => host!.handle(inbound), pendingWeb: (chatId) => host!.pendingWeb(chatId) },
  {
    identity: { issue: () => identity!.issue(), verify: (token) => identity?.verify(token) ?? null },
    ...(config.chat.apiKey ? { apiKey: config.chat.apiKey } : {}),
    newResidents: new NewResidentLimiter({
      perHour: config.chat.newResidentsPerHour,
      perAddressPerHour: config.chat.newResidentsPerAddressPerHour,
    }),
    trustProxy: config.dashboard.trustProxy,
  },
);
const app = createApp(
  state,
  logger,
  [
    (app) =>
      app.use("*", async (c, next) =>
        host || !(c.req.path === "/chat" || c.req.path.startsWith("/api/chat"))
          ? next()
          : c.json({ error: "Server sedang dimulai. Coba lagi sebentar." }, 503),
      ),
    (app) => app.route("/", chat),
    webhook.mount,
    (app) =>
      app.use("/dashboard/*", async (c, next) =>
        state.ready ? next() : c.text("Server sedang dimulai. Coba lagi sebentar.", 503),
      ),
    (app) => app.route("/dashboard", dashboard),
    (app) => app.route("/", publicRoutes({ db: store.db, minutesPdf: forumMinutesPdf(store.db) })),
    (app) => app.route("/", open311Routes({ db: store.db })),
  ],
  { bodyLimits: defaultBodyLimits(config.uploadMaxBytes) },
);
const server = serve({ fetch: app.fetch, port: config.port, hostname: config.host }, (info) =>
  logger.info({ port: info.port }, `HTTP server listening on http://localhost:${info.port}`),
);
server.on("error", (error: NodeJS.ErrnoException) => {
  const hint =
    error.code === "EADDRINUSE"
      ? `port ${config.port} is already in use: stop the other program or set PORT to a free port`
      : error.message;
  logger.fatal({ err: error }, `HTTP server cannot start: ${hint}`);
  process.exit(1);
});

async function startUp(): Promise<void> {
  logger.info({ database: redact(config.databaseUrl) }, "applying migrations");
  await migrate(store);
  if (config.seedOnEmpty) await seedIfEmpty(store, logger);
  // The kamus and regions as the database holds them now, and again after an import by the CLI.
  const watch = await watchReferenceData({ db: store.db, logger, url: store.url });
  reference = watch;
  stops.push(() => watch.stop());
  identity = chatIdentity(await appSecret(store.db, "chat-identity"));
  host = createHost({
    store,
    matcher: watch.matcher,
    regions: watch.regions,
    dataDir: config.dataDir,
    maxProposalsPerCycle: config.maxProposalsPerCycle,
    logger,
  });
  watch.onChange(({ matcher, regions }) => {
    host?.setMatcher(matcher);
    host?.setRegions(regions);
  });
  stops.push(() => host?.close());
  const retention = scheduleRetention({ db: store.db, days: config.retentionDays, logger });
  stops.push(() => retention.stop());
  // Village-group answers wake the outbox worker as soon as they are queued; it exists once the senders do.
  let outbox: ReturnType<typeof startOutbox> | undefined;
  const groups = groupCommands({ db: store.db, logger, onQueued: () => outbox?.poke() });
  const channels = startChannels({ config, host, groups, logger, webhookRoute: webhook });
  stops.push(() => channels.stop());
  if (channels.senders.length) {
    const worker = startOutbox({
      queue: createOutboxQueue(store.db, store.flavour),
      senders: channels.senders,
      logger,
      policies: { whatsapp: whatsappPolicy(config.whatsapp.maxPerMinute) },
    });
    outbox = worker;
    // Stops first (stops run last-in first-out): the current sends finish before the channels go.
    stops.push(() => worker.stop());
  }
  state.health = healthChecks({
    db: store.db,
    senders: () => channels.senders,
  });
  logger.info({ entries: watch.matcher.size, villages: watch.regions.size }, "kamus matcher and regions ready");
  state.ready = true;
  logger.info("ready");
}

let stopping = false;
async function shutDown(signal: string): Promise<void> {
  if (stopping) return;
  stopping = true;
  state.ready = false;
  logger.info({ signal }, "shutting down");
  for (const stop of stops.reverse()) await stop();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  await store.db.$disconnect();
  process.exit(0);
}

process.on("SIGTERM", () => void shutDown("SIGTERM"));
process.on("SIGINT", () => void shutDown("SIGINT"));

startUp().catch(async (error: unknown) => {
  logger.fatal({ err: error }, `start-up failed: ${error instanceof Error ? error.message : String(error)}`);
  server.close();
  await store.db.$disconnect().catch(() => undefined);
  process.exit(1);
});
