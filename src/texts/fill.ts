// Placeholder filling for every text of the project (replies, channel, dashboard, public and forum texts).

/** Fills `{name}` placeholders: `fill("Desa {village}", { village: "Sukamaju" })`; a missing value stays visible. */
export function fill(template: string, values: Record<string, string | number> = {}): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));
}
