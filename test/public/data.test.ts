import { describe, expect, it } from "vitest";
import { perAgency, type PublicProposal } from "../../src/public/data.ts";

const proposal = (status: PublicProposal["status"], agency: string, cost: number) =>
  ({ status, kamus: { kode: "K", nama: "Rabat beton", agency }, estimatedCost: cost }) as PublicProposal;

describe("public per-OPD counts", () => {
  it("leave out proposals that will not go on: rejected, merged or withdrawn by the resident", () => {
    const rows = perAgency(
      [
        proposal("DIAJUKAN", "Dinas PUPR", 100),
        proposal("DISEPAKATI", "Dinas PUPR", 50),
        proposal("DITOLAK", "Dinas PUPR", 1000),
        proposal("DIGABUNG", "Dinas PUPR", 1000),
        proposal("DITARIK", "Dinas Perhubungan", 1000),
      ],
      "(tanpa OPD)",
    );
    expect(rows).toEqual([{ agency: "Dinas PUPR", count: 2, cost: 150 }]);
  });
});
