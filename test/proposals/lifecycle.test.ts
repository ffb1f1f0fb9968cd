// The lifecycle rules of DESIGN.md §4 without a database: which moves an officer may make, what they must give.
import { describe, expect, it } from "vitest";
import { defaultIntentData } from "../../src/nlu/files.ts";
import { checkStatusChange, nextStatuses, TRANSITIONS, type StatusChange } from "../../src/proposals/lifecycle.ts";
import { WITHDRAWABLE_FROM } from "../../src/store/proposal-write.ts";
import { isRefusal } from "../../src/refusal.ts";
import { makeTexts } from "../../src/texts/reply-texts.ts";

const texts = makeTexts(defaultIntentData().replies);
const officer = { type: "officer" as const, id: "ani" };

function refusalOf(fn: () => unknown): { status: number; message: string } {
  try {
    fn();
  } catch (e) {
    if (isRefusal(e)) return { status: e.status, message: e.message };
    throw e;
  }
  throw new Error("expected a refusal");
}

describe("proposal lifecycle", () => {
  it("lets a submitted proposal be verified, rejected or merged, and nothing else", () => {
    expect(nextStatuses("DIAJUKAN")).toEqual(["DIVERIFIKASI", "DITOLAK", "DIGABUNG"]);
    const change: StatusChange = { code: "U26-7K3Q", to: "DITERIMA", actor: officer };
    expect(refusalOf(() => checkStatusChange(texts, "U26-7K3Q", "DIAJUKAN", change))).toEqual({
      status: 409,
      message:
        "Usulan U26-7K3Q berstatus DIAJUKAN, jadi tidak bisa diubah menjadi DITERIMA. " +
        "Status yang bisa dipilih: DIVERIFIKASI, DITOLAK, DIGABUNG.",
    });
  });

  it("says a final status has no way on", () => {
    const change: StatusChange = { code: "U26-7K3Q", to: "DIAJUKAN", actor: officer };
    expect(refusalOf(() => checkStatusChange(texts, "U26-7K3Q", "DITERIMA", change)).message).toMatch(
      /bisa dipilih: tidak ada/,
    );
  });

  it("needs a reason to reject and returns it trimmed", () => {
    const reject: StatusChange = { code: "U26-7K3Q", to: "DITOLAK", actor: officer, reason: "   " };
    expect(refusalOf(() => checkStatusChange(texts, "U26-7K3Q", "DIAJUKAN", reject))).toMatchObject({
      status: 400,
      message: expect.stringMatching(/alasan penolakan/) as unknown,
    });
    expect(checkStatusChange(texts, "U26-7K3Q", "DIAJUKAN", { ...reject, reason: " Sudah dibangun " })).toBe(
      "Sudah dibangun",
    );
  });

  it("needs the code of the proposal a merge goes into", () => {
    const merge: StatusChange = { code: "U26-7K3Q", to: "DIGABUNG", actor: officer };
    expect(refusalOf(() => checkStatusChange(texts, "U26-7K3Q", "DIVERIFIKASI", merge)).status).toBe(400);
    expect(checkStatusChange(texts, "U26-7K3Q", "DIVERIFIKASI", { ...merge, mergeInto: "U26-AAAA" })).toBeUndefined();
  });

  it("lets only the proposer withdraw (DITARIK), only from DIAJUKAN, and never back", () => {
    const withdraw: StatusChange = { code: "U26-7K3Q", to: "DITARIK", actor: { type: "resident", id: "R1" } };
    expect(checkStatusChange(texts, "U26-7K3Q", "DIAJUKAN", withdraw)).toBeUndefined();
    expect(
      refusalOf(() => checkStatusChange(texts, "U26-7K3Q", "DIAJUKAN", { ...withdraw, actor: officer })),
    ).toMatchObject({
      status: 409,
    });
    expect(refusalOf(() => checkStatusChange(texts, "U26-7K3Q", "DIVERIFIKASI", withdraw)).status).toBe(409);
    expect(nextStatuses("DITARIK")).toEqual([]);
    // The chat's withdrawal (src/store/proposal-write.ts) follows the same rule.
    const from = Object.entries(TRANSITIONS)
      .filter(([, to]) => to.includes("DITARIK"))
      .map(([s]) => s);
    expect(from).toEqual([WITHDRAWABLE_FROM]);
  });
});
