// The admin's schedule of a cycle: intake window and forum periods, given as dates (WIB) and stored as the
// first and last instant of those days. Refused with a message saying which field to fix.
import { Refusal } from "../refusal.ts";
import type { Db } from "../store/client.ts";
import { defaultForumData, forumText, type ForumData } from "./forum-data.ts";

/** Dates as `YYYY-MM-DD` (an <input type="date">); empty forum dates leave those periods unset. */
export interface CycleForm {
  year: string;
  opens: string;
  closes: string;
  villageFrom?: string;
  villageUntil?: string;
  districtFrom?: string;
  districtUntil?: string;
}

/** Creates or updates the cycle of the form's year; returns the year. */
export async function saveCycle(db: Db, form: CycleForm, data: ForumData = defaultForumData()): Promise<number> {
  const t = (key: string, vars?: Record<string, string>) => forumText(data, key, vars);
  const year = Number(form.year);
  if (!Number.isInteger(year) || year < 2020 || year > 2100) throw new Refusal(400, t("cycle.bad_year"));
  const day = (value: string | undefined, field: string, end: boolean, required: boolean): Date | null => {
    const v = value?.trim() ?? "";
    if (!v && !required) return null;
    const d = /^\d{4}-\d{2}-\d{2}$/.test(v) ? new Date(`${v}T${end ? "23:59:59" : "00:00:00"}+07:00`) : null;
    if (!d || Number.isNaN(d.getTime())) throw new Refusal(400, t("cycle.bad_date", { field: t(field).toLowerCase() }));
    return d;
  };
  const opensAt = day(form.opens, "cycle.opens", false, true)!;
  const closesAt = day(form.closes, "cycle.closes", true, true)!;
  if (closesAt <= opensAt) throw new Refusal(400, t("cycle.bad_window"));
  const villageForumsFrom = day(form.villageFrom, "cycle.village_from", false, false);
  const villageForumsUntil = day(form.villageUntil, "cycle.village_until", true, false);
  const districtForumsFrom = day(form.districtFrom, "cycle.district_from", false, false);
  const districtForumsUntil = day(form.districtUntil, "cycle.district_until", true, false);
  if (villageForumsFrom && villageForumsUntil && villageForumsUntil < villageForumsFrom)
    throw new Refusal(400, t("cycle.bad_range", { field: "Musrenbang Desa" }));
  if (districtForumsFrom && districtForumsUntil && districtForumsUntil < districtForumsFrom)
    throw new Refusal(400, t("cycle.bad_range", { field: "Musrenbang Kecamatan" }));
  const fields = { opensAt, closesAt, villageForumsFrom, villageForumsUntil, districtForumsFrom, districtForumsUntil };
  await db.cycle.upsert({ where: { year }, create: { year, ...fields }, update: fields });
  return year;
}

/** A stored instant as the WIB date an <input type="date"> shows. */
export function wibDay(d: Date | null): string {
  return d ? new Date(d.getTime() + 7 * 3600_000).toISOString().slice(0, 10) : "";
}
