import { describe, expect, it } from "vitest";
import { editDistance } from "../../src/edit-distance.ts";
import { regionKey } from "../../src/regions/region-key.ts";
import { buildKeyTable } from "../../src/regions/key-table.ts";
import { sampleVillages } from "./sample-regions.ts";

const keys = [...new Set(sampleVillages().map((v) => regionKey(v.name)))];
const table = buildKeyTable(keys);

describe("key table", () => {
  it("finds every key within the allowed edits, with its distance, shortest first", () => {
    // Typos of real names (a letter changed, dropped, doubled, two swapped) and words that are no name.
    const grams = ["sukamju", "sukamaaju", "srimkuti", "tamansar", "jatimulia", "jalan", "rusak", "banjir", "qwxz"];
    for (const gram of grams)
      for (const max of [1, 2, 3]) {
        const expected = keys
          .filter((k) => k.length >= gram.length - max && k.length <= gram.length + max)
          .map((key) => ({ key, distance: editDistance(gram, key, max) }))
          .filter((x) => x.distance <= max)
          .sort((a, b) => a.key.length - b.key.length);
        const found = table.within(
          gram,
          gram.length - max,
          gram.length + max,
          () => max,
          () => false,
        );
        expect(found).toEqual(expected);
      }
  });

  it("lists a key written twice once, and keeps only keys sharing an end letter where asked", () => {
    const t = buildKeyTable(["sukamaju", "sukamaju", "bukamajo", "bukamaju"]);
    const all = [
      { key: "sukamaju", distance: 0 },
      { key: "bukamajo", distance: 2 },
      { key: "bukamaju", distance: 1 },
    ];
    expect(
      t.within(
        "sukamaju",
        8,
        8,
        () => 2,
        () => false,
      ),
    ).toEqual(all);
    expect(
      t.within(
        "sukamaju",
        8,
        8,
        () => 2,
        () => true,
      ),
    ).toEqual([all[0], all[2]]);
  });
});
