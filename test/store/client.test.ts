import { describe, expect, it } from "vitest";
import { storeCases } from "../support/stores.ts";

describe.each(storeCases())("store on $name", ({ open }) => {
  it("starts empty and migrated", async () => {
    const { db } = await open();
    expect(await db.kamusEntry.count()).toBe(0);
    expect(await db.proposal.count()).toBe(0);
    await db.$disconnect();
  });
});
