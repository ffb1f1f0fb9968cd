// The frame of every dashboard page: header with the menu and the officer, a flash message, the content.
// Server-rendered with hono/jsx, which escapes every value; scripts only from /dashboard/aset (CSP).
import type { Child, FC } from "hono/jsx";
import type { SessionOfficer } from "../store/officer-sessions.ts";
import { base } from "./env.ts";
import { navItems } from "./nav.ts";

export interface LayoutProps {
  title: string;
  officer?: SessionOfficer;
  /** The menu entry to mark, e.g. "/dashboard/usulan". */
  active?: string;
  /** A message after an action: `{ kind: "ok" | "error", text }`. */
  flash?: { kind: "ok" | "error"; text: string } | null;
  /** Extra scripts by asset name, e.g. ["chart.umd.js"]; dashboard.js always comes last. */
  scripts?: string[];
  styles?: string[];
  /** Reload the page after this many seconds when scripts are off (a running import's progress line). */
  refreshSeconds?: number;
  children?: Child;
}

const roleLabel = { ADMIN: "Admin Bappeda", DISTRICT: "Kecamatan", VILLAGE: "Desa" } as const;

export const Layout: FC<LayoutProps> = (props) => {
  const o = props.officer;
  return (
    <html lang="id">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="htmx-config" content='{"includeIndicatorStyles":false,"allowEval":false}' />
        <title>{`${props.title} · Dasbor Musrenbang`}</title>
        {props.refreshSeconds && (
          <noscript>
            <meta http-equiv="refresh" content={String(props.refreshSeconds)} />
          </noscript>
        )}
        {(props.styles ?? []).map((s) => (
          <link rel="stylesheet" href={`${base}/aset/${s}`} />
        ))}
        <link rel="stylesheet" href={`${base}/aset/dashboard.css`} />
        <script src={`${base}/aset/htmx.min.js`} defer></script>
        {(props.scripts ?? []).map((s) => (
          <script src={`${base}/aset/${s}`} defer></script>
        ))}
        <script src={`${base}/aset/dashboard.js`} defer></script>
      </head>
      <body>
        <header class="top">
          <a class="brand" href={base}>
            Musrenbang
          </a>
          {o && (
            <nav aria-label="Menu utama">
              {navItems
                .filter((n) => !n.roles || n.roles.includes(o.role))
                .map((n) => (
                  <a href={n.href} aria-current={props.active === n.href ? "page" : undefined}>
                    {n.label}
                  </a>
                ))}
            </nav>
          )}
          {o && (
            <form class="who" method="post" action={`${base}/keluar`}>
              <span>
                {o.username} · {roleLabel[o.role]}
                {o.regionCode ? ` ${o.regionName ?? o.regionCode}` : ""}
              </span>
              <button type="submit" class="link">
                Keluar
              </button>
            </form>
          )}
        </header>
        <main>
          <h1>{props.title}</h1>
          {props.flash && (
            <p class={`flash ${props.flash.kind}`} role={props.flash.kind === "error" ? "alert" : "status"}>
              {props.flash.text}
            </p>
          )}
          {props.children}
        </main>
      </body>
    </html>
  );
};
