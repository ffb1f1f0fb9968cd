// Writing proposals from the conversation: create one (with its first audit event and photos), add support,
// and the read questions a turn asks (src/engine/context.ts Lookups). Direct SQL: see sql.ts for why.
import type { CreateProposal } from "../engine/effects.ts";
import type { PhotoRef } from "../engine/state.ts";
import type { Lookups, ProposalBrief, SimilarQuery } from "../engine/context.ts";
import { relevantCycle, type CycleWindow } from "../cycles/intake.ts";
import { normalizeText } from "../kamus/normalize.ts";
import { MAX_LEARNED_PHRASE_LENGTH } from "../kamus/types.ts";
import { shortTitle } from "../texts/short-title.ts";
import { linkAttachments } from "./attachments.ts";
import { searchForm } from "./search.ts";
import { num, type Sql } from "./sql.ts";

/** Stores a new proposal with a DIAJUKAN event; returns its id. */
export async function createProposal(sql: Sql, p: CreateProposal["proposal"]): Promise<number> {
  const entry = p.kamusKode
    ? await sql.get<{ id: number }>(`SELECT "id" FROM "KamusEntry" WHERE "kode" = ?`, [p.kamusKode])
    : undefined;
  const cycle = relevantCycle(await cycleWindows(sql), p.createdAt);
  const row = await sql.get<{ id: number }>(
    `INSERT INTO "Proposal" ("code", "status", "villageCode", "rt", "rw", "address", "latitude", "longitude", "problem", "activity",
       "kamusEntryId", "kamusNoMatch", "volume", "unit", "estimatedCost", "beneficiaries", "proposerId", "proposerName", "channel",
       "searchText", "cycleId", "createdAt", "updatedAt")
     VALUES (?, 'DIAJUKAN', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING "id"`,
    [
      p.code,
      p.villageCode,
      p.rt,
      p.rw,
      p.address,
      p.latitude,
      p.longitude,
      p.problem,
      p.activity,
      entry?.id,
      !entry,
      p.volume,
      p.unit,
      p.estimatedCost,
      p.beneficiaries,
      p.residentId,
      p.proposerName,
      p.channel,
      searchForm([p.problem, p.activity, p.address].filter(Boolean).join(" ")),
      cycle?.id,
      p.createdAt,
      p.createdAt,
    ],
  );
  const id = num(row!.id);
  await sql.run(
    `INSERT INTO "ProposalEvent" ("proposalId", "actorType", "actorId", "toStatus", "createdAt") VALUES (?, 'resident', ?, 'DIAJUKAN', ?)`,
    [id, p.residentId, p.createdAt],
  );
  await linkAttachments(sql, id, p.photos, p.createdAt);
  return id;
}

/**
 * The only status a proposer may withdraw from (TARIK): nobody has checked the proposal yet. The lifecycle
 * (src/proposals/lifecycle.ts) allows DITARIK from this status alone; test/proposals/lifecycle.test.ts holds both.
 */
export const WITHDRAWABLE_FROM = "DIAJUKAN";

/**
 * TARIK: the proposer withdraws their own proposal, with its audit event. Nothing happens (false) when the
 * code is another resident's or the proposal is no longer DIAJUKAN.
 */
export async function withdrawProposal(sql: Sql, code: string, residentId: string, now: Date): Promise<boolean> {
  const row = await sql.get<{ id: number }>(
    `UPDATE "Proposal" SET "status" = 'DITARIK', "updatedAt" = ?
      WHERE "code" = ? AND "proposerId" = ? AND "status" = '${WITHDRAWABLE_FROM}' RETURNING "id"`,
    [now, code, residentId],
  );
  if (!row) return false;
  await sql.run(
    `INSERT INTO "ProposalEvent" ("proposalId", "actorType", "actorId", "fromStatus", "toStatus", "createdAt")
     VALUES (?, 'resident', ?, '${WITHDRAWABLE_FROM}', 'DITARIK', ?)`,
    [num(row.id), residentId, now],
  );
  return true;
}

/**
 * FOTO: links a photo to the resident's own proposal; false (nothing written) for another resident's code or a
 * photo the proposal already has.
 */
export async function addProposalPhoto(
  sql: Sql,
  code: string,
  residentId: string,
  photo: PhotoRef,
  now: Date,
): Promise<boolean> {
  const p = await sql.get<{ id: number }>(`SELECT "id" FROM "Proposal" WHERE "code" = ? AND "proposerId" = ?`, [
    code,
    residentId,
  ]);
  if (!p) return false;
  const id = num(p.id);
  if (await sql.get(`SELECT 1 AS "x" FROM "Attachment" WHERE "proposalId" = ? AND "sha256" = ?`, [id, photo.sha256]))
    return false;
  await linkAttachments(sql, id, [photo], now);
  return true;
}

/** Adds a resident's support (once), remembering the channel it came from (web supports are counted apart). */
export async function addSupport(
  sql: Sql,
  code: string,
  residentId: string,
  now: Date,
  channel: string | null = null,
): Promise<void> {
  const p = await sql.get<{ id: number }>(`SELECT "id" FROM "Proposal" WHERE "code" = ?`, [code]);
  if (!p) return;
  await sql.run(
    `INSERT INTO "Support" ("proposalId", "residentId", "channel", "createdAt") VALUES (?, ?, ?, ?) ON CONFLICT ("proposalId", "residentId") DO NOTHING`,
    [p.id, residentId, channel, now],
  );
}

/**
 * Stores a resident's phrase for a kamus entry, normalised as src/store/learned-phrases.ts does (one row per
 * entry and wording, a repeat counts one more use); true when stored, so the running matcher learns it too.
 */
export async function storeLearnedPhrase(sql: Sql, kode: string, phrase: string, now: Date): Promise<boolean> {
  const normalized = normalizeText(phrase);
  if (!normalized || phrase.length > MAX_LEARNED_PHRASE_LENGTH) return false;
  const entry = await sql.get<{ id: number }>(`SELECT "id" FROM "KamusEntry" WHERE "kode" = ?`, [kode]);
  if (!entry) return false;
  const added = await sql.run(
    `INSERT INTO "LearnedPhrase" ("kamusEntryId", "phrase", "normalized", "source", "createdAt") VALUES (?, ?, ?, 'resident', ?)
     ON CONFLICT ("kamusEntryId", "normalized") DO UPDATE SET "uses" = "LearnedPhrase"."uses" + 1`,
    [entry.id, phrase, normalized, now],
  );
  return added > 0;
}

interface BriefRow {
  id: number;
  code: string;
  status: string;
  problem: string;
  activity: string | null;
  rt: string | null;
  rw: string | null;
  address: string | null;
  proposerId: string | null;
  kamusNama: string | null;
  villageName: string;
  supporters: number | string;
  photos: number | string;
  latitude: number | null;
  longitude: number | null;
  searchText: string;
}

const BRIEF = `SELECT p."id", p."code", p."status", p."problem", p."activity", p."rt", p."rw", p."address", p."proposerId",
    p."latitude", p."longitude", p."searchText", k."nama" AS "kamusNama", v."name" AS "villageName",
    (SELECT COUNT(*) FROM "Support" s WHERE s."proposalId" = p."id") AS "supporters",
    (SELECT COUNT(*) FROM "Attachment" a WHERE a."proposalId" = p."id") AS "photos"
  FROM "Proposal" p JOIN "Village" v ON v."code" = p."villageCode" LEFT JOIN "KamusEntry" k ON k."id" = p."kamusEntryId"`;

function brief(r: BriefRow): ProposalBrief {
  const t = r.kamusNama ?? r.activity ?? r.problem;
  return {
    code: r.code,
    status: r.status,
    title: shortTitle(t),
    villageName: r.villageName,
    rt: r.rt,
    rw: r.rw,
    address: r.address,
    supporters: num(r.supporters),
    photos: num(r.photos),
    proposerId: r.proposerId,
    withdrawable: r.status === WITHDRAWABLE_FROM,
  };
}

/** Metres between two points (haversine). */
function distance(aLat: number, aLng: number, bLat: number, bLng: number): number {
  const rad = Math.PI / 180;
  const h =
    Math.sin(((bLat - aLat) * rad) / 2) ** 2 +
    Math.cos(aLat * rad) * Math.cos(bLat * rad) * Math.sin(((bLng - aLng) * rad) / 2) ** 2;
  return 2 * 6_371_000 * Math.asin(Math.sqrt(h));
}

function words(text: string): Set<string> {
  return new Set(
    searchForm(text)
      .split(/[^a-z0-9]+/)
      .filter((w) => w.length > 2),
  );
}

/** Near: same RT/RW, within 300 m, or (without either) sharing a third of the words in the same RW. */
export function isNear(
  q: SimilarQuery,
  r: Pick<BriefRow, "rt" | "rw" | "latitude" | "longitude" | "searchText">,
): boolean {
  if (q.rt && q.rw && r.rt === q.rt && r.rw === q.rw) return true;
  if (q.latitude !== undefined && q.longitude !== undefined && r.latitude !== null && r.longitude !== null) {
    return distance(q.latitude, q.longitude, r.latitude, r.longitude) <= 300;
  }
  const a = words(q.text);
  const b = words(r.searchText);
  if (a.size === 0 || b.size === 0) return false;
  let common = 0;
  for (const w of a) if (b.has(w)) common++;
  return common / Math.min(a.size, b.size) >= 0.34 && (!q.rw || !r.rw || q.rw === r.rw);
}

/** The read questions of a turn, answered inside its transaction. */
export function proposalLookups(sql: Sql): Lookups {
  return {
    async countProposalsSince(residentId, since) {
      const r = await sql.get<{ n: number }>(
        `SELECT COUNT(*) AS "n" FROM "Proposal" WHERE "proposerId" = ? AND "createdAt" >= ?`,
        [residentId, since],
      );
      return num(r?.n);
    },
    async residentProposals(residentId) {
      const rows = await sql.all<BriefRow>(`${BRIEF} WHERE p."proposerId" = ? ORDER BY p."id" DESC LIMIT 10`, [
        residentId,
      ]);
      return rows.map(brief);
    },
    async proposalByCode(code, residentId) {
      const r = await sql.get<BriefRow>(`${BRIEF} WHERE p."code" = ?`, [code.toUpperCase()]);
      if (!r) return undefined;
      const b = brief(r);
      if (residentId) {
        b.supportedByResident = !!(await sql.get(
          `SELECT 1 AS "x" FROM "Support" WHERE "proposalId" = ? AND "residentId" = ?`,
          [r.id, residentId],
        ));
      }
      return b;
    },
    async findSimilar(q) {
      // Candidates first (no support counts), then the full brief of the one that is near.
      const rows = await sql.all<Pick<BriefRow, "id" | "rt" | "rw" | "latitude" | "longitude" | "searchText">>(
        `SELECT p."id", p."rt", p."rw", p."latitude", p."longitude", p."searchText"
           FROM "Proposal" p JOIN "KamusEntry" k ON k."id" = p."kamusEntryId"
          WHERE p."villageCode" = ? AND k."kode" = ? AND p."status" IN ('DIAJUKAN', 'DIVERIFIKASI', 'DISEPAKATI', 'DITERUSKAN')
            AND (p."proposerId" IS NULL OR p."proposerId" <> ?) ORDER BY p."id" LIMIT 50`,
        [q.villageCode, q.kamusKode, q.excludeResidentId],
      );
      const hit = rows.find((r) => isNear(q, r));
      if (!hit) return undefined;
      const row = await sql.get<BriefRow>(`${BRIEF} WHERE p."id" = ?`, [hit.id]);
      return row ? brief(row) : undefined;
    },
    async statusHistory(code) {
      // Status moves only (not reclassifications or corrections), and no actor: officers stay unnamed.
      // PostgreSQL: timestamp without time zone holds UTC (as Prisma writes it); say so, as cycleWindows does.
      const at = sql.dialect === "postgres" ? `(e."createdAt" AT TIME ZONE 'UTC')` : `e."createdAt"`;
      const rows = await sql.all<{ at: string | Date; from: string | null; to: string; reason: string | null }>(
        `SELECT ${at} AS "at", e."fromStatus" AS "from", e."toStatus" AS "to", e."reason"
           FROM "ProposalEvent" e JOIN "Proposal" p ON p."id" = e."proposalId"
          WHERE p."code" = ? AND e."kind" = 'status' ORDER BY e."createdAt", e."id"`,
        [code.toUpperCase()],
      );
      return rows.map((r) => ({ at: new Date(r.at), from: r.from, to: r.to, reason: r.reason }));
    },
    codeTaken: async (code) => !!(await sql.get(`SELECT 1 AS "x" FROM "Proposal" WHERE "code" = ?`, [code])),
    intakeWindow: async (now) => relevantCycle(await cycleWindows(sql), now),
  };
}

/** Every cycle's intake window (a handful of rows: one per year). */
async function cycleWindows(sql: Sql): Promise<(CycleWindow & { id: number })[]> {
  // PostgreSQL: timestamp without time zone holds UTC (as Prisma writes it); say so, or pg reads local time.
  const columns =
    sql.dialect === "postgres"
      ? `("opensAt" AT TIME ZONE 'UTC') AS "opensAt", ("closesAt" AT TIME ZONE 'UTC') AS "closesAt"`
      : `"opensAt", "closesAt"`;
  const rows = await sql.all<{ id: number; year: number; opensAt: string | Date; closesAt: string | Date }>(
    `SELECT "id", "year", ${columns} FROM "Cycle"`,
    [],
  );
  return rows.map((r) => ({
    id: num(r.id),
    year: num(r.year),
    opensAt: new Date(r.opensAt),
    closesAt: new Date(r.closesAt),
  }));
}
