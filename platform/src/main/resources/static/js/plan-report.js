// The chart of a yearly report: measures by status, drawn by Chart.js from the report's own table of measures by
// status (the PDF and readers without scripts have the table).
document.addEventListener('DOMContentLoaded', () => {
  const canvas = document.getElementById('status-chart');
  const table = document.getElementById('status-table');
  if (!canvas || !table || !window.Chart) {
    return;
  }
  const rows = Array.from(table.querySelectorAll('tbody tr'));
  new window.Chart(canvas, {
    type: 'bar',
    data: {
      labels: rows.map((row) => row.cells[0].textContent.trim()),
      datasets: [{
        label: canvas.dataset.label,
        data: rows.map((row) => Number(row.cells[1].textContent.trim())),
        backgroundColor: ['#8a8f98', '#2e7d32', '#c77700', '#1f5fa8', '#6d4c41'],
      }],
    },
    options: {
      animation: false,
      maintainAspectRatio: false,
      plugins: { legend: { display: false } },
      scales: { y: { beginAtZero: true, ticks: { precision: 0 } } },
    },
  });
});
