// The proposal page's "Tampil di halaman publik" card: the officer approves (or withdraws) a public wording of the
// problem and shows or hides the pin; nothing of the resident's own words is public before that (src/public).
import type { Context, Hono } from "hono";
import type { FC } from "hono/jsx";
import {
  approvePublicWording,
  maxPublicWording,
  publicWordingForm,
  setPublishLocation,
  withdrawPublicWording,
  type PublicWordingForm,
} from "../../proposals/public-wording.ts";
import { loadPublicTexts, type PublicTexts } from "../../texts/public-texts.ts";
import type { Db } from "../../store/client.ts";
import type { DashEnv } from "../env.ts";
import { dateTime } from "../format.ts";

let cached: PublicTexts | undefined;
const texts = () => (cached ??= loadPublicTexts());

/** The card's data for proposal `code` (read after the page's own scope check). */
export function publicCardData(db: Db, code: string): Promise<PublicWordingForm> {
  return publicWordingForm({ db, texts: texts() }, code);
}

export const PublicCard: FC<{ form: PublicWordingForm; url: string }> = ({ form, url }) => {
  const t = texts();
  return (
    <div class="card" id="publik">
      <h2>{t("form.title")}</h2>
      <p>
        <small>{t("form.help")}</small>
      </p>
      <p>
        {form.approved
          ? t("form.approved", {
              by: form.approved.by ?? "-",
              at: form.approved.at ? dateTime(form.approved.at) : "-",
            })
          : t("form.not_approved")}{" "}
        <a href={`/usulan/${form.code}`} target="_blank" rel="noopener">
          {t("form.view")}
        </a>
      </p>
      <form method="post" action={`${url}/publik`}>
        <label>
          {t("form.label")}
          <textarea name="wording" rows={4} maxlength={maxPublicWording} required>
            {form.draft}
          </textarea>
        </label>
        <button type="submit" name="aksi" value="setujui">
          {t("form.approve")}
        </button>{" "}
        {form.approved && (
          <button type="submit" name="aksi" value="tarik" class="secondary" formnovalidate>
            {t("form.withdraw")}
          </button>
        )}
      </form>
      {form.hasLocation && (
        <form method="post" action={`${url}/publik`}>
          <input type="hidden" name="aksi" value="pin" />
          <input type="hidden" name="publish" value={form.publishLocation ? "0" : "1"} />
          <p>
            {form.publishLocation ? t("form.pin_shown") : t("form.pin_hidden")}{" "}
            <button type="submit" class="secondary">
              {form.publishLocation ? t("form.pin_hide") : t("form.pin_show")}
            </button>
          </p>
        </form>
      )}
    </div>
  );
};

/**
 * `POST /usulan/<code>/publik` (form `aksi` = setujui | tarik | pin, `wording`, `publish`), run through the
 * page's `decide` (scope check first, flash and 303 back, a refusal shown on the page).
 */
export function mountPublicCard(
  app: Hono<DashEnv>,
  db: Db,
  decide: (c: Context<DashEnv>, code: string, work: () => Promise<string>) => Promise<Response>,
  now: () => Date,
): void {
  app.post("/usulan/:code/publik", async (c) => {
    const code = c.req.param("code").toUpperCase();
    const body = await c.req.parseBody();
    const value = (name: string) => (typeof body[name] === "string" ? body[name] : "");
    const desk = { db, texts: texts() };
    return decide(c, code, async () => {
      const action = value("aksi");
      if (action === "tarik") return withdrawPublicWording(desk, code);
      if (action === "pin") return setPublishLocation(desk, { code, publish: value("publish") === "1" });
      return approvePublicWording(desk, {
        code,
        wording: value("wording"),
        officer: c.get("officer").username,
        now: now(),
      });
    });
  });
}
