// `npm start`: migrate, seed an empty database with the sample region and kamus, serve HTTP, start channels.
import { serve } from "@hono/node-server";
import { loadConfig } from "./config/config.ts";
import { createLogger } from "./logger.ts";
import { openStore } from "./store/client.ts";
import { migrate, redact } from "./store/migrate.ts";
import { seedIfEmpty } from "./store/seed.ts";
import { createApp, type AppState } from "./http/server.ts";

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

const app = createApp(state, logger);
const server = serve({ fetch: app.fetch, port: config.port, hostname: config.host }, (info) =>
  logger.info({ port: info.port }, `HTTP server listening on http://localhost:${info.port}`),
);

async function startUp(): Promise<void> {
  logger.info({ database: redact(config.databaseUrl) }, "applying migrations");
  await migrate(store);
  if (config.seedOnEmpty) await seedIfEmpty(store, logger);
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
