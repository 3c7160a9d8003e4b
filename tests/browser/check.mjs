// Opens every page of an exported NormDecay site in headless Debian Chromium with the network unavailable
// and reports, per page, what a reader would see: charts drawn, formulas typeset, direction and font,
// and every request that tried to leave the machine. Results are written as JSON for the C# test
// (tests/NormDecay.Cli.Tests/Browser/BrowserCheck.cs), which decides what is a failure.
//
// node check.mjs --site DIR --out results.json [--screenshots DIR] [--pages en/01-x.html,fa/01-x.html]
//                [--chromium /usr/bin/chromium] [--timeout 30000]
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';

function parseArgs(argv) {
  const a = { chromium: '/usr/bin/chromium', timeout: 30000, pages: null, screenshots: null };
  for (let i = 2; i < argv.length; i += 2) {
    const key = argv[i].replace(/^--/, '');
    a[key] = argv[i + 1];
  }
  if (!a.site || !a.out) {
    throw new Error('usage: node check.mjs --site DIR --out results.json [--screenshots DIR] [--pages a.html,b.html] [--chromium PATH] [--timeout MS]');
  }
  a.timeout = Number(a.timeout);
  return a;
}

function htmlPages(site) {
  const found = [];
  const walk = (dir) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, e.name);
      if (e.isDirectory()) { if (e.name !== 'assets') walk(full); }
      else if (e.name.endsWith('.html')) found.push(path.relative(site, full).split(path.sep).join('/'));
    }
  };
  walk(site);
  return found.sort();
}

const isLocal = (url) => /^(file|data|blob|about|chrome-error):/i.test(url);

// Runs inside the page: everything the test asserts on.
function inspect() {
  const root = document.documentElement;
  const charts = [...document.querySelectorAll('.nd-chart')];
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

async function main() {
  const args = parseArgs(process.argv);
  const site = path.resolve(args.site);
  const pages = args.pages ? args.pages.split(',').filter(Boolean) : htmlPages(site);
  const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'nd-chromium-'));
  if (args.screenshots) fs.mkdirSync(args.screenshots, { recursive: true });
  const external = [];
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: args.chromium,
    headless: true,
    chromiumSandbox: false,
    offline: true,
    viewport: { width: 1100, height: 900 },
    args: [
      '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync',
      '--allow-file-access-from-files',
      // Belt and braces: nothing resolves and everything goes to a dead proxy, even if offline mode had a hole.
      '--host-resolver-rules=MAP * ~NOTFOUND', '--proxy-server=http://127.0.0.1:9', '--proxy-bypass-list=<-loopback>',
    ],
  });
  const results = [];
  try {
    context.on('request', r => { if (!isLocal(r.url())) external.push(r.url()); });
    await context.route(url => !isLocal(url.href), route => route.abort('internetdisconnected'));
    for (const rel of pages) {
      const file = path.join(site, rel);
      const page = await context.newPage();
      const consoleErrors = [];
      const pageExternal = [];
      const failed = [];
      page.on('console', m => { if (m.type() === 'error') consoleErrors.push(m.text()); });
      page.on('pageerror', e => consoleErrors.push(String(e)));
      page.on('request', r => { if (!isLocal(r.url())) pageExternal.push(r.url()); });
      page.on('requestfailed', r => failed.push(`${r.url()} (${r.failure()?.errorText})`));
      const started = Date.now();
      let result;
      try {
        await page.goto(pathToFileURL(file).href, { waitUntil: 'load', timeout: args.timeout });
        let timedOut = false;
        try {
          await page.waitForFunction(() => document.documentElement.getAttribute('data-nd-ready') !== null, null, { timeout: args.timeout });
        } catch { timedOut = true; }
        await page.evaluate(() => document.fonts.ready);
        result = await page.evaluate(inspect);
        result.timedOut = timedOut;
        if (args.screenshots) {
          const shot = path.join(args.screenshots, rel.replace(/\//g, '-').replace(/\.html$/, '.png'));
          await page.screenshot({ path: shot, fullPage: true });
          result.screenshot = shot;
        }
      } catch (e) {
        result = { loadError: String(e) };
      }
      result.page = rel;
      result.milliseconds = Date.now() - started;
      result.consoleErrors = consoleErrors;
      result.externalRequests = pageExternal;
      result.failedRequests = failed;
      results.push(result);
      await page.close();
    }
  } finally {
    const version = context.browser()?.version() ?? null;
    await context.close();
    fs.rmSync(userDataDir, { recursive: true, force: true });
    fs.writeFileSync(args.out, JSON.stringify({ chromium: version, site, externalRequests: external, pages: results }, null, 1));
  }
}

main().catch(e => { console.error(e); process.exit(1); });
