// Rupiah amounts as officers write them: 2000000, 2.000.000, Rp 2.000.000,00, Rp2.000.000,-, 2,000,000, 1500.5.

/**
 * The amount, `null` for a blank cell, or `undefined` when the text is not an amount.
 * Dots followed by exactly three digits are thousands separators (Indonesian style), so "2.000" is 2000.
 */
export function parsePrice(cell: string | number | null): number | null | undefined {
  if (cell === null) return null;
  if (typeof cell === "number") return Number.isFinite(cell) && cell >= 0 ? cell : undefined;
  const text = cell
    .replace(/^\s*(rp\.?|idr)\s*/i, "")
    .replace(/[\s\u00a0]/g, "")
    .replace(/,-$/, "");
  if (text === "") return undefined;
  let normalised: string | undefined;
  if (/^\d+$/.test(text)) normalised = text;
  else if (/^\d{1,3}(\.\d{3})+(,\d+)?$/.test(text)) normalised = text.replace(/\./g, "").replace(",", ".");
  else if (/^\d{1,3}(,\d{3})+(\.\d+)?$/.test(text)) normalised = text.replace(/,/g, "");
  else if (/^\d+,\d+$/.test(text)) normalised = text.replace(",", ".");
  else if (/^\d+\.\d+$/.test(text)) normalised = text;
  return normalised === undefined ? undefined : Number(normalised);
}
