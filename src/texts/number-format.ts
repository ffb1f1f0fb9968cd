// Numbers as residents and officers read them in texts: Indonesian grouping, rupiah without decimals.

/** Rupiah without decimals, Indonesian grouping: 70000000 → "70.000.000". */
export function rupiah(n: number): string {
  return Math.round(n)
    .toString()
    .replace(/\B(?=(\d{3})+(?!\d))/g, ".");
}

/** A number as residents write it: 1.5 → "1,5", 1500 → "1.500". */
export function formatNumber(n: number): string {
  const [int, frac] = (Math.round(n * 100) / 100).toString().split(".");
  return rupiah(Number(int)) + (frac ? `,${frac}` : "");
}
