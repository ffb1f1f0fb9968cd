// The menu at the top of every dashboard page. A new area of the dashboard (e.g. the forum) adds its entry here.
import { OfficerRole } from "../store/client.ts";
import { base } from "./env.ts";

export interface NavItem {
  href: string;
  label: string;
  /** Only these roles see the entry (all when absent). */
  roles?: OfficerRole[];
}

export const navItems: NavItem[] = [
  { href: `${base}`, label: "Beranda" },
  { href: `${base}/usulan`, label: "Usulan" },
  { href: `${base}/forum`, label: "Forum" },
  { href: `${base}/siklus`, label: "Siklus", roles: [OfficerRole.ADMIN] },
  { href: `${base}/ekspor/hasil`, label: "SIPD", roles: [OfficerRole.ADMIN, OfficerRole.DISTRICT] },
  { href: `${base}/kamus`, label: "Kamus", roles: [OfficerRole.ADMIN] },
  { href: `${base}/wilayah`, label: "Wilayah", roles: [OfficerRole.ADMIN] },
];
