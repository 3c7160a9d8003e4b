/* NormDecay course site: typesets formulas with KaTeX and has the charts drawn from their plotly JSON.
   Everything it needs is in ../assets; it makes no network request. When done it sets
   <html data-nd-ready="1"> (or "error"), which the browser test waits for. */
(function () {
  'use strict';
  var root = document.documentElement;

  function typeset() {
    if (!window.katex) { return; }
    document.querySelectorAll('.math').forEach(function (el) {
      if (el.getAttribute('data-tex') !== null) { return; }
      var tex = el.textContent.trim();
      var display = el.tagName === 'DIV';
      if (tex.indexOf('\\[') === 0 && tex.lastIndexOf('\\]') === tex.length - 2) { tex = tex.slice(2, -2); display = true; }
      else if (tex.indexOf('\\(') === 0 && tex.lastIndexOf('\\)') === tex.length - 2) { tex = tex.slice(2, -2); }
      el.setAttribute('data-tex', tex);
      el.setAttribute('dir', 'ltr');
      try {
        window.katex.render(tex, el, { displayMode: display, throwOnError: false, output: 'htmlAndMathml' });
      } catch (e) {
        el.classList.add('nd-math-error');
        console.error('KaTeX could not typeset', tex, e);
      }
    });
  }

  // Drawing is NormDecay.Charts' job (assets/normdecay-charts.js, src/NormDecay.Charts/Output): this page only asks for it.
  function drawCharts() {
    var charts = document.querySelectorAll('.nd-chart');
    if (charts.length === 0) { return Promise.resolve(); }
    if (!window.NormDecayCharts) { return Promise.reject(new Error('normdecay-charts.js did not load')); }
    return window.NormDecayCharts.drawAll(charts, { responsive: true });
  }

  function start() {
    typeset();
    var fontsReady = document.fonts && document.fonts.ready ? document.fonts.ready : Promise.resolve();
    fontsReady
      .then(drawCharts)
      .then(function () { root.setAttribute('data-nd-ready', '1'); },
            function (e) { root.setAttribute('data-nd-ready', 'error'); console.error(e); });
  }

  if (document.readyState === 'loading') { document.addEventListener('DOMContentLoaded', start); } else { start(); }
})();
