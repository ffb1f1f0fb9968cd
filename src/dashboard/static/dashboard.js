// Dashboard behaviour that needs a script (no inline scripts: CSP). Everything core works without it.
"use strict";
document.addEventListener("DOMContentLoaded", function () {
  // "select all" checkbox on the proposal list
  document.querySelectorAll("input[data-select-all]").forEach(function (box) {
    box.addEventListener("change", function () {
      document.querySelectorAll("input[name='codes']").forEach(function (c) {
        c.checked = box.checked;
      });
    });
  });
  // A chosen common rejection reason fills the free-text field (still editable).
  document.querySelectorAll("select[data-reason-target]").forEach(function (sel) {
    sel.addEventListener("change", function () {
      var target = document.getElementById(sel.getAttribute("data-reason-target"));
      if (target && sel.value) target.value = sel.value;
    });
  });
  // Charts: numbers come from the accessible table next to each canvas.
  if (window.Chart) {
    document.querySelectorAll("canvas[data-chart-table]").forEach(function (canvas) {
      var table = document.getElementById(canvas.getAttribute("data-chart-table"));
      if (!table) return;
      var labels = [],
        values = [];
      table.querySelectorAll("tbody tr").forEach(function (tr) {
        labels.push(tr.cells[0].textContent.trim());
        values.push(Number(tr.cells[1].getAttribute("data-value")));
      });
      new window.Chart(canvas, {
        type: canvas.getAttribute("data-chart-type") || "bar",
        data: {
          labels: labels,
          datasets: [{ label: canvas.getAttribute("aria-label") || "", data: values, backgroundColor: "#0b5cad" }],
        },
        options: {
          responsive: true,
          maintainAspectRatio: false,
          animation: false,
          indexAxis: canvas.getAttribute("data-chart-axis") || "x",
          plugins: { legend: { display: false } },
        },
      });
    });
  }
  // Map: a pin when the proposal has one; tiles are optional (the coordinates are printed beside it).
  var map = document.getElementById("map");
  if (map && window.L) {
    var lat = Number(map.getAttribute("data-lat")),
      lng = Number(map.getAttribute("data-lng"));
    var m = window.L.map(map).setView([lat, lng], 16);
    window.L.Icon.Default.imagePath = "/dashboard/aset/images/";
    window.L.tileLayer(map.getAttribute("data-tiles"), {
      maxZoom: 19,
      attribution: map.getAttribute("data-attribution") || "",
    }).addTo(m);
    window.L.marker([lat, lng]).addTo(m);
  }
});
