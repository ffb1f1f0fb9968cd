// An engine context without a database: the sample region list and kamus from their CSV files, in-memory
// lookups that remember proposals created by effects, a fixed clock and sequential ids.
import type { TurnContext, Lookups, ProposalBrief } from "../../src/engine/context.ts";
import { defaultEngineConfig } from "../../src/engine/context.ts";
import type { Effect } from "../../src/engine/effects.ts";
import { makeTexts } from "../../src/texts/reply-texts.ts";
import { readKamusFile } from "../../src/import/index.ts";
import { buildMatcher } from "../../src/kamus/matcher.ts";
import type { KamusMatcher } from "../../src/kamus/types.ts";
import { trainClassifier, type IntentClassifier } from "../../src/nlu/classifier.ts";
import { defaultIntentData } from "../../src/nlu/files.ts";
import type { RegionIndex } from "../../src/regions/index.ts";
import { sampleRegions } from "../regions/sample-regions.ts";
import { sampleFile, sequentialIds } from "../host/harness.ts";

let shared: Promise<{ matcher: KamusMatcher; regions: RegionIndex; classifier: IntentClassifier }> | undefined;

/** Matcher, regions and classifier, built once per test file. */
export function sampleWorld() {
  shared ??= (async () => ({
    matcher: buildMatcher(await readKamusFile(sampleFile("kamus-malang-2023.csv"))),
    regions: sampleRegions(),
    classifier: trainClassifier(defaultIntentData()),
  }))();
  return shared;
}

/** Lookups over proposals created by applied effects. */
export class MemoryLookups implements Lookups {
  proposals: (ProposalBrief & { createdAt: Date })[] = [];
  async countProposalsSince(residentId: string, since: Date) {
    return this.proposals.filter((p) => p.proposerId === residentId && p.createdAt >= since).length;
  }
  async residentProposals(residentId: string) {
    return this.proposals.filter((p) => p.proposerId === residentId);
  }
  async proposalByCode(code: string) {
    return this.proposals.find((p) => p.code === code);
  }
  async statusHistory() {
    return [];
  }
  async findSimilar() {
    return undefined;
  }
  async codeTaken(code: string) {
    return this.proposals.some((p) => p.code === code);
  }
  async intakeWindow() {
    return undefined;
  }
  apply(effects: Effect[]) {
    for (const e of effects) {
      if (e.type === "createProposal") {
        this.proposals.push({
          code: e.proposal.code,
          status: "DIAJUKAN",
          title: e.proposal.problem,
          villageName: "-",
          supporters: 0,
          proposerId: e.proposal.residentId,
          createdAt: e.proposal.createdAt,
        });
      }
    }
  }
}

/** A context for pure engine tests. */
export async function engineContext(
  now = new Date("2026-03-02T02:00:00Z"),
): Promise<TurnContext & { lookups: MemoryLookups }> {
  const world = await sampleWorld();
  return {
    now,
    ids: sequentialIds(),
    ...world,
    texts: makeTexts(defaultIntentData().replies),
    lookups: new MemoryLookups(),
    config: defaultEngineConfig,
  };
}
