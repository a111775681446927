// The statistics dashboard's chart: the published (disclosure-controlled) table, read from the canvas's
// data-table attribute. Suppressed cells are drawn as gaps, never guessed.
(function () {
  function draw() {
    var canvas = document.getElementById("table-chart");
    if (!canvas || typeof Chart === "undefined") {
      return;
    }
    var table = JSON.parse(canvas.dataset.table);
    var palette = ["#1f5fa8", "#c2571a", "#2e8540", "#7a3e9d", "#b8860b", "#008b8b", "#a52a2a", "#556b2f"];
    var datasets = table.columnCategories.map(function (category, column) {
      return {
        label: category,
        data: table.cells.map(function (row) { return row[column]; }),
        backgroundColor: palette[column % palette.length]
      };
    });
    new Chart(canvas, {
      type: "bar",
      data: { labels: table.rowCategories, datasets: datasets },
      options: {
        responsive: true,
        maintainAspectRatio: false,
        animation: false,
        scales: { x: { stacked: true }, y: { stacked: true, beginAtZero: true } },
        plugins: { legend: { position: "bottom" } }
      }
    });
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", draw);
  } else {
    draw();
  }
})();
