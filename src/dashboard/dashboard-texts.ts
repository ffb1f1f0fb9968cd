// The dashboard's messages and the common rejection reasons, from intents/dashboard.yaml (checked by zod).
import { join } from "node:path";
import { z } from "zod";
import { readDataFile } from "../config/data-file.ts";
import { projectRoot } from "../config/paths.ts";
import { fill } from "../texts/fill.ts";

const DashboardFile = z.object({
  texts: z.record(z.string(), z.string().min(1)),
  rejectReasons: z.array(z.string().min(1)).min(1),
});

/** Fills a dashboard message: `t("login.throttled", { time: "10:15" })`. */
export type DashboardTexts = ((key: string, vars?: Record<string, string | number>) => string) & {
  rejectReasons: readonly string[];
};

/** Loads intents/dashboard.yaml (or `path`); an unknown key throws so a typo is found by the tests. */
export function loadDashboardTexts(path = join(projectRoot, "intents/dashboard.yaml")): DashboardTexts {
  const data = readDataFile(path, DashboardFile);
  const t = (key: string, vars: Record<string, string | number> = {}) => {
    const template = data.texts[key];
    if (template === undefined) throw new Error(`Dashboard text "${key}" is missing in intents/dashboard.yaml`);
    return fill(template, vars);
  };
  return Object.assign(t, { rejectReasons: data.rejectReasons });
}
