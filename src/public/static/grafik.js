// Draws the bar charts of the public pages from their tables (data-chart), so chart and table show the same
// numbers. Needs Chart.js (chart.umd.js) loaded first; without it the tables stay as they are.
(function () {
  if (typeof Chart === "undefined") return;
  document.querySelectorAll("canvas[data-for]").forEach(function (canvas) {
    var table = document.getElementById(canvas.getAttribute("data-for"));
    if (!table) return;
    var column = Number(canvas.getAttribute("data-column"));
    var labels = [];
    var values = [];
    table.querySelectorAll("tbody tr").forEach(function (row) {
      labels.push(row.cells[0].textContent);
      values.push(Number(row.cells[column].getAttribute("data-value")));
    });
    new Chart(canvas, {
      type: "bar",
      data: {
        labels: labels,
        datasets: [{ label: canvas.getAttribute("aria-label"), data: values, backgroundColor: "#0b5cad" }],
      },
      options: {
        indexAxis: "y",
        animation: false,
        plugins: { legend: { display: true } },
        scales: {
          x: {
            beginAtZero: true,
            ticks: {
              callback: function (v) {
                return Number(v).toLocaleString("id-ID");
              },
            },
          },
          y: {
            ticks: {
              callback: function (v) {
                var l = String(this.getLabelForValue(v));
                return l.length > 28 ? l.slice(0, 27) + "…" : l;
              },
            },
          },
        },
      },
    });
  });
})();
