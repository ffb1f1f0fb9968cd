// Sizes a resident mentions and limits a kamus entry sets, so the matcher can prefer the variant whose
// requirements the proposal meets ("terlaksana"): a 90 m² alley goes to the Kecamatan paving entry (less than
// 200 m²), a 300 m² one to the Dinas entry (at least 200 m²); a 3-storey building is not a "sederhana" one.

/** The dimensions both sides talk about. */
export type Dimension = "area" | "length" | "width" | "floors" | "households";

/** Sizes found in a message, e.g. `{ area: 90, length: 60, width: 1.5 }`. */
export type Quantities = Partial<Record<Dimension, number>>;

/** An entry's limits, e.g. `{ area: { min: 200 } }` or `{ households: { min: 5, max: 10 } }`. */
export type Limits = Partial<Record<Dimension, { min?: number; max?: number }>>;

const num = (s: string) => Number(s.replace(/\.(?=\d{3}\b)/g, "").replace(",", "."));

/**
 * Sizes in normalised tokens (see normalize.ts: "200 m", "90 m2", "panjang 60 m lebar 1.5 m", "3 lantai", "60 kk").
 * Area comes from an explicit m² figure or from length × width.
 */
export function quantitiesOf(tokens: readonly string[]): Quantities {
  const q: Quantities = {};
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (!/^\d+(\.\d+)?$/.test(t)) continue;
    const value = Number(t);
    const unit = tokens[i + 1] ?? "";
    const before = tokens.slice(Math.max(0, i - 3), i);
    if (unit === "m2") q.area ??= value;
    else if (unit === "lantai") q.floors ??= value;
    else if (["kk", "rumah", "keluarga", "kepala", "rumah tangga"].includes(unit)) q.households ??= value;
    else if (unit === "m" || unit === "km") {
      const metres = unit === "km" ? value * 1000 : value;
      if (before.includes("lebar") || before.includes("lebarnya")) q.width ??= metres;
      else if (before.includes("x") && tokens[i - 2] && /^\d/.test(tokens[i - 2]!)) {
        // "60 x 2 m": the first figure was a length.
        q.width ??= metres;
      } else q.length ??= metres;
    } else if (unit === "x" && /^\d/.test(tokens[i + 2] ?? "") && ["m", "meter"].includes(tokens[i + 3] ?? "")) {
      q.length ??= value;
    }
  }
  if (q.area === undefined && q.length !== undefined && q.width !== undefined) q.area = q.length * q.width;
  return q;
}

const DIMENSION_WORDS: [RegExp, Dimension][] = [
  [/\bluas\b/, "area"],
  [/\bpanjang\b/, "length"],
  [/\blebar\b/, "width"],
];

/**
 * Limits stated in an entry's name and requirements, in the bureaucratic Indonesian such catalogues use:
 * "volume luas total minimal 200 m²", "luas total kurang dari 200 m²", "minimal total panjang saluran 100m",
 * "lebar minimal 1m", "maksimal 2 lantai", "Luas maksimal 500 m2", "kapasitas 5 -10 KK".
 */
export function limitsOf(name: string, requirements: string | null | undefined): Limits {
  const limits: Limits = {};
  const set = (d: Dimension, key: "min" | "max", v: number) => {
    if (!Number.isFinite(v)) return;
    const l = (limits[d] ??= {});
    l[key] ??= v;
  };
  const text = `${name} ${requirements ?? ""}`.normalize("NFKD").toLowerCase();
  const range = /kapasitas\s*(\d+)\s*-\s*(\d+)\s*kk/.exec(text);
  if (range) {
    set("households", "min", Number(range[1]));
    set("households", "max", Number(range[2]));
  }
  const floors = /(?:maksimal|maks\.?|paling banyak)\s*(\d+)\s*lantai/.exec(text);
  if (floors) set("floors", "max", Number(floors[1]));
  const bound = "(minimal|min\\.|maksimal|maks\\.|kurang dari|lebih dari|paling sedikit|paling banyak)";
  const amount = "(\\d[\\d.,]*)\\s*(m2|m\\b|meter)";
  // "minimal total panjang saluran 100m", "minimal lebar jalan 3 meter": the dimension follows the bound.
  const after = new RegExp(
    `${bound}\\s*(?:total\\s*)?(luas|panjang|lebar)\\s*(?:total\\s*)?(?:saluran|jalan)?\\s*${amount}`,
    "g",
  );
  for (const m of text.matchAll(after)) {
    const dimension = m[2] === "luas" || m[4] === "m2" ? "area" : m[2] === "panjang" ? "length" : "width";
    set(dimension, /maks|kurang|paling banyak/.test(m[1]!) ? "max" : "min", num(m[3]!));
  }
  // "luas total minimal 200 m²", "lebar minimal 1m": the nearest dimension word before the bound, same clause.
  const before = new RegExp(`${bound}\\s*${amount}`, "g");
  for (const m of text.matchAll(before)) {
    const context = text.slice(Math.max(0, m.index - 40), m.index);
    let dimension: Dimension | undefined;
    let at = -1;
    for (const [re, d] of DIMENSION_WORDS) {
      const i = context.search(new RegExp(`${re.source}(?!.*${re.source})`));
      if (i > at) [dimension, at] = [d, i];
    }
    if (m[3] === "m2") dimension = "area";
    if (!dimension) continue;
    set(dimension, /maks|kurang|paling banyak/.test(m[1]!) ? "max" : "min", num(m[2]!));
  }
  return limits;
}

/** −1 per limit a proposal breaks; when it breaks none, +1 per limit it meets; 0 when nothing can be compared. */
export function fitOf(q: Quantities, limits: Limits): number {
  let met = 0;
  let broken = 0;
  for (const d of Object.keys(limits) as Dimension[]) {
    const v = q[d];
    const l = limits[d]!;
    if (v === undefined) continue;
    if (l.min !== undefined) {
      if (v >= l.min) met++;
      else broken++;
    }
    // "kurang dari 200 m²" excludes 200; "maksimal 2 lantai" includes 2.
    if (l.max !== undefined) {
      if (v < l.max || (d !== "area" && d !== "length" && v <= l.max)) met++;
      else broken++;
    }
  }
  return broken ? -broken : met;
}
