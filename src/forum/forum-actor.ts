// Who works on a forum: the logged-in officer (the dashboard's session officer fits this shape) and the
// area they may reach. A village officer reaches one desa, a kecamatan officer its desa, the admin all.

/** E.g. `{ username: "desa.srimukti", role: "VILLAGE", regionCode: "3216060005" }`. */
export interface ForumActor {
  username: string;
  role: "ADMIN" | "DISTRICT" | "VILLAGE";
  regionCode: string | null;
}

/** True when the officer's area holds the desa (given with its kecamatan). */
export function reachesVillage(actor: ForumActor, village: { code: string; districtCode: string }): boolean {
  if (actor.role === "ADMIN") return true;
  if (actor.role === "DISTRICT") return actor.regionCode === village.districtCode;
  return actor.regionCode === village.code;
}

/** True when the officer's area holds the whole kecamatan (its forum is the kecamatan's or the admin's). */
export function reachesDistrict(actor: ForumActor, districtCode: string): boolean {
  return actor.role === "ADMIN" || (actor.role === "DISTRICT" && actor.regionCode === districtCode);
}
