// The berita acara behind the public pages' PDF link: the forum module's own document and renderer, so the
// public copy is the very one the officers print. It names the forum's signatories and delegates (a signed
// official record) and shows proposers only as "warga RT x".
import type { Db } from "../store/client.ts";
import { loadForumData, type ForumData } from "../forum/forum-data.ts";
import { minutesDocument } from "../forum/minutes-doc.ts";
import { renderPdf } from "../forum/minutes-pdf.ts";
import { loadForumView } from "../forum/village-forum.ts";
import type { MinutesPdf } from "./app.tsx";

/** `minutesPdf` for publicRoutes: renders the berita acara of a locked forum by id. */
export function forumMinutesPdf(db: Db, data: ForumData = loadForumData(), now = () => new Date()): MinutesPdf {
  return async (forumId) => renderPdf(minutesDocument(await loadForumView(db, forumId, now(), data), data, now()));
}
