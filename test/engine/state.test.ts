import { describe, expect, it } from "vitest";
import { readState, upgradeState } from "../../src/engine/state.ts";

describe("conversation state", () => {
  it("reads the current version unchanged", () => {
    const s = { version: 3, phase: "idle", residentId: "R1" };
    expect(readState(JSON.stringify(s))).toEqual(s);
  });

  it("keeps only what a phase needs: a form state without its open question is not a form state", () => {
    const s = upgradeState({ version: 3, phase: "form", residentId: "R1", draft: { startedAt: "x", photos: [] } });
    expect(s.phase).not.toBe("form");
  });

  it("upgrades a version 2 form state with its question, options and history", () => {
    const v2 = {
      version: 2,
      phase: "form",
      residentId: "R2",
      draft: { villageCode: "3216010001", problem: "jalan rusak", photos: [], startedAt: "2026-03-01T00:00:00Z" },
      expecting: "kamus",
      history: ["village", "kamus"],
      kamusChoices: ["MLG23-064"],
      editing: true,
      supportCode: "U26-AAAA",
    };
    expect(upgradeState(v2)).toEqual({
      version: 3,
      phase: "form",
      residentId: "R2",
      draft: v2.draft,
      expecting: "kamus",
      history: ["village", "kamus"],
      kamusChoices: ["MLG23-064"],
    });
  });

  it("upgrades a version 2 'erase' question to the phase it came from, and 'resume' to the menu with the draft", () => {
    const draft = { problem: "banjir", photos: [], startedAt: "2026-03-01T00:00:00Z" };
    expect(upgradeState({ version: 2, phase: "erase", returnPhase: "confirm", residentId: "R3", draft })).toMatchObject(
      {
        phase: "confirm",
        draft,
      },
    );
    expect(upgradeState({ version: 2, phase: "resume", residentId: "R3", draft, history: [] })).toMatchObject({
      phase: "idle",
      draft,
    });
  });

  it("upgrades version 1 with a draft to the menu, which offers to continue it", () => {
    const v1 = {
      version: 1,
      step: "ask_volume",
      consented: true,
      residentId: "R9",
      name: "Ani",
      draft: { villageCode: "3216010001", problem: "jalan rusak" },
    };
    expect(upgradeState(v1)).toMatchObject({
      version: 3,
      phase: "idle",
      residentId: "R9",
      name: "Ani",
      draft: { villageCode: "3216010001", problem: "jalan rusak", photos: [] },
    });
  });

  it("upgrades version 1 without consent to the consent question", () => {
    expect(upgradeState({ version: 1, step: "start", consented: false })).toMatchObject({
      version: 3,
      phase: "consent",
    });
  });

  it("starts afresh on garbage", () => {
    expect(readState("{not json")).toMatchObject({ version: 3, phase: "consent" });
    expect(upgradeState({ version: 99 })).toMatchObject({ version: 3, phase: "consent" });
  });
});
