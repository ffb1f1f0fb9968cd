// Texts of the public pages and Open311 status notes, from intents/public.yaml (checked by zod at load: a
// missing key names the file and the key).
import { join } from "node:path";
import { z } from "zod";
import { readDataFile } from "../config/data-file.ts";
import { projectRoot } from "../config/paths.ts";

const keys = [
  "site",
  "footer",
  "license",
  "desa.title",
  "desa.lead",
  "kecamatan.title",
  "kecamatan.lead",
  "usulan.title",
  "usulan.lead",
  "cycle.none",
  "cycle.other",
  "year.all",
  "not_found.desa",
  "not_found.kecamatan",
  "not_found.usulan",
  "summary.count",
  "summary.none",
  "list.title",
  "list.more",
  "list.next",
  "list.prev",
  "col.no",
  "col.code",
  "col.kamus",
  "col.place",
  "col.volume",
  "col.cost",
  "col.supporters",
  "col.status",
  "col.rank",
  "col.agency",
  "col.count",
  "col.desa",
  "col.reason",
  "col.date",
  "col.change",
  "col.element",
  "col.people",
  "kamus.none",
  "place.rtrw",
  "place.rt",
  "place.rw",
  "place.unknown",
  "merged",
  "forum.title",
  "forum.district_title",
  "forum.none",
  "forum.locked",
  "forum.agreed",
  "forum.not_agreed",
  "forum.minutes",
  "forum.minutes_none",
  "forum.participants",
  "forum.changes",
  "charts.title",
  "charts.count",
  "charts.cost",
  "charts.note",
  "districts.title",
  "proposal.kamus",
  "proposal.agency",
  "proposal.place",
  "proposal.volume",
  "proposal.cost",
  "proposal.supporters",
  "proposal.status",
  "proposal.rank",
  "proposal.problem",
  "proposal.problem_hidden",
  "proposal.submitted",
  "proposal.updated",
  "proposal.map",
  "proposal.history",
  "proposal.back",
  "description",
  "description.no_volume",
  "description.no_kamus",
  "status.DIAJUKAN",
  "status.DIVERIFIKASI",
  "status.DITOLAK",
  "status.DIGABUNG",
  "status.DISEPAKATI",
  "status.DITERUSKAN",
  "status.DITERIMA",
  "status.TIDAK_DITERIMA",
  "status_notes.DIAJUKAN",
  "status_notes.DIVERIFIKASI",
  "status_notes.DITOLAK",
  "status_notes.DIGABUNG",
  "status_notes.DISEPAKATI",
  "status_notes.DITERUSKAN",
  "status_notes.DITERIMA",
  "status_notes.TIDAK_DITERIMA",
  "wording.empty",
  "wording.too_long",
  "wording.not_found",
  "wording.approved",
  "wording.withdrawn",
  "pin.published",
  "pin.hidden",
] as const;

/** A key of intents/public.yaml, e.g. "desa.title". */
export type PublicKey = (typeof keys)[number];

/** Fills a public text: `t("desa.title", { name: "Sukamaju" })`. */
export type PublicTexts = (key: PublicKey, vars?: Record<string, string | number>) => string;

const schema = z.object(Object.fromEntries(keys.map((k) => [k, z.string().min(1)])) as Record<PublicKey, z.ZodString>);

/** Loads intents/public.yaml (or `path`). */
export function loadPublicTexts(path = join(projectRoot, "intents/public.yaml")): PublicTexts {
  const texts = readDataFile(path, schema) as Record<PublicKey, string>;
  return (key, vars = {}) =>
    texts[key].replace(/\{(\w+)\}/g, (whole, name: string) => (name in vars ? String(vars[name]) : whole));
}
