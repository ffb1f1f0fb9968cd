// The Musrenbang Kecamatan over three desa: their locked lists consolidated across desa, locked, forwarded.
import { afterEach, describe, expect, it } from "vitest";
import type { Store } from "../../src/store/client.ts";
import { openVillageForum } from "../../src/forum/village-forum.ts";
import { lockVillageForum } from "../../src/forum/lock-forum.ts";
import { decideForumRow } from "../../src/forum/forum-edit.ts";
import { forwardDistrictForum, lockDistrictForum, openDistrictForum } from "../../src/forum/district-forum.ts";
import { groupByAgency } from "../../src/forum/agency-groups.ts";
import { rowCost } from "../../src/forum/village-forum.ts";
import { admin, districtOfficer, NOW, seededCases, seedProposals, villageOfficer, YEAR } from "./fixtures.ts";

const KEC = "3216082"; // Tambun Utara
const DESA = ["3216082001", "3216082002", "3216082006"];

let store: Store | undefined;
afterEach(async () => {
  await store?.db.$disconnect();
  store = undefined;
});

describe.each(seededCases())("Musrenbang Kecamatan on $name", ({ open }) => {
  it("consolidates three desa's locked lists by rank across desa, locks, and forwards the agreed ones", async () => {
    store = await open();
    const db = store.db;
    for (const [i, desa] of DESA.entries()) await seedProposals(store, desa, 3, String.fromCharCode(65 + i));
    // Two desa lock their lists; the third has not met yet, so its proposals do not come up.
    for (const desa of DESA.slice(0, 2)) {
      const v = await openVillageForum(db, villageOfficer(desa), desa, YEAR, NOW);
      await lockVillageForum(db, villageOfficer(desa), v.id, NOW);
    }
    const officer = districtOfficer(KEC);
    const view = await openDistrictForum(db, officer, KEC, YEAR, NOW);
    expect(view.rows).toHaveLength(6);
    const desaRank = new Map((await db.proposal.findMany()).map((p) => [p.code, p.rank]));
    // All rank-1 proposals first, then rank 2, then rank 3.
    expect(view.rows.map((r) => desaRank.get(r.code))).toEqual([1, 1, 2, 2, 3, 3]);
    expect(new Set(view.rows.map((r) => r.village.code))).toEqual(new Set(DESA.slice(0, 2)));

    await expect(openDistrictForum(db, districtOfficer("3216010"), KEC, YEAR, NOW)).rejects.toMatchObject({
      status: 404,
    });
    await expect(lockDistrictForum(db, villageOfficer(DESA[0]!), view.id, NOW)).rejects.toMatchObject({ status: 403 });
    await expect(forwardDistrictForum(db, officer, view.id, NOW)).rejects.toMatchObject({ status: 409 });

    const dropped = view.rows[5]!.code;
    await decideForumRow(db, { actor: officer, forumId: view.id, now: NOW }, dropped, {
      agreed: false,
      reason: "Pagu kecamatan tidak cukup",
    });
    expect(await lockDistrictForum(db, officer, view.id, NOW)).toEqual({ agreed: 5, notAgreed: 1 });
    const locked = await openDistrictForum(db, officer, KEC, YEAR, NOW);
    const { groups, total } = groupByAgency(locked.rows);
    expect(groups.flatMap((g) => g.rows).length).toBe(5);
    expect(total).toBe(locked.rows.filter((r) => r.agreed).reduce((s, r) => s + rowCost(r), 0));

    expect(await forwardDistrictForum(db, officer, view.id, NOW)).toBe(5);
    const after = await db.proposal.findMany({ where: { village: { districtCode: KEC } } });
    expect(
      after
        .filter((p) => p.status === "DITERUSKAN")
        .map((p) => p.code)
        .sort(),
    ).toEqual(
      view.rows
        .slice(0, 5)
        .map((r) => r.code)
        .sort(),
    );
    expect(after.find((p) => p.code === dropped)!.status).toBe("DISEPAKATI");
    const notices = (await db.outboxMessage.findMany()).map((m) => m.payload).join("\n");
    expect(notices).toMatch(/diteruskan ke kabupaten/);
    expect(notices).toMatch(
      /belum disepakati dalam Musrenbang Kecamatan Tambun Utara. Alasannya: Pagu kecamatan tidak cukup/,
    );
    await expect(forwardDistrictForum(db, admin, view.id, NOW)).rejects.toMatchObject({ status: 409 });
  });
});
