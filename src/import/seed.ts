// The sample data an empty database starts with: Kabupaten Bekasi's region list and Kota Malang's kamus.
import { join } from "node:path";
import { projectRoot } from "../config/paths.ts";
import { importKamusFile, importWilayahFile } from "./index.ts";
import type { Logger } from "../logger.ts";
import type { Store } from "../store/client.ts";

export const sampleFiles = {
  wilayah: join(projectRoot, "prisma", "seed", "wilayah-bekasi.csv"),
  kamus: join(projectRoot, "prisma", "seed", "kamus-malang-2023.csv"),
};

/** Loads each sample only into an empty table, so an operator's own imports are never overwritten. */
export async function seedIfEmpty(store: Store, logger: Logger): Promise<void> {
  if ((await store.db.village.count()) === 0) {
    const result = await importWilayahFile(store, sampleFiles.wilayah);
    logger.info({ file: sampleFiles.wilayah, ...result }, "sample region loaded");
  }
  if ((await store.db.kamusEntry.count()) === 0) {
    const result = await importKamusFile(store, sampleFiles.kamus);
    logger.info({ file: sampleFiles.kamus, ...result }, "sample kamus loaded");
  }
}
