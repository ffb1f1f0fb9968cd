// The berita acara read back from the PDF with pdftotext (poppler-utils), as a printed page would be read.
import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { defaultForumData } from "../../src/forum/forum-data.ts";
import { minutesDocument } from "../../src/forum/minutes-doc.ts";
import { renderPdf } from "../../src/forum/minutes-pdf.ts";
import type { ForumRow, ForumView } from "../../src/forum/village-forum.ts";
import { rupiah } from "../../src/texts/number-format.ts";

const AGENCIES = ["Dinas Pekerjaan Umum dan Penataan Ruang", "Dinas Kesehatan", "Dinas Pendidikan dan Kebudayaan"];

function row(i: number, agreed: boolean, rank: number | null): ForumRow {
  return {
    itemId: i,
    proposalId: i,
    code: `U27-T${String(i).padStart(3, "0")}`,
    status: agreed ? "DISEPAKATI" : "DIVERIFIKASI",
    position: i,
    agreed,
    reason: agreed ? null : `Alasan nomor ${i}: sudah didanai APBDes`,
    agreedVolume: i === 2 ? 12.5 : null,
    rank,
    village: { code: "3216082006", name: "Srimukti" },
    kamus: {
      kode: `K${i}`,
      nama: `Pembangunan jalan lingkungan rabat beton ruas ${i}`,
      agency: AGENCIES[i % 3]!,
      unit: "m²",
      unitPrice: 350_000 + i * 1000,
      subKegiatanCode: "1.03.10.2.01.01",
      subKegiatan: "Pembangunan Jalan",
      program: "Program Penyelenggaraan Jalan",
      kegiatan: "Penyelenggaraan Jalan Kabupaten",
      urusan: "Pekerjaan Umum",
    },
    activity: null,
    problem: "Jalan rusak",
    rt: String(i % 9 || 1).padStart(2, "0"),
    rw: "03",
    volume: 10 + i,
    unit: "m²",
    estimatedCost: null,
    beneficiaries: 30 + i,
    supporters: i % 4,
    createdAt: new Date("2027-01-10T00:00:00Z"),
    score: 50,
    factors: [],
    suggested: i,
  };
}

function view(rows: ForumRow[], level: "DESA" | "KECAMATAN" = "DESA"): ForumView {
  return {
    id: 1,
    level,
    year: 2027,
    region: { code: "3216082006", name: "Srimukti", kemendagriCode: null },
    district: { code: "3216082", name: "Tambun Utara" },
    heldAt: new Date("2027-03-10T02:00:00Z"),
    place: "Balai Desa Srimukti",
    notes: "Musyawarah berjalan tertib.",
    lockedAt: new Date("2027-03-10T06:00:00Z"),
    lockedBy: "desa.srimukti",
    forwardedAt: null,
    rows,
    participants: [
      { id: 1, name: "H. Kepala Desa Contoh", element: "kepala_desa", delegate: false },
      { id: 2, name: "Ibu Ketua BPD", element: "bpd", delegate: true },
      { id: 3, name: "Bapak Tokoh", element: "tokoh_masyarakat", delegate: true },
      { id: 4, name: "Ibu PKK", element: "perempuan", delegate: false },
      { id: 5, name: "Ibu Kader", element: "perempuan", delegate: false },
    ],
    changes: [],
  };
}

async function pdfPages(v: ForumView): Promise<string[]> {
  const pdf = await renderPdf(minutesDocument(v, defaultForumData(), new Date("2027-03-11T00:00:00Z")));
  expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
  const file = join(mkdtempSync(join(tmpdir(), "minutes-")), "ba.pdf");
  writeFileSync(file, pdf);
  return execFileSync("pdftotext", ["-layout", file, "-"], { encoding: "utf8" })
    .split("\f")
    .filter((p) => p.trim());
}

describe("berita acara PDF", () => {
  it("holds every agreed row in rank order with totals per OPD that add up, and the not-agreed reasons", async () => {
    // 40 agreed rows span several pages; rows 41 and 42 were not agreed.
    const rows = [
      ...Array.from({ length: 40 }, (_, i) => row(i + 1, true, i + 1)),
      row(41, false, null),
      row(42, false, null),
    ];
    const pages = await pdfPages(view(rows));
    const text = pages.join("\n");
    expect(pages.length).toBeGreaterThan(2);
    expect(text).toMatch(/BERITA ACARA MUSYAWARAH PERENCANAAN PEMBANGUNAN DESA/);
    expect(text).toMatch(/DESA SRIMUKTI KECAMATAN TAMBUN UTARA TAHUN 2027/);
    expect(text).toMatch(/hari ini Rabu, tanggal 10 Maret 2027, bertempat di Balai Desa Srimukti/);
    expect(text).toMatch(/Perwakilan Perempuan\s+2/);
    expect(text).toMatch(/Jumlah peserta\s+5/);

    // Within each OPD the codes follow the rank; the OPD groups follow their best rank.
    const positions = rows.slice(0, 40).map((r) => ({ r, at: text.indexOf(r.code) }));
    expect(positions.every((p) => p.at > 0)).toBe(true);
    for (const agency of AGENCIES) {
      const mine = positions.filter((p) => p.r.kamus!.agency === agency);
      expect(mine.map((p) => p.at)).toEqual([...mine.map((p) => p.at)].sort((a, b) => a - b));
    }
    // Agreed volume replaces the resident's: row 2 costs 12.5 × its unit price.
    const cost = (r: ForumRow) => Math.round((r.agreedVolume ?? r.volume!) * r.kamus!.unitPrice!);
    expect(text).toContain(rupiah(cost(rows[1]!)));
    const subtotals = AGENCIES.map((a) =>
      rows
        .slice(0, 40)
        .filter((r) => r.kamus!.agency === a)
        .reduce((s, r) => s + cost(r), 0),
    );
    for (const [i, a] of AGENCIES.entries()) {
      expect(text).toMatch(new RegExp(`Jumlah ${a}\\s+${rupiah(subtotals[i]!).replace(/\./g, "\\.")}`));
    }
    const total = subtotals.reduce((s, n) => s + n, 0);
    expect(text).toMatch(new RegExp(`JUMLAH SELURUHNYA\\s+${rupiah(total).replace(/\./g, "\\.")}`));

    expect(text).toContain("U27-T041");
    expect(text).toContain("Alasan nomor 42: sudah didanai APBDes");
    expect(text).toMatch(/warga RT 0\d\/RW 03/);
    expect(text).toMatch(/1\.\s+Ibu Ketua BPD \(BPD\)/);
    expect(text).toMatch(/Pimpinan Musyawarah[\s\S]*\(\s*Ibu Ketua BPD\s*\)/);
  });

  it("repeats the table header on every page that continues the list, and never splits a row", async () => {
    const rows = Array.from({ length: 60 }, (_, i) => row(i + 1, true, i + 1));
    const pages = await pdfPages(view(rows));
    const listPages = pages.filter((p) => /U27-T\d{3}/.test(p));
    expect(listPages.length).toBeGreaterThan(2);
    for (const page of listPages) expect(page).toMatch(/Kegiatan \(kamus usulan\)[\s\S]*Perkiraan Biaya/);
    // Every code is printed exactly once: a split row would print its parts on two pages.
    for (const r of rows) expect(pages.join("\n").split(r.code).length - 1).toBe(1);
  });

  it("prints the kecamatan's list in the T-D.4 columns", async () => {
    const pages = await pdfPages(view([row(1, true, 1), row(2, true, 2)], "KECAMATAN"));
    const text = pages.join("\n");
    expect(text).toMatch(/MUSRENBANG KECAMATAN/);
    expect(text).toMatch(/Prioritas Daerah[\s\S]*Program Prioritas[\s\S]*Kegiatan Prioritas/);
    expect(text).toMatch(/Perangkat Daerah[\s\S]*Penanggung Jawab/);
  });
});
