// Opens the configured database for a CLI command, applies pending migrations, and always closes it.
import { loadConfig } from "../config/config.ts";
import { openStore, type Store } from "../store/client.ts";
import { migrate } from "../store/migrate.ts";

export async function withStore<T>(work: (store: Store) => Promise<T>): Promise<T> {
  const store = openStore(loadConfig().databaseUrl);
  try {
    await migrate(store);
    return await work(store);
  } finally {
    await store.db.$disconnect();
  }
}
