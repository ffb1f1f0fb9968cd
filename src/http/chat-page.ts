// The /chat page: HTML, script and style served as three small files (no inline script or style, so the
// Content-Security-Policy can forbid them), no build step. The resident's identity is the HttpOnly cookie the
// server set with the page; options are buttons and the resident's bubble shows the label they pressed; news
// queued for the resident (a status change) is fetched every few seconds and when the page gets focus.

/** The page; `/chat/app.css` and `/chat/app.js` do the rest. */
export const chatPage = `<!doctype html>
<html lang="id">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Usulan Musrenbang</title>
<link rel="stylesheet" href="/chat/app.css">
<script src="/chat/app.js" defer></script>
</head>
<body>
<header>Usulan Musrenbang</header>
<div id="log" aria-live="polite"></div>
<form id="f">
  <button type="button" id="loc" aria-label="Kirim lokasi">Kirim lokasi</button>
  <input id="t" autocomplete="off" placeholder="Tulis pesan..." aria-label="Pesan">
  <button id="send">Kirim</button>
</form>
</body>
</html>`;

/** Shown instead of the chat when too many new residents arrived (issue #13); `minutes` until it opens again. */
export function busyPage(minutes: number): string {
  return `<!doctype html>
<html lang="id">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Usulan Musrenbang</title>
<link rel="stylesheet" href="/chat/app.css">
</head>
<body>
<header>Usulan Musrenbang</header>
<main class="notice"><p>Mohon maaf, saat ini terlalu banyak pengguna baru.</p><p>Silakan coba lagi dalam ${Math.max(1, Math.round(minutes))} menit.</p></main>
</body>
</html>`;
}

export const chatStyle = `* { box-sizing: border-box; }
body { margin: 0; font-family: system-ui, sans-serif; background: #eef2f0; display: flex; flex-direction: column; height: 100vh; height: 100dvh; }
header { background: #0b6e4f; color: #fff; padding: 12px 16px; font-weight: 600; }
#log { flex: 1; overflow-y: auto; padding: 12px; display: flex; flex-direction: column; gap: 8px; }
#log, form, .notice { width: 100%; max-width: 900px; margin: 0 auto; }
.msg { max-width: 85%; padding: 8px 12px; border-radius: 12px; white-space: pre-wrap; line-height: 1.4; font-size: 16px; overflow-wrap: anywhere; }
.bot { background: #fff; align-self: flex-start; border-top-left-radius: 2px; }
.me { background: #d3f3e4; align-self: flex-end; border-top-right-radius: 2px; }
.news { border-left: 4px solid #0b6e4f; }
.options { display: flex; flex-wrap: wrap; gap: 6px; margin-top: 6px; }
.options button { border: 1px solid #0b6e4f; background: #fff; color: #0b6e4f; border-radius: 16px; padding: 6px 10px; font-size: 15px; text-align: left; }
form { display: flex; gap: 6px; padding: 8px; background: #fff; border-top: 1px solid #ccd; }
input { flex: 1; min-width: 0; font-size: 16px; padding: 10px; border: 1px solid #bbb; border-radius: 20px; }
form button { font-size: 16px; padding: 10px 14px; border: 0; border-radius: 20px; background: #0b6e4f; color: #fff; }
#loc { background: #445; display: none; font-size: 14px; }
.notice { padding: 24px 16px; font-size: 17px; line-height: 1.5; }
`;

export const chatScript = `"use strict";
const log = document.getElementById("log"), input = document.getElementById("t"), loc = document.getElementById("loc");
const newId = () => (crypto.randomUUID ? crypto.randomUUID() : Date.now().toString(36) + Math.random().toString(36).slice(2));
function show(text, who, options, extra) {
  const div = document.createElement("div");
  div.className = "msg " + who + (extra ? " " + extra : "");
  div.textContent = text;
  if (options && options.length) {
    const box = document.createElement("div");
    box.className = "options";
    for (const o of options) {
      const b = document.createElement("button");
      b.type = "button";
      b.textContent = o.key + ". " + o.label;
      // The resident sees what they chose (its label), as on WhatsApp and Telegram; the bot gets the number.
      b.onclick = () => send({ text: o.key }, o.label);
      box.appendChild(b);
    }
    div.appendChild(box);
  }
  log.appendChild(div);
  log.scrollTop = log.scrollHeight;
}
function post(path, body) {
  return fetch(path, { method: "POST", credentials: "same-origin", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
}
let busy = 0;
async function send(body, label) {
  if (body.text !== undefined) show(label || body.text, "me");
  if (body.location) show("Lokasi dikirim", "me");
  const message = { messageId: newId(), ...body };
  busy++;
  try {
    // A lost answer is asked for again with the same messageId: the server answers it without a second turn.
    for (let attempt = 0; ; attempt++) {
      try {
        const res = await post("/api/chat", message);
        const data = await res.json();
        if (!res.ok) { show(data.error || "Maaf, terjadi kesalahan.", "bot"); return; }
        for (const r of data.replies) show(r.text, "bot", r.options);
        loc.style.display = data.expecting === "location" && navigator.geolocation ? "block" : "none";
        input.inputMode = ["volume", "beneficiaries", "kamus"].includes(data.expecting) ? "numeric" : "text";
        return;
      } catch (e) {
        if (attempt >= 2) { show("Maaf, koneksi terputus. Silakan coba lagi.", "bot"); return; }
        await new Promise((r) => setTimeout(r, 1000 * (attempt + 1)));
      }
    }
  } finally { busy--; }
}
async function poll() {
  if (document.hidden || busy) return;
  try {
    const res = await post("/api/chat/updates", {});
    if (!res.ok) return;
    const data = await res.json();
    for (const r of data.replies) show(r.text, "bot", r.options, "news");
  } catch (e) { /* offline: the next poll tries again */ }
}
document.getElementById("f").onsubmit = (e) => { e.preventDefault(); const text = input.value; if (!text.trim()) return; input.value = ""; send({ text }); };
loc.onclick = () => navigator.geolocation.getCurrentPosition(
  (p) => send({ location: { latitude: p.coords.latitude, longitude: p.coords.longitude } }),
  () => show("Lokasi tidak bisa diambil. Mohon tulis RT/RW dan alamatnya.", "bot"));
setInterval(poll, 5000);
window.addEventListener("focus", poll);
document.addEventListener("visibilitychange", () => { if (!document.hidden) poll(); });
send({ text: "halo" });
`;
