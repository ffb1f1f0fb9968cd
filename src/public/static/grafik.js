// Draws the bar charts of the public pages from their tables (data-chart), so chart and table show the same
// numbers. Needs Chart.js (chart.umd.js) loaded first; without it the tables stay as they are.
(function () {
  if (typeof Chart === "undefined") return;
  // Axis numbers short enough for a phone: 87.500.000 → "87,5 jt", 1.200.000.000 → "1,2 M".
  function short(n) {
    var f = function (x) {
      return (Math.round(x * 10) / 10).toLocaleString("id-ID");
    };
    if (n >= 1e9) return f(n / 1e9) + " M";
    if (n >= 1e6) return f(n / 1e6) + " jt";
    return n.toLocaleString("id-ID");
  }
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
    // Height follows the number of bars, so a long list stays readable and a short one stays small.
    canvas.parentNode.style.height = 60 + labels.length * 44 + "px";
    var narrow = canvas.parentNode.clientWidth < 500;
    var max = narrow ? 16 : 34;
    new Chart(canvas, {
      type: "bar",
      data: {
        labels: labels,
        datasets: [{ label: canvas.getAttribute("aria-label"), data: values, backgroundColor: "#0b5cad" }],
      },
      options: {
        indexAxis: "y",
        animation: false,
        responsive: true,
        maintainAspectRatio: false,
        plugins: { legend: { display: true } },
        scales: {
          x: {
            beginAtZero: true,
            ticks: {
              precision: 0,
              callback: function (v) {
                return short(Number(v));
              },
            },
          },
          y: {
            ticks: {
              callback: function (v) {
                var l = String(this.getLabelForValue(v));
                return l.length > max ? l.slice(0, max - 1) + "…" : l;
              },
            },
          },
        },
      },
    });
  });
})();
