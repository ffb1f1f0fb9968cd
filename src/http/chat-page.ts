// The /chat page: one HTML file, no build step. Keeps a random userId in localStorage, shows options as
// buttons, offers "Kirim lokasi" when the bot expects a location and a number pad hint for numbers.
export const chatPage = `<!doctype html>
<html lang="id">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Usulan Musrenbang</title>
<style>
  * { box-sizing: border-box; }
  body { margin: 0; font-family: system-ui, sans-serif; background: #eef2f0; display: flex; flex-direction: column; height: 100vh; height: 100dvh; }
  header { background: #0b6e4f; color: #fff; padding: 12px 16px; font-weight: 600; }
  #log { flex: 1; overflow-y: auto; padding: 12px; display: flex; flex-direction: column; gap: 8px; }
  .msg { max-width: 85%; padding: 8px 12px; border-radius: 12px; white-space: pre-wrap; line-height: 1.4; font-size: 16px; }
  .bot { background: #fff; align-self: flex-start; border-top-left-radius: 2px; }
  .me { background: #d3f3e4; align-self: flex-end; border-top-right-radius: 2px; }
  .options { display: flex; flex-wrap: wrap; gap: 6px; margin-top: 6px; }
  .options button { border: 1px solid #0b6e4f; background: #fff; color: #0b6e4f; border-radius: 16px; padding: 6px 10px; font-size: 15px; text-align: left; }
  form { display: flex; gap: 6px; padding: 8px; background: #fff; border-top: 1px solid #ccd; }
  input { flex: 1; font-size: 16px; padding: 10px; border: 1px solid #bbb; border-radius: 20px; }
  form button { font-size: 16px; padding: 10px 14px; border: 0; border-radius: 20px; background: #0b6e4f; color: #fff; }
  #loc { background: #557; display: none; }
</style>
</head>
<body>
<header>Usulan Musrenbang</header>
<div id="log" aria-live="polite"></div>
<form id="f">
  <button type="button" id="loc" title="Kirim lokasi">📍</button>
  <input id="t" autocomplete="off" placeholder="Tulis pesan..." aria-label="Pesan">
  <button>Kirim</button>
</form>
<script>
const log = document.getElementById("log"), input = document.getElementById("t"), loc = document.getElementById("loc");
let userId = localStorage.getItem("musrenbang-user");
if (!userId) { userId = "web-" + (crypto.randomUUID ? crypto.randomUUID() : Math.random().toString(36).slice(2) + Date.now().toString(36)); localStorage.setItem("musrenbang-user", userId); }
function show(text, who, options) {
  const div = document.createElement("div");
  div.className = "msg " + who;
  div.textContent = text;
  if (options && options.length) {
    const box = document.createElement("div");
    box.className = "options";
    for (const o of options) {
      const b = document.createElement("button");
      b.type = "button";
      b.textContent = o.key + ". " + o.label;
      b.onclick = () => send({ text: o.key });
      box.appendChild(b);
    }
    div.appendChild(box);
  }
  log.appendChild(div);
  log.scrollTop = log.scrollHeight;
}
async function send(body) {
  if (body.text !== undefined) show(body.text, "me");
  if (body.location) show("📍 Lokasi dikirim", "me");
  try {
    const res = await fetch("/api/chat", { method: "POST", headers: { "content-type": "application/json" },
      body: JSON.stringify({ userId, messageId: crypto.randomUUID ? crypto.randomUUID() : String(Date.now()), ...body }) });
    const data = await res.json();
    if (!res.ok) { show(data.error || "Maaf, terjadi kesalahan.", "bot"); return; }
    for (const r of data.replies) show(r.text, "bot", r.options);
    loc.style.display = data.expecting === "location" && navigator.geolocation ? "block" : "none";
    input.inputMode = ["volume", "beneficiaries", "kamus"].includes(data.expecting) ? "numeric" : "text";
  } catch (e) { show("Maaf, koneksi terputus. Silakan coba lagi.", "bot"); }
}
document.getElementById("f").onsubmit = (e) => { e.preventDefault(); const text = input.value; input.value = ""; send({ text }); };
loc.onclick = () => navigator.geolocation.getCurrentPosition(
  (p) => send({ location: { latitude: p.coords.latitude, longitude: p.coords.longitude } }),
  () => show("Lokasi tidak bisa diambil. Mohon tulis RT/RW dan alamatnya.", "bot"));
send({ text: "halo" });
</script>
</body>
</html>`;
