// Telegram village groups linked to their desa by a group admin (`/desa <nama atau kode>`), so that a
// `/usul` in the group can deep-link to a private chat that already knows the desa.
import { loadRegions } from "./regions.ts";
import type { VillageRef, VillageSearch } from "../regions/index.ts";
import { withoutRegionPrefix } from "../regions/region-key.ts";
import type { Db } from "./client.ts";
import { searchVillages } from "./search.ts";

/** What the Telegram channel needs; built on the database by `groupLinkStore(db)`. */
export interface GroupLinks {
  villageOf(chatId: string): Promise<VillageRef | null>;
  find(query: string): Promise<VillageSearch>;
  link(chatId: string, villageCode: string, linkedBy: string): Promise<void>;
}

/**
 * Group links on the database. The lookup takes a BPS code, or a name as the engine's region index reads it
 * (typos, a "desa" prefix, a kecamatan named alongside: "sukamaju tambelang"), then falls back to names
 * containing every word typed ("suka" → Sukamaju, Sukamulya, ...). Several hits are listed with their codes;
 * the confirmation names desa and kecamatan, so an admin sees at once if the link is wrong.
 */
export function groupLinkStore(db: Db): GroupLinks {
  const toRef = (v: { code: string; name: string; district: { code: string; name: string } }): VillageRef => ({
    code: v.code,
    name: v.name,
    districtCode: v.district.code,
    districtName: v.district.name,
  });
  return {
    async villageOf(chatId) {
      const link = await db.telegramGroupLink.findUnique({
        where: { chatId },
        include: { village: { include: { district: true } } },
      });
      return link ? toRef(link.village) : null;
    },
    async find(query) {
      // 187 desa in a kabupaten: loading the index per /desa (a rare, admin-only command) is cheap.
      const regions = await loadRegions(db);
      const code = query.replace(/[\s.]/g, "");
      if (/^\d{10}$/.test(code)) {
        const v = regions.byCode(code);
        return v ? { kind: "found", village: v } : { kind: "none" };
      }
      const fuzzy = regions.searchAnswer(query);
      if (fuzzy.kind !== "none") return fuzzy;
      const name = withoutRegionPrefix(query);
      const hits = name.trim() ? await searchVillages(db, name, 10) : [];
      if (hits.length === 1) return { kind: "found", village: toRef(hits[0]!) };
      if (hits.length > 1) return { kind: "ambiguous", candidates: hits.map(toRef) };
      return { kind: "none" };
    },
    async link(chatId, villageCode, linkedBy) {
      await db.telegramGroupLink.upsert({
        where: { chatId },
        create: { chatId, villageCode, linkedBy },
        update: { villageCode, linkedBy },
      });
    },
  };
}
