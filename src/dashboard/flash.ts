// A message shown once on the page an action redirects to ("Usulan U26-7K3Q sudah diverifikasi."): kept in a
// short-lived HttpOnly cookie, so no text the officer reads can be forged through a link.
import type { Context } from "hono";
import { deleteCookie, getCookie, setCookie } from "hono/cookie";
import { base } from "./env.ts";

const name = "musrenbang_pesan";

export interface Flash {
  kind: "ok" | "error";
  text: string;
}

export function setFlash(c: Context, flash: Flash): void {
  setCookie(c, name, encodeURIComponent(JSON.stringify(flash)), {
    path: base,
    httpOnly: true,
    sameSite: "Lax",
    maxAge: 60,
  });
}

/** The pending message, removed as it is read. */
export function takeFlash(c: Context): Flash | null {
  const raw = getCookie(c, name);
  if (!raw) return null;
  deleteCookie(c, name, { path: base });
  try {
    const v = JSON.parse(decodeURIComponent(raw)) as Flash;
    return (v.kind === "ok" || v.kind === "error") && typeof v.text === "string" ? v : null;
  } catch {
    return null;
  }
}
