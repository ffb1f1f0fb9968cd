// Musrenbang forum page: move rows with the keyboard (focus a row, Alt + Arrow Up/Down), move focus between
// rows with the arrows, and confirm the lock. The ▲ ▼ buttons are plain forms and work without this script.
"use strict";
document.addEventListener("DOMContentLoaded", function () {
  document.querySelectorAll("form[data-confirm]").forEach(function (form) {
    form.addEventListener("submit", function (e) {
      if (!window.confirm(form.getAttribute("data-confirm"))) e.preventDefault();
    });
  });
  var list = document.querySelector("ol.forum-list[data-move-url]");
  if (!list) return;
  var live = document.getElementById("forum-live");
  var busy = false;

  function rows() {
    return Array.prototype.slice.call(list.querySelectorAll("li.forum-row"));
  }
  function renumber() {
    var all = rows();
    all.forEach(function (li, i) {
      li.querySelector(".pos-n").textContent = String(i + 1);
      var buttons = li.querySelectorAll(".moves button");
      if (buttons.length === 2) {
        buttons[0].disabled = i === 0;
        buttons[1].disabled = i === all.length - 1;
      }
    });
  }
  function move(li, delta) {
    var all = rows();
    var i = all.indexOf(li);
    var j = i + delta;
    if (busy || j < 0 || j >= all.length) return;
    busy = true;
    var body = new URLSearchParams();
    body.set("code", li.getAttribute("data-code"));
    body.set("arah", delta < 0 ? "naik" : "turun");
    fetch(list.getAttribute("data-move-url"), {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded", "x-forum-fetch": "1" },
      body: body,
      credentials: "same-origin",
    })
      .then(function (res) {
        if (res.status !== 204) {
          window.location.reload();
          return;
        }
        if (delta < 0) list.insertBefore(li, all[j]);
        else list.insertBefore(li, all[j].nextSibling);
        renumber();
        li.focus();
        if (live) live.textContent = li.getAttribute("data-code") + " sekarang di urutan " + (j + 1) + ".";
      })
      .catch(function () {
        window.location.reload();
      })
      .finally(function () {
        busy = false;
      });
  }
  list.addEventListener("keydown", function (e) {
    var li = e.target;
    if (!li.classList || !li.classList.contains("forum-row")) return;
    if (e.key !== "ArrowUp" && e.key !== "ArrowDown") return;
    e.preventDefault();
    var delta = e.key === "ArrowUp" ? -1 : 1;
    if (e.altKey) {
      move(li, delta);
      return;
    }
    var all = rows();
    var next = all[all.indexOf(li) + delta];
    if (next) next.focus();
  });
});
