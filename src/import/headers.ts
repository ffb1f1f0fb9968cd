// Header recognition: a file's column titles matched to our fields by aliases, ignoring case, spaces,
// underscores and punctuation ("Nama Usulan", "nama_usulan" and "NAMA-USULAN" are the same column).

/** For each field, its accepted column titles, most specific first. */
export type Aliases<F extends string> = Record<F, readonly string[]>;

/** Where each recognised field is: its column index and the title as written in the file. */
export type ColumnMap<F extends string> = Partial<Record<F, { index: number; header: string }>>;

/** `"Kode Sub Kegiatan"` → `"kodesubkegiatan"`. */
export function headerKey(title: string): string {
  return title
    .normalize("NFKC")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, "");
}

/** Finds each field's column: the first alias (in the field's order) that some header matches; a column serves one field. */
export function mapColumns<F extends string>(headers: string[], aliases: Aliases<F>): ColumnMap<F> {
  const keys = headers.map(headerKey);
  const taken = new Set<number>();
  const map: ColumnMap<F> = {};
  for (const field of Object.keys(aliases) as F[]) {
    for (const alias of aliases[field]) {
      const index = keys.findIndex((k, i) => k === headerKey(alias) && !taken.has(i));
      if (index !== -1) {
        map[field] = { index, header: headers[index]! };
        taken.add(index);
        break;
      }
    }
  }
  return map;
}
