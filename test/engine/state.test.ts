import { describe, expect, it } from "vitest";
import { readState, upgradeState } from "../../src/engine/state.ts";

describe("conversation state", () => {
  it("reads the current version unchanged", () => {
    const s = { version: 2, phase: "idle", residentId: "R1", history: [] };
    expect(readState(JSON.stringify(s))).toEqual(s);
  });

  it("upgrades version 1 with a draft to a resumable draft", () => {
    const v1 = {
      version: 1,
      step: "ask_volume",
      consented: true,
      residentId: "R9",
      name: "Ani",
      draft: { villageCode: "3216010001", problem: "jalan rusak" },
    };
    const s = upgradeState(v1);
    expect(s).toMatchObject({
      version: 2,
      phase: "resume",
      residentId: "R9",
      name: "Ani",
      draft: { villageCode: "3216010001", problem: "jalan rusak", photos: [] },
    });
  });

  it("upgrades version 1 without consent to the consent question", () => {
    expect(upgradeState({ version: 1, step: "start", consented: false })).toMatchObject({
      version: 2,
      phase: "consent",
    });
  });

  it("starts afresh on garbage", () => {
    expect(readState("{not json")).toMatchObject({ version: 2, phase: "consent" });
    expect(upgradeState({ version: 99 })).toMatchObject({ version: 2, phase: "consent" });
  });
});
