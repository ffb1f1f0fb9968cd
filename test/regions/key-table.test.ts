import { describe, expect, it } from "vitest";
import { editDistance } from "../../src/edit-distance.ts";
import { regionKey } from "../../src/regions/region-key.ts";
import { buildKeyTable } from "../../src/regions/key-table.ts";
import { sampleVillages } from "./sample-regions.ts";

const keys = [...new Set(sampleVillages().map((v) => regionKey(v.name)))];
const table = buildKeyTable(keys);

describe("key table", () => {
  it("finds every key within the allowed share of edits, with its distance, shortest first", () => {
    // Typos of real names (a letter changed, dropped, doubled, two swapped) and words that are no name.
    const grams = ["sukamju", "sukamaaju", "srimkuti", "tamansar", "jatimulia", "jalan", "rusak", "banjir", "qwxz"];
    for (const gram of grams)
      for (const ratio of [0.14, 0.25, 0.34]) {
        const allowed = (key: string) => Math.floor(ratio * Math.max(gram.length, key.length) + 1e-9);
        const expected = keys
          .filter((k) => Math.abs(k.length - gram.length) <= 3)
          .map((key) => ({ key, distance: editDistance(gram, key, allowed(key)) }))
          .filter((x) => x.distance <= allowed(x.key))
          .sort((a, b) => a.key.length - b.key.length);
        expect(table.within(gram, gram.length - 3, gram.length + 3, ratio)).toEqual(expected);
      }
  });

  it("lists a key written twice once", () => {
    const t = buildKeyTable(["sukamaju", "sukamaju", "bukamajo", "bukamaju"]);
    expect(t.within("sukamaju", 8, 8, 0.25)).toEqual([
      { key: "sukamaju", distance: 0 },
      { key: "bukamajo", distance: 2 },
      { key: "bukamaju", distance: 1 },
    ]);
    expect(t.within("sukamaju", 8, 8, 0.125)).toEqual([
      { key: "sukamaju", distance: 0 },
      { key: "bukamaju", distance: 1 },
    ]);
  });
});
