// npm run bench:regions — the desa search of the region index (what a resident's answer to "desa apa?" and every
// longer message cost), on the sample list (187 desa) and on a generated 8,000-desa list. Prints build time and
// µs per lookup for each kind of text; cold = the first sight of each text's words, warm = repeats.
import { loadavg } from "node:os";
import { performance } from "node:perf_hooks";
import { buildRegionIndex, type VillageRef } from "../../src/regions/index.ts";
import { sampleVillages } from "../regions/sample-regions.ts";

/** A deterministic list of `n` desa in n/20 kecamatan, names of two or three Sundanese-looking syllable pairs. */
function syntheticVillages(n: number): VillageRef[] {
  const parts = ["suka", "mekar", "jati", "sri", "taman", "cibu", "karang", "bojong", "pasir", "wangi", "sari", "jaya"];
  const ends = [
    "maju",
    "mulya",
    "sari",
    "mukti",
    "asih",
    "raja",
    "tani",
    "harja",
    "rahayu",
    "kerta",
    "buana",
    "laksana",
  ];
  let seed = 7;
  const rnd = (k: number) => ((seed = (seed * 1103515245 + 12345) % 2147483648), seed % k);
  const out: VillageRef[] = [];
  for (let i = 0; i < n; i++) {
    const name = parts[rnd(parts.length)]! + (rnd(3) === 0 ? parts[rnd(parts.length)]! : "") + ends[rnd(ends.length)]!;
    const d = Math.floor(i / 20);
    out.push({
      code: String(1000000 + i),
      name: name[0]!.toUpperCase() + name.slice(1),
      districtCode: String(d),
      districtName: `Kecamatan${String.fromCharCode(97 + (d % 26))}${String.fromCharCode(97 + ((d / 26) % 26))}`,
    });
  }
  return out;
}

const ANSWERS = ["sukamaju", "sukamaju rt 2 rw 3", "desa suka maju kec tambelang", "sukadamy", "jalan rusak", "qwxz"];
const MESSAGES = [
  "jalan lingkungan rusak parah, minta dibangun rabat beton panjang 100 lebar 3 di rt 2 rw 3 desa sukamaju",
  "saluran air mampet tiap hujan banjir, mohon pembangunan saluran gorong-gorong 50 meter",
];

/** µs per call of `fn` over `texts`, repeated until ~300 ms have passed. */
function perCall(texts: string[], fn: (t: string) => unknown): number {
  let n = 0;
  const t0 = performance.now();
  while (performance.now() - t0 < 300)
    for (const t of texts) {
      fn(t);
      n++;
    }
  return ((performance.now() - t0) * 1000) / n;
}

/** `text` with two letters of each word replaced, differently for each `n`: words the index has not seen. */
function variant(text: string, n: number): string {
  const letter = (k: number) => String.fromCharCode(97 + (k % 26));
  return text
    .split(" ")
    .map((w) => {
      const a = w.split("");
      a[n % a.length] = letter(n / 3);
      a[(n * 7) % a.length] = letter(n / 79);
      return a.join("");
    })
    .join(" ");
}

/** µs per call on texts never seen before (see variant), so no word's matches are remembered. */
function perColdCall(texts: string[], fn: (t: string) => unknown): number {
  const inputs = Array.from({ length: 2000 }, (_, n) => variant(texts[n % texts.length]!, n));
  const t0 = performance.now();
  for (const t of inputs) fn(t);
  return ((performance.now() - t0) * 1000) / inputs.length;
}

console.log(
  `load average ${loadavg()
    .map((x) => x.toFixed(2))
    .join(" ")}`,
);
console.log("list          build ms  answer µs  answer-cold µs  mention µs  closest µs  kecamatan µs");
for (const [label, villages] of [
  ["187 desa", sampleVillages()],
  ["8,000 desa", syntheticVillages(8000)],
] as const) {
  buildRegionIndex(villages); // warm-up: the first build also compiles the code
  const t0 = performance.now();
  const index = buildRegionIndex(villages);
  const build = performance.now() - t0;
  const row = [
    build,
    perCall(ANSWERS, (t) => index.searchAnswer(t)),
    perColdCall(ANSWERS, (t) => index.searchAnswer(t)),
    perCall(MESSAGES, (t) => index.searchMention(t)),
    perCall(ANSWERS, (t) => index.closest(t, 5)),
    perCall(ANSWERS, (t) => index.villagesOfDistrict(t)),
  ];
  console.log(label.padEnd(12), ...row.map((x, i) => x.toFixed(1).padStart([9, 10, 15, 11, 11, 13][i]!)));
}
