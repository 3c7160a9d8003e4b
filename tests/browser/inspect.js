// The page-side half of the headless-Chromium check of an exported NormDecay site: evaluated in every page by
// tests/NormDecay.Cli.Tests/Browser/BrowserCheck.cs (Microsoft.Playwright driving Debian's /usr/bin/chromium), it reports
// what a reader would see: charts drawn, formulas typeset, raw TeX left, direction and fonts. The C# side decides what is
// a failure. One arrow-function expression, no imports.
() => {
  const root = document.documentElement;
  // .nd-chart: the NormDecay site; .normdecay-chart: the notebook's own HTML fallback (e.g. in nbconvert's HTML).
  const charts = [...document.querySelectorAll('.nd-chart, .normdecay-chart')].filter(c => !c.parentElement.closest('.nd-chart, .normdecay-chart'));
  const undrawn = charts.filter(c => !c.querySelector('svg.main-svg') || c.getBoundingClientRect().height < 100).map(c => c.id);
  const math = [...document.querySelectorAll('.math')];
  const untypeset = math.filter(m => !m.querySelector('.katex') || m.querySelector('.katex-error')).map(m => m.getAttribute('data-tex') || m.textContent.slice(0, 60));
  // Raw TeX left in prose: $...$, $$, \( or \[ in any text outside code, scripts and typeset math.
  const rawTex = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT, {
    acceptNode(n) {
      return n.parentElement.closest('pre, code, script, style, .katex, .nd-chart, .nd-outputs') ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT;
    },
  });
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const m = n.textContent.match(/\$\$|\$[^$\s][^$]*\$|\\\(|\\\[/);
    if (m && rawTex.length < 5) rawTex.push(n.textContent.trim().slice(0, 80));
  }
  const dirOf = (sel) => { const el = document.querySelector(sel); return el ? getComputedStyle(el).direction : null; };
  const prose = document.querySelector('.nd-markdown p, .nd-markdown li, .nd-index-lang[lang=fa] a, .nd-markdown h1');
  const vazirmatnFaces = [...document.fonts].filter(f => f.family.replace(/["']/g, '') === 'Vazirmatn');
  const chartFonts = [...document.querySelectorAll('.nd-chart svg text')].slice(0, 40).map(t => getComputedStyle(t).fontFamily);
  return {
    language: root.lang,
    htmlDir: root.getAttribute('dir'),
    ready: root.getAttribute('data-nd-ready'),
    title: document.title,
    charts: charts.length,
    undrawnCharts: undrawn,
    formulas: math.length,
    untypesetFormulas: untypeset,
    katexElements: document.querySelectorAll('.katex').length,
    rawTex,
    bodyDirection: getComputedStyle(document.body).direction,
    proseDirection: prose ? getComputedStyle(prose).direction : null,
    proseFont: prose ? getComputedStyle(prose).fontFamily : null,
    codeDirection: dirOf('.nd-source'),
    outputDirection: dirOf('.nd-outputs'),
    codeFont: (() => { const c = document.querySelector('.nd-source code'); return c ? getComputedStyle(c).fontFamily : null; })(),
    mathFont: (() => { const k = document.querySelector('.katex .mord, .katex .mathnormal'); return k ? getComputedStyle(k).fontFamily : null; })(),
    mathDirection: dirOf('.katex'),
    persianText: /[\u0600-\u06FF]/.test(document.body.innerText),
    vazirmatnLoaded: vazirmatnFaces.some(f => f.status === 'loaded'),
    vazirmatnCheck: document.fonts.check('16px Vazirmatn', 'سلام'),
    chartFontsUseVazirmatn: chartFonts.length > 0 && chartFonts.every(f => f.includes('Vazirmatn')),
    links: [...document.querySelectorAll('a[href]')].map(a => a.getAttribute('href')),
  };
}
