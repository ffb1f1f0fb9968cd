// The baseline the matcher must beat: natural's TfIdf over the kamus names alone, no normalisation.
import natural from "natural";
import type { KamusDoc } from "../../../src/kamus/types.ts";
import type { Ranker } from "./metrics.ts";

/** Builds the baseline ranker; it never says "nothing fits" unless no name shares a word. */
export function baselineRanker(entries: readonly KamusDoc[], top = 5): Ranker {
  const tfidf = new natural.TfIdf();
  for (const e of entries) tfidf.addDocument(e.nama.toLowerCase());
  return (text) => {
    const scores: { i: number; s: number }[] = [];
    tfidf.tfidfs(text.toLowerCase(), (i, s) => {
      if (s > 0) scores.push({ i, s });
    });
    return scores
      .sort((a, b) => b.s - a.s)
      .slice(0, top)
      .map((x) => entries[x.i]!.kode);
  };
}
