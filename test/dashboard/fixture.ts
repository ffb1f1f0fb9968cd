// A small kabupaten for dashboard tests: 2 kecamatan, 3 desa, a few kamus entries, officers of every role,
// and proposals with residents reachable on WhatsApp or the web chat. Plus an HTTP client that logs in.
import pino from "pino";
import { Hono } from "hono";
import type { Store } from "../../src/store/client.ts";
import { addOfficer } from "../../src/store/officers.ts";
import { searchForm } from "../../src/store/search.ts";
import { dashboardApp } from "../../src/dashboard/app.tsx";
import { defaultDashboardSettings, type DashboardDeps, type DashboardSettings } from "../../src/dashboard/deps.ts";
import { loadDashboardTexts } from "../../src/dashboard/dashboard-texts.ts";
import { makeTexts } from "../../src/texts/reply-texts.ts";
import { defaultIntentData } from "../../src/nlu/files.ts";
import { testTmpDir } from "../support/paths.ts";

export const A = "3216010001"; // desa Ragemanunggal, kecamatan Setu
export const A2 = "3216010002"; // desa Kertarahayu, kecamatan Setu
export const B = "3216020001"; // desa Sukamaju, kecamatan Cibarusah
export const password = "rahasia-123";

export async function seedRegions(store: Store): Promise<void> {
  const { db } = store;
  for (const [code, name] of [
    ["3216010", "Setu"],
    ["3216020", "Cibarusah"],
  ] as const)
    await db.district.create({ data: { code, name, searchName: searchForm(name) } });
  for (const [code, name] of [
    [A, "Ragemanunggal"],
    [A2, "Kertarahayu"],
    [B, "Sukamaju"],
  ] as const)
    await db.village.create({
      data: { code, name, searchName: searchForm(name), districtCode: code.slice(0, 7) },
    });
  const kamus = [
    ["K-001", "Pembangunan jalan lingkungan rabat beton", "Dinas PUPR", "m2", 350000],
    ["K-002", "Pemasangan lampu penerangan jalan umum", "Dinas Perhubungan", "unit", 4500000],
    ["K-003", "Normalisasi saluran drainase lingkungan", "Dinas PUPR", "m", 900000],
    ["K-004", "Pelatihan keterampilan menjahit", "Dinas Tenaga Kerja", "paket", 25000000],
  ] as const;
  for (const [kode, nama, agency, unit, unitPrice] of kamus)
    await db.kamusEntry.create({
      data: { kode, nama, agency, unit, unitPrice, searchText: searchForm(`${nama} ${agency}`) },
    });
}

export async function seedOfficers(store: Store): Promise<void> {
  const { db } = store;
  await addOfficer(db, { username: "admin", role: "ADMIN", password });
  await addOfficer(db, { username: "camat.setu", role: "DISTRICT", regionCode: "3216010", password });
  await addOfficer(db, { username: "desa.a", role: "VILLAGE", regionCode: A, password });
  await addOfficer(db, { username: "desa.b", role: "VILLAGE", regionCode: B, password });
}

let counter = 0;

/** One proposal by a new resident reachable on `channel`; returns its code. */
export async function addProposal(
  store: Store,
  input: {
    village: string;
    problem?: string;
    kode?: string | null;
    status?: "DIAJUKAN" | "DIVERIFIKASI" | "DITOLAK" | "DIGABUNG";
    channel?: "whatsapp" | "web";
    createdAt?: Date;
    volume?: number;
    latitude?: number;
    longitude?: number;
  },
): Promise<string> {
  const { db } = store;
  counter += 1;
  const code = `U26-T${String(counter).padStart(3, "0")}`;
  const channel = input.channel ?? "whatsapp";
  const resident = await db.resident.create({
    data: { id: `r-${code}`, name: `Warga ${counter}`, consentAt: new Date() },
  });
  await db.channelIdentity.create({
    data: { channel, externalId: `62812000${counter}@c.us`, residentId: resident.id },
  });
  const entry = input.kode === null ? null : await db.kamusEntry.findUnique({ where: { kode: input.kode ?? "K-001" } });
  const problem = input.problem ?? "jalan depan rumah rusak berlubang";
  const volume = input.volume ?? 100;
  await db.proposal.create({
    data: {
      code,
      status: input.status ?? "DIAJUKAN",
      villageCode: input.village,
      rt: "03",
      rw: "05",
      problem,
      activity: entry ? entry.nama.toLowerCase() : null,
      kamusEntryId: entry?.id ?? null,
      kamusNoMatch: !entry,
      volume,
      unit: entry?.unit ?? null,
      estimatedCost: entry?.unitPrice ? entry.unitPrice * volume : null,
      beneficiaries: 40,
      proposerId: resident.id,
      proposerName: resident.name,
      channel,
      searchText: searchForm(problem),
      latitude: input.latitude ?? null,
      longitude: input.longitude ?? null,
      ...(input.createdAt ? { createdAt: input.createdAt } : {}),
    },
  });
  return code;
}

export function testDeps(store: Store, settings: Partial<DashboardSettings> = {}, extra: Partial<DashboardDeps> = {}) {
  const deps: DashboardDeps = {
    store,
    logger: pino({ level: "silent" }),
    settings: { ...defaultDashboardSettings, ...settings },
    texts: loadDashboardTexts(),
    replies: makeTexts(defaultIntentData().replies),
    dataDir: testTmpDir,
    ...extra,
  };
  return deps;
}

/** The dashboard mounted at /dashboard, as the server does. */
export function testApp(deps: DashboardDeps) {
  const dash = dashboardApp(deps);
  const app = new Hono().route("/dashboard", dash);
  return { dash, app };
}

export const origin = "http://localhost";

/** A client for `app.request` that keeps the session cookie and sends the dashboard's own Origin. */
export class Client {
  private jar = new Map<string, string>();
  constructor(private readonly app: { request: Hono["request"] }) {}

  /** The cookies as a browser would send them; setting it replaces the jar (e.g. a stolen session cookie). */
  get cookie(): string {
    return [...this.jar].map(([k, v]) => `${k}=${v}`).join("; ");
  }
  set cookie(value: string) {
    this.jar = new Map(value ? value.split("; ").map((kv) => kv.split("=") as [string, string]) : []);
  }

  private keep(res: Response): Response {
    for (const line of res.headers.getSetCookie()) {
      const [pair, ...attrs] = line.split(";");
      const [k, v] = pair!.split("=") as [string, string];
      if (!v || attrs.some((a) => /max-age=0\b/i.test(a))) this.jar.delete(k);
      else this.jar.set(k, v);
    }
    return res;
  }

  async get(path: string): Promise<Response> {
    return this.keep(await this.app.request(path, { headers: { cookie: this.cookie } }));
  }

  async post(path: string, form: Record<string, string | string[]>, headers: Record<string, string> = {}) {
    const body = new URLSearchParams();
    for (const [k, v] of Object.entries(form)) for (const one of [v].flat()) body.append(k, one);
    return this.keep(
      await this.app.request(path, {
        method: "POST",
        headers: { origin, "content-type": "application/x-www-form-urlencoded", cookie: this.cookie, ...headers },
        body,
      }),
    );
  }

  async login(username: string, pw = password): Promise<Response> {
    return this.post("/dashboard/login", { username, password: pw });
  }
}
