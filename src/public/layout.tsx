// The frame of every public page: small, readable on a phone, no login, scripts only from /publik/aset.
import type { Child, FC } from "hono/jsx";
import type { PublicTexts } from "../texts/public-texts.ts";

export interface PublicLayoutProps {
  t: PublicTexts;
  title: string;
  /** Adds Chart.js and the script that draws the charts from their tables. */
  charts?: boolean;
  children?: Child;
}

export const PublicLayout: FC<PublicLayoutProps> = ({ t, title, charts, children }) => (
  <html lang="id">
    <head>
      <meta charset="utf-8" />
      <meta name="viewport" content="width=device-width, initial-scale=1" />
      <title>{`${title} · ${t("site")}`}</title>
      <link rel="icon" href="data:," />
      <link rel="stylesheet" href="/publik/aset/publik.css" />
      {charts && <script src="/publik/aset/chart.umd.js" defer></script>}
      {charts && <script src="/publik/aset/grafik.js" defer></script>}
    </head>
    <body>
      <header>
        <span class="site">{t("site")}</span>
      </header>
      <main>
        <h1>{title}</h1>
        {children}
      </main>
      <footer>
        <p>{t("footer")}</p>
        <p>{t("license")}</p>
      </footer>
    </body>
  </html>
);
