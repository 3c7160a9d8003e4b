/* NormDecay chart drawing, owned by src/NormDecay.Charts/Output (ChartScript.cs): the one script that turns a plotly
   figure into a drawn chart with the course's display policy. Needs window.Plotly; makes no network request.
   NormDecayCharts.draw(element, figure, options) draws one figure; NormDecayCharts.drawAll(elements, options) draws every
   element whose data-figure attribute names the <script type="application/json"> that holds its figure.
   options.responsive: the container decides the width (the figure's own width is dropped), the chart keeps its height.
   A chart on a right-to-left page (<html dir="rtl">) without a font of its own gets the Persian font. */
(function (global) {
  'use strict';
  var persianFont = '__NORMDECAY_PERSIAN_FONT__';

  function draw(element, figure, options) {
    options = options || {};
    var layout = Object.assign({}, figure.layout || {});
    if (options.responsive) {
      delete layout.width;
      layout.autosize = true;
    }
    // The page's direction decides (outputs sit in left-to-right boxes even on a Persian page).
    if (document.documentElement.getAttribute('dir') === 'rtl') {
      layout.font = Object.assign({}, layout.font || {});
      if (!layout.font.family) { layout.font.family = persianFont; }
    }
    var config = Object.assign({}, figure.config || {}, { displaylogo: false });
    if (options.responsive) { config.responsive = true; }
    return global.Plotly.newPlot(element, figure.data || [], layout, config);
  }

  function drawAll(elements, options) {
    if (!global.Plotly) { return Promise.reject(new Error('plotly.min.js did not load')); }
    var jobs = [];
    Array.prototype.forEach.call(elements, function (element) {
      var source = document.getElementById(element.getAttribute('data-figure'));
      if (!source) { jobs.push(Promise.reject(new Error('chart ' + element.id + ': no figure data'))); return; }
      jobs.push(draw(element, JSON.parse(source.textContent), options));
    });
    return Promise.all(jobs);
  }

  global.NormDecayCharts = { draw: draw, drawAll: drawAll };
})(window);
