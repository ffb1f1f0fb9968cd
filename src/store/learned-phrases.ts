// Learned phrases: a resident's confirmed wording or an officer's reclassification, stored per kamus entry and
// fed back to the matcher (see src/kamus/learned-wordings.ts). Also loads the whole kamus for a matcher.
import { normalizeText } from "../kamus/normalize.ts";
import { MAX_LEARNED_PHRASE_LENGTH, type KamusDoc, type KamusMatcher, type LearnedPhraseDoc } from "../kamus/types.ts";
import type { Db, Tx } from "./client.ts";
import { Refusal } from "../refusal.ts";

/** Who taught the phrase. */
export type PhraseSource = "resident" | "officer";

/** A stored phrase, e.g. `{ "id": 7, "kode": "MLG23-085", "phrase": "lampu gang", "source": "officer", ... }`. */
export interface LearnedPhraseRecord {
  id: number;
  kode: string;
  phrase: string;
  source: PhraseSource;
  createdBy: string | null;
  createdAt: Date;
  /** How many times this wording was filed to this entry. */
  uses: number;
}

type DbLike = Db | Tx;

function toRecord(row: {
  id: number;
  phrase: string;
  source: string;
  createdBy: string | null;
  createdAt: Date;
  uses: number;
  kamusEntry: { kode: string };
}): LearnedPhraseRecord {
  return {
    id: row.id,
    kode: row.kamusEntry.kode,
    phrase: row.phrase,
    source: row.source === "resident" ? "resident" : "officer",
    createdBy: row.createdBy,
    createdAt: row.createdAt,
    uses: row.uses,
  };
}

/**
 * Stores a phrase for the entry `kode`; the same wording (after normalisation) for the same entry is stored once and
 * counts one more use. Throws a readable error for an unknown kode or a phrase with no words. `created` is false
 * when it existed. A running matcher does not see it: use `learnPhrase`, which stores and teaches in one step.
 */
export async function addLearnedPhrase(
  db: DbLike,
  input: { kode: string; phrase: string; source?: PhraseSource; createdBy?: string | null },
): Promise<{ record: LearnedPhraseRecord; created: boolean }> {
  const phrase = input.phrase.trim().replace(/\s+/g, " ");
  const normalized = normalizeText(phrase);
  if (!normalized) throw new Refusal(400, `the phrase "${input.phrase}" has no words to learn`);
  if (phrase.length > MAX_LEARNED_PHRASE_LENGTH)
    throw new Refusal(
      400,
      `the phrase is ${phrase.length} characters long; keep it under ${MAX_LEARNED_PHRASE_LENGTH}`,
    );
  const entry = await db.kamusEntry.findUnique({ where: { kode: input.kode }, select: { id: true } });
  if (!entry) throw new Refusal(404, `no kamus entry with kode "${input.kode}" (see \`musrenbang kamus\`)`);
  const where = { kamusEntryId_normalized: { kamusEntryId: entry.id, normalized } };
  const existing = await db.learnedPhrase.findUnique({ where, select: { id: true } });
  if (existing) {
    const row = await db.learnedPhrase.update({
      where: { id: existing.id },
      data: { uses: { increment: 1 } },
      include: { kamusEntry: { select: { kode: true } } },
    });
    return { record: toRecord(row), created: false };
  }
  const row = await db.learnedPhrase.upsert({
    where,
    create: {
      kamusEntryId: entry.id,
      phrase,
      normalized,
      source: input.source ?? "officer",
      createdBy: input.createdBy ?? null,
    },
    update: { uses: { increment: 1 } },
    include: { kamusEntry: { select: { kode: true } } },
  });
  return { record: toRecord(row), created: row.uses === 1 };
}

/**
 * THE way an officer (or an import of filed pairs) teaches the matcher: stores the phrase for `kode` and adds it to
 * the running `matcher`, which then ranks exactly as a matcher rebuilt from the database would. Call it when an
 * officer reclassifies a proposal, e.g. `await learnPhrase(db, matcher, { kode, phrase: proposal.problem })`.
 */
export async function learnPhrase(
  db: DbLike,
  matcher: Pick<KamusMatcher, "learn">,
  input: { kode: string; phrase: string; source?: PhraseSource; createdBy?: string | null },
): Promise<{ record: LearnedPhraseRecord; created: boolean }> {
  const result = await addLearnedPhrase(db, input);
  matcher.learn({ kode: result.record.kode, phrase: result.record.phrase });
  return result;
}

/** Stored phrases, oldest first; only those of entry `kode` when given. */
export async function listLearnedPhrases(db: DbLike, filter: { kode?: string } = {}): Promise<LearnedPhraseRecord[]> {
  const rows = await db.learnedPhrase.findMany({
    where: filter.kode ? { kamusEntry: { kode: filter.kode } } : {},
    include: { kamusEntry: { select: { kode: true } } },
    orderBy: { id: "asc" },
  });
  return rows.map(toRecord);
}

/** Deletes phrase `id`; returns what was deleted, or null when there was no such phrase. */
export async function removeLearnedPhrase(db: DbLike, id: number): Promise<LearnedPhraseRecord | null> {
  const row = await db.learnedPhrase.findUnique({ where: { id }, include: { kamusEntry: { select: { kode: true } } } });
  if (!row) return null;
  await db.learnedPhrase.deleteMany({ where: { id } });
  return toRecord(row);
}

/** The active kamus entries (kode order) and their learned phrases, ready for `buildMatcher(entries, learned)`. */
export async function loadKamus(db: DbLike): Promise<{ entries: KamusDoc[]; learned: LearnedPhraseDoc[] }> {
  const rows = await db.kamusEntry.findMany({ where: { active: true }, orderBy: { kode: "asc" } });
  const entries: KamusDoc[] = rows.map((e) => ({
    kode: e.kode,
    nama: e.nama,
    agency: e.agency,
    urusan: e.urusan,
    program: e.program,
    kegiatan: e.kegiatan,
    subKegiatanCode: e.subKegiatanCode,
    subKegiatan: e.subKegiatan,
    unit: e.unit,
    unitPrice: e.unitPrice,
    kind: e.kind,
    requirements: e.requirements,
  }));
  const phrases = await db.learnedPhrase.findMany({
    where: { kamusEntry: { active: true } },
    include: { kamusEntry: { select: { kode: true } } },
    orderBy: { id: "asc" },
  });
  return {
    entries,
    learned: phrases.map((p) => ({ kode: p.kamusEntry.kode, phrase: p.phrase, uses: p.uses })),
  };
}

/** A stored phrase as the running matcher tracks it (see src/host/synced-matcher.ts). */
export interface LearnedPhraseRow {
  id: number;
  kode: string;
  phrase: string;
  uses: number;
}

/** Where the learned phrases of active entries stand: count, total uses and newest id, e.g. "12:15:40". */
export async function learnedFingerprint(db: DbLike): Promise<string> {
  const a = await db.learnedPhrase.aggregate({
    where: { kamusEntry: { active: true } },
    _count: { _all: true },
    _sum: { uses: true },
    _max: { id: true },
  });
  return [a._count._all, a._sum.uses ?? 0, a._max.id ?? 0].join(":");
}

/** Every stored phrase of an active entry with its id and uses, oldest first. */
export async function learnedRows(db: DbLike): Promise<LearnedPhraseRow[]> {
  const rows = await db.learnedPhrase.findMany({
    where: { kamusEntry: { active: true } },
    select: { id: true, phrase: true, uses: true, kamusEntry: { select: { kode: true } } },
    orderBy: { id: "asc" },
  });
  return rows.map((r) => ({ id: r.id, kode: r.kamusEntry.kode, phrase: r.phrase, uses: r.uses }));
}
