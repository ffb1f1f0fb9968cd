// Open311 GeoReport v2 (http://wiki.open311.org/GeoReport_v2) responses checked against the fields the
// standard lists, on SQLite and PostgreSQL.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { Hono } from "hono";
import { open311Routes } from "../../src/open311/app.ts";
import type { Store } from "../../src/store/client.ts";
import { storeCases } from "../support/stores.ts";
import { seeded, seedPublic } from "../public/seed.ts";

/** The fields GeoReport v2 lists for a service (GET services.json). */
const serviceFields = ["service_code", "service_name", "description", "metadata", "type", "keywords", "group"];
const serviceRequired = ["service_code", "service_name", "metadata", "type"];
const serviceTypes = ["realtime", "batch", "blackbox"];
/** The fields GeoReport v2 lists for a service request (GET requests.json). */
const requestFields = [
  "service_request_id",
  "status",
  "status_notes",
  "service_name",
  "service_code",
  "description",
  "agency_responsible",
  "service_notice",
  "requested_datetime",
  "updated_datetime",
  "expected_datetime",
  "address",
  "address_id",
  "zipcode",
  "lat",
  "long",
  "media_url",
];
const requestRequired = ["service_request_id", "status", "requested_datetime"];
/** W3C / ISO 8601 date-time as the standard asks. */
const iso8601 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

type Json = Record<string, unknown>;

function checkRequest(r: Json): void {
  for (const key of Object.keys(r)) expect(requestFields, `unknown request field ${key}`).toContain(key);
  for (const key of requestRequired) expect(r[key], key).toBeTruthy();
  expect(["open", "closed"]).toContain(r.status);
  for (const key of ["requested_datetime", "updated_datetime"]) expect(r[key]).toMatch(iso8601);
  if ("lat" in r) expect(typeof r.lat).toBe("number");
  if ("long" in r) expect(typeof r.long).toBe("number");
}

function checkErrors(body: unknown, code: number): void {
  expect(Array.isArray(body)).toBe(true);
  const list = body as Json[];
  expect(list.length).toBeGreaterThan(0);
  for (const e of list) {
    expect(Object.keys(e).sort()).toEqual(["code", "description"]);
    expect(e.code).toBe(code);
    expect(typeof e.description).toBe("string");
  }
}

describe.each(storeCases())("Open311 GeoReport v2 on $name", (storeCase) => {
  let store: Store;
  let app: Hono;
  const now = new Date("2026-11-29T09:00:00Z");
  const get = async (path: string) => {
    const res = await app.request(`http://musrenbang.test${path}`);
    return { status: res.status, type: res.headers.get("content-type"), body: (await res.json()) as unknown };
  };

  beforeEach(async () => {
    store = await storeCase.open();
    await seedPublic(store, now);
    app = new Hono();
    app.route("/", open311Routes({ db: store.db, now: () => now }));
  });
  afterEach(async () => {
    await store.db.$disconnect();
  });

  it("describes itself in discovery.json with the GeoReport v2 endpoint and JSON format", async () => {
    const { status, type, body } = await get("/open311/v2/discovery.json");
    expect(status).toBe(200);
    expect(type).toMatch(/application\/json/);
    const d = body as Json & { endpoints: Json[] };
    expect(Object.keys(d).sort()).toEqual(["changeset", "contact", "endpoints", "key_service"]);
    expect(d.changeset).toMatch(iso8601);
    expect(d.endpoints).toEqual([
      {
        specification: "http://wiki.open311.org/GeoReport_v2",
        url: "http://musrenbang.test/open311/v2",
        changeset: expect.stringMatching(iso8601) as unknown,
        type: "production",
        formats: ["application/json"],
      },
    ]);
  });

  it("lists the active kamus entries as services: kode, nama, OPD as group", async () => {
    const { body } = await get("/open311/v2/services.json");
    const services = body as Json[];
    expect(services.map((s) => s.service_code)).toEqual(["K-001", "K-002"]);
    for (const s of services) {
      for (const key of Object.keys(s)) expect(serviceFields).toContain(key);
      for (const key of serviceRequired) expect(s).toHaveProperty(key);
      expect(serviceTypes).toContain(s.type);
      expect(s.metadata).toBe(false);
    }
    expect(services[0]).toMatchObject({
      service_name: "Rabat beton jalan lingkungan",
      group: "Dinas Pekerjaan Umum dan Penataan Ruang",
    });
  });

  it("lists requests with the standard's fields, our status in Indonesian and the pin only when published", async () => {
    const { status, body } = await get("/open311/v2/requests.json");
    expect(status).toBe(200);
    const requests = body as Json[];
    expect(requests).toHaveLength(4);
    requests.forEach(checkRequest);
    const byId = new Map(requests.map((r) => [r.service_request_id, r]));
    expect(byId.get(seeded.agreed)).toMatchObject({
      status: "open",
      status_notes: "Disepakati di Musrenbang Desa.",
      service_code: "K-001",
      service_name: "Rabat beton jalan lingkungan",
      agency_responsible: "Dinas Pekerjaan Umum dan Penataan Ruang",
      description: "Jalan lingkungan RT 03 rusak berlubang dan licin saat hujan.",
      address: "RT 03 / RW 05, Sukamakmur, Kec. Sukakarya",
      address_id: "32.16.14.2003",
    });
    // Without an approved wording the description is kamus entry, volume and place.
    expect(byId.get(seeded.notAgreed)?.description).toBe(
      "Penerangan jalan umum, 4 titik di RT 03 / RW 05, Sukamakmur, Kec. Sukakarya",
    );
    expect(byId.get(seeded.notAgreed)).not.toHaveProperty("lat");
    expect(byId.get(seeded.pinned)).toMatchObject({ lat: -6.3, long: 107.1 });
  });

  it("filters by service_code, status and dates, and pages with page and page_size", async () => {
    const codes = async (query: string) =>
      ((await get(`/open311/v2/requests.json?${query}`)).body as Json[]).map((r) => r.service_request_id).sort();
    expect(await codes("service_code=K-002")).toEqual([seeded.notAgreed, seeded.pinned]);
    expect(await codes("service_code=K-001,K-002&status=open")).toHaveLength(4);
    expect(await codes("status=closed")).toEqual([]);
    await store.db.proposal.update({ where: { code: seeded.notAgreed }, data: { status: "DITOLAK" } });
    expect(await codes("status=closed")).toEqual([seeded.notAgreed]);
    expect(await codes("start_date=2026-12-01T00:00:00Z")).toEqual([]);
    expect(await codes("end_date=2026-11-01T00:00:00%2B07:00")).toEqual([]);
    expect(await codes("start_date=2026-11-01&end_date=2026-11-30T00:00:00Z")).toHaveLength(4);
    const pages = [await codes("page_size=3&page=1"), await codes("page_size=3&page=2")];
    expect(pages.map((p) => p.length)).toEqual([3, 1]);
    expect(new Set(pages.flat()).size).toBe(4);
    expect(await codes(`service_request_id=${seeded.agreed},${seeded.pinned.toLowerCase()}`)).toEqual([
      seeded.agreed,
      seeded.pinned,
    ]);
  });

  it("leaves out requests older than 90 days when no date is given, as the standard's default", async () => {
    await store.db.proposal.update({
      where: { code: seeded.script },
      data: { createdAt: new Date(now.getTime() - 100 * 86400_000) },
    });
    const recent = (await get("/open311/v2/requests.json")).body as Json[];
    expect(recent.map((r) => r.service_request_id)).not.toContain(seeded.script);
    const all = (await get("/open311/v2/requests.json?start_date=2020-01-01")).body as Json[];
    expect(all.map((r) => r.service_request_id)).toContain(seeded.script);
  });

  it("answers one request as a one-element array, in any letter case", async () => {
    const { status, body } = await get(`/open311/v2/requests/${seeded.pinned.toLowerCase()}.json`);
    expect(status).toBe(200);
    const list = body as Json[];
    expect(list).toHaveLength(1);
    checkRequest(list[0]!);
    expect(list[0]!.service_request_id).toBe(seeded.pinned);
  });

  it("answers errors as the standard's array with the same HTTP status", async () => {
    const cases: [string, number][] = [
      ["/open311/v2/requests/U26-NONE.json", 404],
      ["/open311/v2/requests.json?status=pending", 400],
      ["/open311/v2/requests.json?start_date=kemarin", 400],
      ["/open311/v2/requests.json?start_date=2026-12-01&end_date=2026-11-01", 400],
      ["/open311/v2/requests.json?page_size=0", 400],
      ["/open311/v2/requests.json?page=abc", 400],
      ["/open311/v2/requests.xml", 400],
      ["/open311/v2/requests/U26-AAAA.xml", 400],
      ["/open311/v2/tidak-ada.json", 404],
    ];
    for (const [path, code] of cases) {
      const { status, body } = await get(path);
      expect(status, path).toBe(code);
      checkErrors(body, code);
    }
    const post = await app.request("/open311/v2/requests.json", { method: "POST", body: "service_code=K-001" });
    expect(post.status).toBe(405);
    checkErrors(await post.json(), 405);
  });
});
