// A built KamusIndex sent between threads: a worker builds it (seconds for a big kamus) and the running bot
// receives it as structured-clone data, which keeps Maps, typed arrays and shared references but not classes
// or functions. `packIndex` leaves out the analyser (each thread has its own) and the closures; `unpackIndex`
// gives the objects their classes back and makes the closures again (KamusIndex.revive). Tests:
// test/host/matcher-builder.test.ts (a worker-built matcher ranks and learns as one built in place).
import type { Analyzer } from "./analyzer.ts";
import { Bm25fIndex } from "./bm25f.ts";
import { ConceptValues } from "./concept-values.ts";
import { FuzzyVocabulary } from "./fuzzy.ts";
import { KamusIndex } from "./kamus-index.ts";
import { LearnedWordings } from "./learned-wordings.ts";
import type { MatcherOptions } from "./options.ts";

/** A KamusIndex as plain data (postMessage-able). */
export type PackedIndex = { readonly packed: unique symbol } & object;

type Fields = Record<string, unknown>;

/** The index without its analyser, options and closures, ready for postMessage. */
export function packIndex(k: KamusIndex): PackedIndex {
  const { analyzer: _analyzer, opts: _opts, correct: _correct, ...rest } = k as unknown as Fields;
  const learned = { ...(k.learned as unknown as Fields) };
  delete learned.idf;
  return { ...rest, learned } as unknown as PackedIndex;
}

/** The index again, over this thread's `analyzer` and `opts` (those the worker built it with). */
export function unpackIndex(data: PackedIndex, analyzer: Analyzer, opts: MatcherOptions): KamusIndex {
  const k = data as unknown as Fields;
  Object.setPrototypeOf(k.index, Bm25fIndex.prototype);
  Object.setPrototypeOf(k.concepts, ConceptValues.prototype);
  Object.setPrototypeOf(k.learned, LearnedWordings.prototype);
  if (k.fuzzy) Object.setPrototypeOf(k.fuzzy, FuzzyVocabulary.prototype);
  Object.setPrototypeOf(k, KamusIndex.prototype);
  return (k as unknown as KamusIndex).revive(analyzer, opts);
}
