// The berita acara of a forum as a pdfmake document: title, day, date and place, participants by element,
// the agreed list grouped by OPD with totals, the not-agreed list with reasons, the delegates, notes and
// signature blocks. A4 portrait for a desa, landscape for the kecamatan's wider T-D.4 table. Each table repeats
// its header on every page and never splits a row, so every printed page holds one clean table.
import type { Content, TableCell } from "pdfmake";
import type { PdfDocument } from "./minutes-pdf.ts";
import { formatNumber, rupiah } from "../texts/number-format.ts";
import { groupByAgency } from "./agency-groups.ts";
import { forumText, type ForumData } from "./forum-data.ts";
import { rowCost, rowVolume, type ForumRow, type ForumView } from "./village-forum.ts";

const WIB = "Asia/Jakarta";
const dayName = (d: Date) => d.toLocaleDateString("id-ID", { weekday: "long", timeZone: WIB });
const longDate = (d: Date) =>
  d.toLocaleDateString("id-ID", { day: "numeric", month: "long", year: "numeric", timeZone: WIB });

/** Builds the document; `now` dates an unsigned draft. */
export function minutesDocument(view: ForumView, data: ForumData, now: Date): PdfDocument {
  const t = (key: string, vars?: Record<string, string | number>) => forumText(data, key, vars);
  const level = view.level;
  const vars = { region: view.region.name, district: view.district.name, year: view.year };
  const notSet = t("minutes.not_set");
  const held = view.heldAt ?? null;
  const counts = elementCounts(view, data);
  const { groups, total } = groupByAgency(view.rows);
  const notAgreed = view.rows.filter((r) => !r.agreed);
  const delegates = view.participants.filter((p) => p.delegate);
  const wide = level === "KECAMATAN";

  const agreedTable = wide ? td4Table(groups, total, t) : desaTable(groups, total, t);
  const content: Content[] = [
    { text: t(`minutes.title.${level}`), style: "title" },
    { text: t(`minutes.subtitle.${level}`, vars).toUpperCase(), style: "subtitle" },
    ...(view.lockedAt ? [] : [{ text: t("minutes.draft"), style: "draft" } as Content]),
    {
      text: t("minutes.opening", {
        day: held ? dayName(held) : notSet,
        date: held ? longDate(held) : notSet,
        place: view.place ?? notSet,
        forum: t(`minutes.forum.${level}`, vars),
        count: view.participants.length,
      }),
      margin: [0, 8, 0, 6],
    },
    {
      table: {
        headerRows: 1,
        dontBreakRows: true,
        widths: [220, 50],
        body: [
          [th(t("minutes.elements.head")), th(t("minutes.elements.count"))],
          ...counts.map(([label, n]) => [label, { text: String(n), alignment: "right" }] as TableCell[]),
          [th(t("minutes.elements.total")), { text: String(view.participants.length), alignment: "right", bold: true }],
        ],
      },
      layout: "lightHorizontalLines",
      margin: [0, 0, 0, 10],
    },
    { text: t(`minutes.agreed.heading.${level}`), style: "heading" },
    agreedTable,
    { text: t("minutes.not_agreed.heading"), style: "heading" },
    notAgreed.length
      ? {
          table: {
            headerRows: 1,
            dontBreakRows: true,
            widths: [22, 70, "*", "*"],
            body: [
              [
                th(t("minutes.col.no")),
                th(t("minutes.col.code")),
                th(t("minutes.col.activity")),
                th(t("minutes.col.reason")),
              ],
              ...notAgreed.map((r, i) => [String(i + 1), r.code, title(r), r.reason ?? "-"] as TableCell[]),
            ],
          },
          fontSize: 8,
        }
      : { text: t("minutes.none") },
    {
      text: t(level === "DESA" ? "minutes.delegates.heading" : "minutes.delegates.heading.KECAMATAN"),
      style: "heading",
    },
    delegates.length
      ? { ol: delegates.map((d) => `${d.name} (${data.elements[d.element] ?? d.element})`) }
      : { text: t("minutes.none") },
    { text: t("minutes.notes.heading"), style: "heading" },
    { text: view.notes?.trim() || t("minutes.none") },
    { text: t("minutes.closing"), margin: [0, 10, 0, 10] },
    signatures(view, t, held ?? view.lockedAt ?? now),
  ];
  return {
    pageSize: "A4",
    pageOrientation: wide ? "landscape" : "portrait",
    pageMargins: [36, 40, 36, 40],
    info: { title: `${t(`minutes.title.${level}`)} ${view.region.name} ${view.year}` },
    defaultStyle: { font: "Roboto", fontSize: 9 },
    styles: {
      title: { fontSize: 12, bold: true, alignment: "center" },
      subtitle: { fontSize: 11, bold: true, alignment: "center", margin: [0, 2, 0, 4] },
      draft: { fontSize: 10, bold: true, color: "#b00020", alignment: "center" },
      heading: { fontSize: 10, bold: true, margin: [0, 10, 0, 4] },
      th: { bold: true, fillColor: "#e8e8e8" },
    },
    footer: (page: number, pages: number) => ({
      text: t("minutes.page", { page, pages }),
      alignment: "center",
      fontSize: 7,
      margin: [0, 12, 0, 0],
    }),
    content,
  };
}

type T = (key: string, vars?: Record<string, string | number>) => string;

function th(text: string): TableCell {
  return { text, style: "th" };
}

function title(r: ForumRow): string {
  return r.kamus?.nama ?? r.activity ?? r.problem;
}

function volumeText(r: ForumRow): string {
  const v = rowVolume(r);
  return v === null ? "-" : `${formatNumber(v)} ${r.kamus?.unit ?? r.unit ?? ""}`.trim();
}

function location(r: ForumRow, t: T): string {
  return r.rt && r.rw
    ? t("minutes.location", { rt: r.rt, rw: r.rw, village: r.village.name })
    : t("minutes.location.village", { village: r.village.name });
}

function proposer(r: ForumRow, t: T): string {
  return r.rt && r.rw
    ? t("minutes.proposer.rt", { rt: r.rt, rw: r.rw })
    : t("minutes.proposer.village", { village: r.village.name });
}

function money(n: number): { text: string; alignment: "right" } {
  return { text: rupiah(n), alignment: "right" };
}

type AgencyGroups = ReturnType<typeof groupByAgency>["groups"];

/** How one agreed table differs: its columns, one row's cells, the cost column, the layout. */
interface AgreedColumns {
  /** The header keys after "minutes.col.", space-separated, e.g. "no activity location". */
  columns: string;
  row: (r: ForumRow, agency: string) => TableCell[];
  /** Index of the cost column; subtotal and total labels span the columns before it. */
  costAt: number;
  widths: (number | string)[];
  fontSize: number;
}

/** The agreed rows grouped by Perangkat Daerah: a heading row per agency, its rows and subtotal, then the total. */
function agreedTable(groups: AgencyGroups, total: number, t: T, c: AgreedColumns): Content {
  if (!groups.length) return { text: t("minutes.none") };
  const headers = c.columns.split(" ");
  const cols = headers.length;
  const sum = (label: string, amount: number): TableCell[] => [
    { text: label, colSpan: c.costAt, bold: true },
    ...blank(c.costAt - 1),
    { ...money(amount), bold: true },
    ...blank(cols - c.costAt - 1),
  ];
  const body: TableCell[][] = [headers.map((h) => th(t(`minutes.col.${h}`)))];
  for (const g of groups) {
    const agency = g.agency ?? t("minutes.no_agency");
    body.push([{ text: agency, colSpan: cols, bold: true, fillColor: "#f4f4f4" }, ...blank(cols - 1)]);
    for (const r of g.rows) body.push(c.row(r, agency));
    body.push(sum(t("minutes.subtotal", { agency }), g.total));
  }
  body.push(sum(t("minutes.total"), total));
  return { table: { headerRows: 1, dontBreakRows: true, widths: c.widths, body }, fontSize: c.fontSize };
}

/** The desa's table: kegiatan, location, volume, cost, beneficiaries and proposer. */
function desaTable(groups: AgencyGroups, total: number, t: T): Content {
  return agreedTable(groups, total, t, {
    columns: "no activity location volume cost target proposer",
    row: (r) => [
      String(r.rank),
      { text: [title(r), { text: `\n${r.code}`, fontSize: 7, color: "#555555" }] },
      location(r, t),
      volumeText(r),
      money(rowCost(r)),
      r.beneficiaries ? t("minutes.beneficiaries", { count: r.beneficiaries }) : "-",
      proposer(r, t),
    ],
    costAt: 4,
    widths: [18, "*", 76, 44, 60, 50, 76],
    fontSize: 8,
  });
}

/** Permendagri 86/2017 table T-D.4 columns, one row per agreed kegiatan, grouped by Perangkat Daerah. */
function td4Table(groups: AgencyGroups, total: number, t: T): Content {
  return agreedTable(groups, total, t, {
    columns: "no priority goal program kegiatan kegiatanTarget village volume pagu agency",
    row: (r, agency) => [
      String(r.rank),
      r.kamus?.urusan ?? "-",
      "-",
      r.kamus?.program ?? "-",
      {
        text: [
          r.kamus?.subKegiatan ?? r.kamus?.kegiatan ?? title(r),
          { text: `\n${title(r)} · ${r.code}`, fontSize: 6, color: "#555555" },
        ],
      },
      r.beneficiaries ? t("minutes.beneficiaries", { count: r.beneficiaries }) : "-",
      location(r, t),
      volumeText(r),
      money(rowCost(r)),
      agency,
    ],
    costAt: 8,
    widths: [18, 70, 50, 80, "*", 50, 80, 45, 62, 80],
    fontSize: 7,
  });
}

function blank(n: number): TableCell[] {
  return Array.from({ length: n }, () => "");
}

function elementCounts(view: ForumView, data: ForumData): [string, number][] {
  const counts = new Map<string, number>();
  for (const p of view.participants) counts.set(p.element, (counts.get(p.element) ?? 0) + 1);
  // The file's order of elements, then anything stored under a key the file no longer has.
  const known = Object.keys(data.elements).filter((k) => counts.has(k));
  const other = [...counts.keys()].filter((k) => !(k in data.elements));
  return [...known, ...other].map((k) => [data.elements[k] ?? k, counts.get(k)!]);
}

function signatures(view: ForumView, t: T, date: Date): Content {
  const by = (element: string) => view.participants.find((p) => p.element === element)?.name;
  const head = view.level === "DESA" ? by("kepala_desa") : by("kecamatan");
  const chair = view.level === "DESA" ? (by("bpd") ?? head) : head;
  const community = by("tokoh_masyarakat") ?? by("lpm") ?? by("rt_rw");
  const block = (role: string, name: string | undefined) => ({
    stack: [
      { text: role, bold: true },
      { text: " \n \n \n " },
      { text: `( ${name ?? "...................................."} )` },
    ],
    alignment: "center" as const,
  });
  return {
    unbreakable: true,
    stack: [
      {
        text: t("minutes.sign.place", { region: view.region.name, date: longDate(date) }),
        alignment: "right",
        margin: [0, 0, 0, 8],
      },
      {
        columns: [
          block(t("minutes.sign.chair"), chair),
          block(t(`minutes.sign.head.${view.level}`, { region: view.region.name }), head),
          block(t("minutes.sign.community"), community),
        ],
      },
    ],
  };
}
