// The early-warning chart: the series as a line, its flagged periods as large red points. Data from the canvas's
// data-series attribute (labels, values, flags).
(function () {
  function draw() {
    var canvas = document.getElementById("series-chart");
    if (!canvas || typeof Chart === "undefined") {
      return;
    }
    var series = JSON.parse(canvas.dataset.series);
    var flagged = {};
    series.flags.forEach(function (period) { flagged[period] = true; });
    new Chart(canvas, {
      type: "line",
      data: {
        labels: series.labels,
        datasets: [{
          label: canvas.getAttribute("aria-label"),
          data: series.values,
          borderColor: "#1f5fa8",
          pointRadius: series.labels.map(function (label) { return flagged[label] ? 7 : 2; }),
          pointBackgroundColor: series.labels.map(function (label) { return flagged[label] ? "#c0392b" : "#1f5fa8"; })
        }]
      },
      options: {
        responsive: true,
        maintainAspectRatio: false,
        animation: false,
        scales: { y: { beginAtZero: true } },
        plugins: { legend: { display: false } }
      }
    });
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", draw);
  } else {
    draw();
  }
})();
