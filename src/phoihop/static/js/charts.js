/* Draws every chart on the page: each <canvas data-chart="ID"> reads its declaration from the JSON that Django's
   json_script put in <script type="application/json" id="ID">. No inline script, so the CSP holds. */
(function () {
  'use strict';
  var COLOURS = ['#0a58ca', '#b35c00', '#146c43', '#6f42c1', '#565e64'];
  function numberVi(value) {
    return value === null || value === undefined ? '—' : Number(value).toLocaleString('vi-VN', { maximumFractionDigits: 1 });
  }
  function draw(canvas) {
    if (canvas.dataset.drawn || typeof window.Chart === 'undefined') return;
    var source = document.getElementById(canvas.dataset.chart);
    if (!source) return;
    var spec = JSON.parse(source.textContent);
    canvas.dataset.drawn = '1';
    // Counts get whole-number ticks only (no axis step of 0,5 "vụ việc").
    var whole = spec.series.every(function (s) {
      return s.values.every(function (v) { return v === null || Number.isInteger(v); });
    });
    new window.Chart(canvas, {
      type: 'bar',
      data: {
        labels: spec.labels,
        datasets: spec.series.map(function (s, i) {
          return {
            type: s.kind, label: s.label, data: s.values,
            backgroundColor: s.kind === 'bar' && spec.series.length === 1 ? spec.labels.map(function (_, j) { return COLOURS[j % COLOURS.length]; }) : COLOURS[i],
            borderColor: COLOURS[i], borderDash: s.dashed ? [6, 4] : []
          };
        })
      },
      options: {
        responsive: true, maintainAspectRatio: false, animation: false,
        plugins: { legend: { display: spec.series.length > 1 },
                   tooltip: { callbacks: { label: function (c) { return c.dataset.label + ': ' + numberVi(c.parsed.y); } } } },
        scales: { y: { beginAtZero: true, ticks: { callback: numberVi, precision: whole ? 0 : undefined } } }
      }
    });
  }
  function drawAll() { document.querySelectorAll('canvas[data-chart]').forEach(draw); }
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', drawAll); else drawAll();
  window.addEventListener('load', drawAll);
})();
