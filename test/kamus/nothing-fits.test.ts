// "Tidak ada yang cocok": private needs and things outside local government get no suggestion, while fitting
// requests, even short or badly spelled, keep theirs.
import { beforeAll, describe, expect, it } from "vitest";
import { readKamusFile } from "../../src/import/index.ts";
import { buildMatcher, type InspectableMatcher } from "../../src/kamus/matcher.ts";
import { jemberKamusPath, malangEntries } from "./support.ts";

describe("nothing fits", () => {
  let matcher: InspectableMatcher;
  beforeAll(async () => {
    matcher = buildMatcher(await malangEntries());
  });

  it.each([
    "pak tolong dibayarin utang saya di warung, udah numpuk",
    "hp saya rusak, bisa minta ganti yang baru?",
    "bikinin jalan tol dari desa langsung ke jakarta",
    "tagihan listrik rumah saya kemahalan, tolong dicek PLN",
    "minta bantuan biaya sunatan anak saya bulan depan",
    "tolong bangun mall di kecamatan biar rame",
    "kolam renang umum buat warga",
    "saya mau pinjam uang buat modal kawin",
  ])("for %s", (text) => {
    expect(matcher.match(text).matches).toEqual([]);
  });

  // No scope list names these: the requested object itself ("rumah sakit", "jalan nasional") is what no entry explains.
  it.each([
    "usul dibangunkan rumah sakit umum daerah di kecamatan kami",
    "minta pembangunan kantor polisi sektor baru",
    "tolong perbaiki jalan nasional pantura yang rusak",
  ])("for a requested object no entry explains: %s", (text) => {
    expect(matcher.inspect(text).matches.length).toBeGreaterThan(0);
    expect(matcher.match(text).matches).toEqual([]);
  });

  it.each([
    "usul box culvert kecil di jalan masuk sekolah",
    "mohon pelatihan penjamah makanan, kemarin ada yang keracunan di hajatan",
    "minta pot tanaman buat gang yang sudah dicor semua",
  ])("but not when the entry explains the request among other words: %s", (text) => {
    expect(matcher.match(text).matches.length).toBeGreaterThan(0);
  });

  it("for an empty or meaningless message", () => {
    expect(matcher.match("").matches).toEqual([]);
    expect(matcher.match("??? ...").matches).toEqual([]);
    expect(matcher.match("ok pak terima kasih").matches).toEqual([]);
  });

  it.each(["PJU", "tong sampah", "jln rusak", "pelatihan menjahit", "timbangan posyandu"])(
    "but not for a short fitting request: %s",
    (text) => {
      expect(matcher.match(text).matches.length).toBeGreaterThan(0);
    },
  );

  it.each([
    ["tutup udith di mulut gang pecah, motor sering keperosok", /U-Ditch/],
    ["pavingnisasi gang buntu belakang balai RW", /[Pp]aving/],
    ["anggota linmas kelurahan belum pernah dapat pelatihan", /Satlinmas/],
  ])("needs a sign of a private or outside request before it gives up on a plain one: %s", (text, nama) => {
    const names = matcher.match(text, { top: 3 }).matches.map((m) => m.entry.nama);
    expect(names.join(" | ")).toMatch(nama);
  });

  it("does not count a landmark as the request: a road lamp in front of a mosque fits", () => {
    expect(matcher.match("lampu jalan depan masjid mati, gelap").matches.length).toBeGreaterThan(0);
  });

  it("reads a place after another noun as its owner: a mosque's bier fits, the mosque's roof does not", () => {
    expect(matcher.match("keranda masjid kami sudah rusak").matches.map((m) => m.entry.kode)).toContain("MLG23-233");
    expect(matcher.match("mohon bantuan perbaikan atap masjid yang bocor").matches).toEqual([]);
  });

  it("lets a kamus that funds houses of worship answer for a mosque", async () => {
    const jember = buildMatcher(await readKamusFile(jemberKamusPath));
    expect(jember.match("pembangunan masjid di kampung kami").matches.map((m) => m.entry.nama)).toContain(
      "Pembangunan Rumah Ibadah",
    );
  });

  it("does not let a damage word the small kamus never uses hide the activity it names", async () => {
    const jember = buildMatcher(await readKamusFile(jemberKamusPath));
    for (const text of ["jembatan di kampung kami putus", "jembatan rusak parah"]) {
      expect(jember.match(text).matches[0]?.entry.nama, text).toMatch(/^Jembatan|Pembangunan Jembatan/);
    }
    expect(jember.match("hp saya rusak").matches).toEqual([]);
  });
});
