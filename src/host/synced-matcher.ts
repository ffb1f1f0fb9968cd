// A running matcher kept in step with the learned phrases in the database without rebuilding it. Each
// confirmed proposal stores a phrase and teaches the live matcher at once; a rebuild for that (the old
// fingerprint counted phrases) cost seconds of CPU every 30 s under load. The matcher remembers which stored
// rows it holds and how many uses of each, so a check learns only what another process or copy added, and
// rebuilds only when a phrase was removed. Tests: test/host/synced-matcher.test.ts.
import { normalizeText } from "../kamus/normalize.ts";
import type { KamusDoc, KamusMatcher, LearnedPhraseDoc, MatchResult } from "../kamus/types.ts";
import type { LearnedPhraseRow } from "../store/learned-phrases.ts";

/** The same row as the database's unique key: entry and normalised wording. */
function rowKey(kode: string, phrase: string): string {
  return `${kode}\u0000${normalizeText(phrase)}`;
}

/** What a sync did: phrases learned, or `rebuild` when the matcher cannot follow the database in place. */
export type SyncOutcome = { learned: number; rebuild: false } | { learned: 0; rebuild: true };

/** A matcher plus the ledger of stored phrase rows it holds (row id → uses). */
export class SyncedMatcher implements KamusMatcher {
  /** Rows the matcher holds, by id, with the uses it counted for each. */
  private readonly held = new Map<number, number>();
  /** Uses taught in this process (`learn`) whose rows the ledger has not seen yet, by entry and wording. */
  private readonly pending = new Map<string, number>();

  /** `rows` are exactly the learned phrases `inner` was built with. */
  constructor(
    private readonly inner: KamusMatcher,
    rows: readonly LearnedPhraseRow[],
  ) {
    for (const r of rows) this.held.set(r.id, r.uses);
  }

  match(text: string, options?: { top?: number }): MatchResult {
    return this.inner.match(text, options);
  }

  entry(kode: string): KamusDoc | undefined {
    return this.inner.entry(kode);
  }

  get size(): number {
    return this.inner.size;
  }

  /** Teaches the live matcher a phrase just stored in this process (its row is matched up at the next sync). */
  learn(phrase: LearnedPhraseDoc): void {
    this.inner.learn(phrase);
    const key = rowKey(phrase.kode, phrase.phrase);
    this.pending.set(key, (this.pending.get(key) ?? 0) + Math.max(1, Math.floor(phrase.uses ?? 1)));
  }

  /** Count, total uses and newest id of the rows held: equal to the database's means nothing to do. */
  fingerprint(): string {
    let uses = 0;
    let max = 0;
    for (const [id, n] of this.held) {
      uses += n;
      max = Math.max(max, id);
    }
    return [this.held.size, uses, max].join(":");
  }

  /**
   * Brings the matcher to `rows` (every stored phrase of an active entry): learns new rows and added uses,
   * except those this process already taught it; a removed row or fewer uses asks for a rebuild.
   */
  sync(rows: readonly LearnedPhraseRow[]): SyncOutcome {
    const byId = new Map(rows.map((r) => [r.id, r]));
    for (const [id, uses] of this.held) if ((byId.get(id)?.uses ?? 0) < uses) return { learned: 0, rebuild: true };
    let learned = 0;
    for (const row of rows) {
      let added = row.uses - (this.held.get(row.id) ?? 0);
      if (added <= 0) continue;
      const key = rowKey(row.kode, row.phrase);
      const taught = Math.min(added, this.pending.get(key) ?? 0);
      if (taught) this.pending.set(key, (this.pending.get(key) ?? 0) - taught);
      added -= taught;
      if (added > 0) {
        if (!this.inner.entry(row.kode)) return { learned: 0, rebuild: true };
        this.inner.learn({ kode: row.kode, phrase: row.phrase, uses: added });
        learned++;
      }
      this.held.set(row.id, row.uses);
    }
    return { learned, rebuild: false };
  }
}
