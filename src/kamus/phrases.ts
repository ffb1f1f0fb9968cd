// Finds phrases in a sequence of stems: the synonym rewrite ("lampu jalan" → "pju") and the presence test
// of concept triggers both work on stems, so "selokannya" meets "selokan" and "lampu-lampu jalan" meets "lampu jalan".

/**
 * Short words that may sit inside a phrase without breaking it ("lampu di jalan", "tong yang sampah") or between a
 * noun and the place that owns it ("keranda di masjid").
 */
export const GLUE = new Set(["di", "ke", "yang", "nya", "dari"]);

/** A phrase (as stems) and what it stands for. */
export interface PhraseRule<T> {
  stems: string[];
  value: T;
}

/** Longest-first phrase lookup keyed by the first stem. */
export class PhraseTable<T> {
  private readonly byFirst = new Map<string, PhraseRule<T>[]>();

  /** Adds a phrase; empty phrases are ignored. */
  add(stems: string[], value: T): void {
    const first = stems[0];
    if (first === undefined) return;
    const list = this.byFirst.get(first) ?? [];
    if (list.some((r) => r.stems.join(" ") === stems.join(" "))) return;
    list.push({ stems, value });
    list.sort((a, b) => b.stems.length - a.stems.length);
    this.byFirst.set(first, list);
  }

  /** The longest phrase starting at `start`, and the index just after it. */
  matchAt(seq: readonly string[], start: number): { rule: PhraseRule<T>; end: number } | undefined {
    const rules = this.byFirst.get(seq[start]!);
    if (!rules) return undefined;
    for (const rule of rules) {
      let j = start + 1;
      let k = 1;
      while (k < rule.stems.length && j < seq.length) {
        if (seq[j] === rule.stems[k]) {
          j++;
          k++;
        } else if (GLUE.has(seq[j]!)) j++;
        else break;
      }
      if (k === rule.stems.length) return { rule, end: j };
    }
    return undefined;
  }
}
