// Prevention charts, drawn from data attributes (no request of their own):
// - the early-warning chart (data-series: labels, values, flags): the series, flagged periods as large red points;
// - the trends chart (data-trend: quarters, lines with counts, lower/upper of small counts, flags): one line per
//   category, a shaded band for the 95% interval of small counts, flagged quarters as large red points. Withheld
//   counts are gaps, never guessed;
// - the "who is exploited where" chart (data-where: row words, series of counts with the interval of small counts):
//   horizontal bars, withheld counts drawn as no bar.
(function () {
  var palette = ["#1f5fa8", "#c2571a", "#2e8540", "#7a3e9d", "#b8860b", "#008b8b"];

  function points(labels, flags, colour) {
    var flagged = {};
    flags.forEach(function (period) { flagged[period] = true; });
    return {
      pointRadius: labels.map(function (label) { return flagged[label] ? 7 : 2; }),
      pointBackgroundColor: labels.map(function (label) { return flagged[label] ? "#c0392b" : colour; })
    };
  }

  function options(legend) {
    return {
      responsive: true,
      maintainAspectRatio: false,
      animation: false,
      scales: { y: { beginAtZero: true } },
      plugins: { legend: { display: legend, position: "bottom" } }
    };
  }

  function drawSeries() {
    var canvas = document.getElementById("series-chart");
    if (!canvas) {
      return;
    }
    var series = JSON.parse(canvas.dataset.series);
    var marks = points(series.labels, series.flags, palette[0]);
    new Chart(canvas, {
      type: "line",
      data: {
        labels: series.labels,
        datasets: [{
          label: canvas.getAttribute("aria-label"),
          data: series.values,
          borderColor: palette[0],
          pointRadius: marks.pointRadius,
          pointBackgroundColor: marks.pointBackgroundColor
        }]
      },
      options: options(false)
    });
  }

  function drawTrend() {
    var canvas = document.getElementById("trend-chart");
    if (!canvas) {
      return;
    }
    var trend = JSON.parse(canvas.dataset.trend);
    var datasets = [];
    trend.lines.forEach(function (line, i) {
      var colour = palette[i % palette.length];
      var label = line.label || canvas.dataset.totalLabel || "";
      datasets.push({ label: "", data: line.lower, borderWidth: 0, pointRadius: 0, spanGaps: false, fill: false });
      datasets.push({ label: "", data: line.upper, borderWidth: 0, pointRadius: 0, spanGaps: false, fill: "-1",
        backgroundColor: colour + "33" });
      var marks = points(trend.quarters, line.flags, colour);
      datasets.push({ label: label, data: line.counts, borderColor: colour, backgroundColor: colour,
        pointRadius: marks.pointRadius, pointBackgroundColor: marks.pointBackgroundColor, spanGaps: false });
    });
    var settings = options(trend.lines.length > 1);
    settings.plugins.legend.labels = { filter: function (item) { return item.text !== ""; } };
    new Chart(canvas, { type: "line", data: { labels: trend.quarters, datasets: datasets }, options: settings });
  }

  // "who is exploited where": bars per row category, one series per column category (or the rows' totals);
  // withheld counts are no bar, small counts say their 95% interval in the tooltip
  function drawWhere() {
    var canvas = document.getElementById("where-chart");
    if (!canvas) {
      return;
    }
    var where = JSON.parse(canvas.dataset.where);
    var intervalLabel = canvas.dataset.intervalLabel || "95%";
    var datasets = where.series.map(function (series, i) {
      var colour = palette[i % palette.length];
      return { label: series.label, data: series.counts, backgroundColor: colour, borderColor: colour,
        lower: series.lower, upper: series.upper };
    });
    var settings = options(where.series.length > 1);
    settings.indexAxis = "y";
    settings.scales = { x: { beginAtZero: true } };
    settings.plugins.tooltip = { callbacks: { afterLabel: function (item) {
      var set = item.dataset;
      var lower = set.lower[item.dataIndex];
      return lower === null || lower === undefined ? "" :
        intervalLabel + " " + Math.round(lower) + "\u2013" + Math.round(set.upper[item.dataIndex]);
    } } };
    new Chart(canvas, { type: "bar", data: { labels: where.rows, datasets: datasets }, options: settings });
  }

  function draw() {
    if (typeof Chart === "undefined") {
      return;
    }
    drawSeries();
    drawTrend();
    drawWhere();
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", draw);
  } else {
    draw();
  }
})();
