// Telegram village groups linked to their desa by a group admin (`/desa <nama atau kode>`), so that a
// `/usul` in the group can deep-link to a private chat that already knows the desa.
import type { Db } from "./client.ts";
import { searchForm, searchVillages } from "./search.ts";

/** A desa as the group commands show it, e.g. `{ code: "3216010001", name: "Sukamaju", district: "Setu" }`. */
export interface GroupVillage {
  code: string;
  name: string;
  district: string;
}

/** The answer of a `/desa` lookup. */
export type VillageLookup =
  | { kind: "found"; village: GroupVillage }
  | { kind: "ambiguous"; candidates: GroupVillage[] }
  | { kind: "none" };

/** What the Telegram channel needs; built on the database by `groupLinkStore(db)`. */
export interface GroupLinks {
  villageOf(chatId: string): Promise<GroupVillage | null>;
  find(query: string): Promise<VillageLookup>;
  link(chatId: string, villageCode: string, linkedBy: string): Promise<void>;
}

/**
 * Group links on the database. The lookup is deliberately strict (an admin types it once, and a wrong
 * desa would misfile every proposal from the group): a BPS code, the exact name ("Desa" prefix allowed),
 * or a name containing every word typed; several hits are shown with their codes to choose from.
 */
export function groupLinkStore(db: Db): GroupLinks {
  const toGroupVillage = (v: { code: string; name: string; district: { name: string } }): GroupVillage => ({
    code: v.code,
    name: v.name,
    district: v.district.name,
  });
  return {
    async villageOf(chatId) {
      const link = await db.telegramGroupLink.findUnique({
        where: { chatId },
        include: { village: { include: { district: true } } },
      });
      return link ? toGroupVillage(link.village) : null;
    },
    async find(query) {
      const code = query.replace(/[\s.]/g, "");
      if (/^\d{10}$/.test(code)) {
        const v = await db.village.findUnique({ where: { code }, include: { district: true } });
        return v ? { kind: "found", village: toGroupVillage(v) } : { kind: "none" };
      }
      const name = searchForm(query).replace(/^(desa|ds\.?|kelurahan|kel\.?)\s+/, "");
      if (!name) return { kind: "none" };
      const exact = await db.village.findMany({ where: { searchName: name }, include: { district: true }, take: 10 });
      const hits = exact.length ? exact : await searchVillages(db, name, 10);
      if (hits.length === 1) return { kind: "found", village: toGroupVillage(hits[0]!) };
      if (hits.length > 1) return { kind: "ambiguous", candidates: hits.map(toGroupVillage) };
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
