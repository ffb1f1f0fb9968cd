// Resident-style sentences written for these tests (not taken from the eval set), one or more per agency of the
// Malang sample kamus. A case passes when an entry an officer would accept is among the first three.
import { beforeAll, describe, expect, it } from "vitest";
import type { KamusMatcher } from "../../src/kamus/types.ts";
import { readKamusFile } from "../../src/import/index.ts";
import { buildMatcher } from "../../src/kamus/matcher.ts";
import { jemberKamusPath, kodes, malangMatcher } from "./support.ts";

const range = (from: number, to: number) =>
  Array.from({ length: to - from + 1 }, (_, i) => `MLG23-${String(from + i).padStart(3, "0")}`);

const cases: { agency: string; text: string; accept: string[] }[] = [
  {
    agency: "Pendidikan",
    text: "atap ruang kelas SD swasta kami bocor, plafonnya jebol, mohon direhab",
    accept: range(1, 2),
  },
  { agency: "Pendidikan", text: "PKBM kami butuh laptop buat administrasi kejar paket", accept: range(9, 9) },
  { agency: "Pendidikan", text: "sanggar angklung anak2 minta angklung baru", accept: ["MLG23-017", "MLG23-240"] },
  {
    agency: "Kesehatan",
    text: "bnyk warga lansia darah tinggi & kencing manis, mhn sosialisasi",
    accept: ["MLG23-021"],
  },
  { agency: "Kesehatan", text: "kader posyandu di RW kami masih baru, belum pernah dilatih", accept: ["MLG23-028"] },
  {
    agency: "Kesehatan",
    text: "banyak balita kurang gizi dan pendek di kampung kami",
    accept: ["MLG23-022", "MLG23-029"],
  },
  {
    agency: "PUPR",
    text: "gang kami becek kalau hujan, minta dicor",
    accept: ["MLG23-064", "MLG23-065", "MLG23-213", "MLG23-054", "MLG23-210"],
  },
  { agency: "PUPR", text: "lampu jalan di gang kami gak ada, malem gelap gulita", accept: range(85, 98) },
  { agency: "PUPR", text: "lampu di pos ronda mati, jalannya jadi gelap", accept: range(85, 98) },
  {
    agency: "PUPR",
    text: "selokan depan rumah mampet, kalau ujan airnya meluap ke jalan",
    accept: [...range(42, 53), ...range(60, 63), ...range(72, 75), ...range(214, 216)],
  },
  { agency: "PUPR", text: "8 rumah di RT kami belum punya septictank", accept: ["MLG23-038", "MLG23-039"] },
  { agency: "Satpol PP", text: "anggota linmas kelurahan perlu pelatihan dasar", accept: ["MLG23-104"] },
  {
    agency: "Satpol PP",
    text: "gang kami sempit, mobil damkar tidak bisa masuk, warga perlu latihan memadamkan api",
    accept: ["MLG23-105"],
  },
  {
    agency: "Dinas Sosial",
    text: "tetangga kami lumpuh sejak stroke, keluarganya tidak mampu beli kursi roda",
    accept: ["MLG23-109"],
  },
  { agency: "Dinas Sosial", text: "ibu-ibu pengen kursus merias pengantin", accept: ["MLG23-117"] },
  { agency: "Tenaga Kerja", text: "pemuda yang nganggur pengen belajar desain grafis", accept: ["MLG23-124"] },
  {
    agency: "Pertanian",
    text: "kelompok tani masih membajak pakai kerbau, mohon traktor tangan",
    accept: ["MLG23-133", "MLG23-134"],
  },
  { agency: "Pertanian", text: "warga mau ternak lele di kolam terpal", accept: ["MLG23-143", "MLG23-146"] },
  { agency: "Lingkungan Hidup", text: "ibu2 mau belajar bikin kompos dari sampah dapur", accept: ["MLG23-151"] },
  { agency: "Dukcapil", text: "banyak anak di RW kami belum punya akte kelahiran", accept: ["MLG23-154"] },
  {
    agency: "Perhubungan",
    text: "tikungan di ujung gang tajam dan sering tabrakan, tolong pasang kaca cembung",
    accept: ["MLG23-157", "MLG23-158"],
  },
  { agency: "Perhubungan", text: "minta polisi tidur, motor suka ngebut di jalan kampung", accept: ["MLG23-161"] },
  { agency: "Kominfo", text: "pasang wifi gratis di balai RW buat anak sekolah", accept: ["MLG23-167"] },
  { agency: "Koperasi UMKM", text: "usaha keripik kami belum punya sertifikat halal", accept: ["MLG23-187"] },
  {
    agency: "Pemuda",
    text: "sosialisasi bahaya narkoba buat remaja karang taruna",
    accept: ["MLG23-192", "MLG23-030"],
  },
  {
    agency: "Perpustakaan",
    text: "anak-anak di kampung kami tidak punya tempat membaca buku",
    accept: ["MLG23-237", "MLG23-195"],
  },
  { agency: "Bakesbangpol", text: "sosialisasi wawasan kebangsaan dan pancasila untuk pemuda", accept: ["MLG23-196"] },
  { agency: "BPBD", text: "relawan banjir butuh jas hujan dan sepatu boot", accept: ["MLG23-207", "MLG23-208"] },
  {
    agency: "BPBD",
    text: "kampung kami di lereng sering longsor, warga mau dilatih siaga bencana",
    accept: range(197, 201),
  },
  { agency: "Kecamatan", text: "tempat sampah di tiap RT sudah rusak, minta yang baru", accept: ["MLG23-231"] },
  { agency: "Kecamatan", text: "posyandu butuh timbangan bayi digital", accept: ["MLG23-236"] },
];

describe("ranking on the Malang kamus", () => {
  let matcher: KamusMatcher;
  beforeAll(async () => {
    matcher = await malangMatcher();
  });

  it.each(cases)("$agency: $text", ({ text, accept }) => {
    const top3 = kodes(matcher, text);
    expect(
      top3.some((k) => accept.includes(k)),
      `got ${top3.join(", ")}`,
    ).toBe(true);
  });

  it("offers the Kecamatan paving entry for a small alley and the Dinas entry for a long road", () => {
    expect(kodes(matcher, "mhn dipaving gang kami, pjg 40 m lbr 1,5 m", 1)).toEqual(["MLG23-210"]);
    const long = kodes(matcher, "mohon paving jalan lingkungan panjang 200 meter lebar 3 meter");
    expect(long).toContain("MLG23-054");
    expect(long).not.toContain("MLG23-210");
  });

  it("tells maintenance from construction", () => {
    expect(kodes(matcher, "paving di gang kami mulai retak sedikit, perlu perawatan", 1)[0]).toMatch(/MLG23-06[67]/);
  });

  it("tells 'with' from 'without': rabat beton dengan/tanpa wiremesh", () => {
    expect(kodes(matcher, "rabat beton pakai wiremesh buat jalan lingkungan", 1)).toEqual(["MLG23-065"]);
    expect(kodes(matcher, "rabat beton tanpa wiremesh buat jalan lingkungan", 1)).toEqual(["MLG23-064"]);
  });

  it("prefers equipment over a training course unless the resident asks to learn", () => {
    expect(kodes(matcher, "sampah numpuk di pinggir jalan, gak ada yang ngangkut ke TPS", 1)[0]).toMatch(
      /MLG23-23[012]/,
    );
    expect(kodes(matcher, "petugas sampah mau belajar cara memilah dan mengangkut sampah", 1)).toEqual(["MLG23-150"]);
  });

  it("reads a landmark as the place, not the request", () => {
    // The road to the cemetery is earth: a road surface, not cemetery lighting.
    const road = kodes(matcher, "jalan setapak menuju makam masih tanah, kalau hujan peziarah sering terpeleset", 1)[0];
    expect([
      "MLG23-054",
      "MLG23-055",
      "MLG23-064",
      "MLG23-065",
      "MLG23-210",
      "MLG23-211",
      "MLG23-212",
      "MLG23-213",
    ]).toContain(road);
    // The word after the landmark may still describe the thing: the drain is clogged.
    expect(kodes(matcher, "got ning ngarep SD mampet, yen udan banyune nggenangi dalan", 3).join(" ")).toMatch(
      /MLG23-0(4\d|5[0-3]|6[0-3]|7[2-5])/,
    );
  });

  it("tells a traffic sign from a disaster-risk sign", () => {
    expect(kodes(matcher, "di perempatan tidak ada rambu, sering kecelakaan motor", 1)[0]).toMatch(/MLG23-1(59|60)/);
    expect(kodes(matcher, "pasang papan peringatan rawan longsor di jalan tanjakan", 1)).toEqual(["MLG23-203"]);
  });

  it("repairs typos and vowel-less abbreviations", () => {
    expect(kodes(matcher, "plthn barista buat pemuda")).toContain("MLG23-126");
    expect(kodes(matcher, "pelatiahn daur ulang sampah plastik")).toContain("MLG23-152");
  });

  it("ranks best first, with decreasing scores", () => {
    const { matches } = matcher.match("pelatihan barista", { top: 5 });
    expect(matches[0]!.entry.kode).toBe("MLG23-126");
    const scores = matches.map((m) => m.score);
    expect([...scores].sort((a, b) => b - a)).toEqual(scores);
  });

  it("reads a very long message without failing, by its beginning", () => {
    const long = `gang kami becek kalau hujan, minta dicor. ${"bla ".repeat(3000)}`;
    expect(kodes(matcher, long).some((k) => ["MLG23-064", "MLG23-065", "MLG23-213"].includes(k))).toBe(true);
  });

  it("returns as many entries as asked", () => {
    expect(matcher.match("jalan rusak", { top: 5 }).matches).toHaveLength(5);
    expect(matcher.match("jalan rusak", { top: 1 }).matches).toHaveLength(1);
  });
});

describe("ranking: words that mean something else in context", () => {
  let matcher: KamusMatcher;
  let jember: KamusMatcher;
  const roadSurface = [
    "MLG23-054",
    "MLG23-055",
    "MLG23-064",
    "MLG23-065",
    "MLG23-066",
    "MLG23-067",
    "MLG23-210",
    "MLG23-211",
    "MLG23-212",
    "MLG23-213",
  ];
  beforeAll(async () => {
    matcher = await malangMatcher();
    jember = buildMatcher(await readKamusFile(jemberKamusPath));
  });

  it("reads a fraction as a quantity, not a road junction", () => {
    // "sepertiga" (a third) once stemmed like "pertigaan" (T-junction) and offered a flashing traffic light.
    const top3 = kodes(matcher, "sudah 2 kali diusulkan, paving gang kami sepertiga ambles");
    expect(
      top3.every((k) => roadSurface.includes(k)),
      `got ${top3.join(", ")}`,
    ).toBe(true);
  });

  it("does not read 'dipakai' (used) as clothes or drug users", () => {
    const top3 = kodes(matcher, "halaman balai yang biasa dipakai anak-anak sudah penuh rumput liar");
    expect(top3[0]).toBe("MLG23-229");
    expect(top3).not.toContain("MLG23-030");
  });

  it("reads where a road leads as a landmark", () => {
    // The path to the rice fields is earth: a road surface, not the irrigation network.
    expect(roadSurface).toContain(kodes(matcher, "jalan setapak ke sawah masih tanah dan becek kalau hujan", 1)[0]);
    expect(roadSurface).toContain(kodes(matcher, "dalan tekan sawah isih lemah, yen udan becek", 1)[0]);
    expect(roadSurface).toContain(kodes(matcher, "jalan ka kebon masih taneuh, mun hujan leutak pisan", 1)[0]);
  });

  it("reads a school after children as who they are, not a school building", () => {
    expect(kodes(matcher, "anak-anak SD di kampung kami sering dirundung temannya", 1)).toEqual(["MLG23-120"]);
  });

  it("counts one word once when two concepts offer the same answer", () => {
    // "genangan" is flooding and infiltration; the puddles are in a broken paving road, not a call for a well.
    expect(kodes(matcher, "paving gang kami banyak yang copot, lubangnya jadi genangan kalau hujan", 1)[0]).toMatch(
      /MLG23-(054|066|210|211)/,
    );
  });

  it("offers a course that comes with equipment for a request for the equipment", () => {
    expect(kodes(matcher, "sampah dapur warga numpuk dan bau, sebenarnya bisa dijadikan pupuk", 1)).toEqual([
      "MLG23-151",
    ]);
  });

  it("reads 'want to be able to make' as asking to learn", () => {
    expect(kodes(matcher, "ibu-ibu pengen bisa bikin seserahan buat dijual pas musim nikahan", 1)).toEqual([
      "MLG23-118",
    ]);
  });

  it("knows everyday regional and trade words", () => {
    expect(kodes(matcher, "cah wedok sing durung rabi pengen pelatihan", 1)).toEqual(["MLG23-110"]);
    expect(kodes(matcher, "mau bikin taman toga di halaman posyandu", 1)).toEqual(["MLG23-227"]);
    expect(kodes(jember, "kursus bahasa inggris buat pemuda", 1)).toEqual(["50"]);
    expect(kodes(jember, "pemuda pengen jadi satpam, minta pelatihan", 1)).toEqual(["55"]);
    expect(kodes(jember, "ibu-ibu pengen belajar pijat biar bisa kerja di salon")).toContain("48");
  });

  it.each([
    ["Kebersihan Lingkungan", ["MLG23-230", "MLG23-231", "MLG23-232"]],
    ["Keagamaan", ["MLG23-015", "MLG23-238", "MLG23-233"]],
    ["Kesehatan Anak", ["MLG23-236", "MLG23-022", "MLG23-028"]],
    ["Keamanan", ["MLG23-166", "MLG23-104"]],
  ])("reads an officer's one-line category as what it is filed for: %s", (text, filedFor) => {
    const top = kodes(matcher, text, 3);
    expect(top.length).toBeGreaterThan(0);
    expect(top.some((k) => filedFor.includes(k))).toBe(true);
    expect(top).not.toContain("MLG23-025");
  });

  it("weighs what is asked for above the circumstances around it", () => {
    const rabat = ["MLG23-064", "MLG23-065", "MLG23-213", "MLG23-076", "MLG23-077"];
    expect(rabat).toContain(kodes(matcher, "jalan gang tiap hujan kayak empang lele, warga minta dirabat", 1)[0]);
    expect(["MLG23-016", "MLG23-239"]).toContain(
      kodes(matcher, "karang taruna minta kendang buat latihan jaranan", 1)[0],
    );
  });

  it("reads sizes said the way residents say them", () => {
    expect(kodes(matcher, "pasang PJU yang dua arah di jalan utama lebar 8 meter", 1)[0]).toMatch(/MLG23-09[3-6]/);
    expect(kodes(matcher, "gorong2 yg 40an di bawah gang kami jebol", 1)[0]).toMatch(/MLG23-(061|073|215)/);
  });

  it("reads a size the resident finds too small as the one to exceed", () => {
    // Without the cue the 30 cm culverts come first; "kekecilan ... lebih gede" asks for a bigger one.
    expect(kodes(matcher, "gorong2 yg 30an di gang kami mampet", 1)[0]).toMatch(/MLG23-(060|072|214)/);
    for (const kode of kodes(matcher, "gorong2 yg 30an kekecilan, minta diganti yang lebih gede", 2))
      expect(kode).toMatch(/MLG23-(061|215|216)/);
    // A size named after the cue is the size wanted.
    expect(kodes(matcher, "gorong-gorong kami kekecilan, minta diganti diameter 50", 1)).toEqual(["MLG23-216"]);
    expect(kodes(matcher, "lampu jalan 40 watt kurang terang, minta yang lebih terang", 3)).not.toContain("MLG23-085");
  });
});
