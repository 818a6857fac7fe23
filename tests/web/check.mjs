// Browser checks of gen's pages: axe-core (WCAG 2.1 AA and best
// practice), no horizontal page scroll at 1280 and 390 px, tables that fit
// at 1280 px and scroll in their boxes on a phone, legends, chart text,
// no-break spaces, screenshots.
// Usage: node check.mjs SHOTS_DIR PAGE.html...
// Prints "ok NAME" / "FAIL NAME: why" lines for tests/run.sh.
import { chromium } from 'playwright-core';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, dirname } from 'node:path';

const require = createRequire(import.meta.url);
const axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
const [shots, ...pages] = process.argv.slice(2);
const widths = [1280, 390];

// The export NAME.kennzahlen.csv beside the page: key -> [wert, anzeige].
// Its fields hold no ';' or quotes for the bundled examples, but a quoted
// field is read too.
function readExport(file) {
  const map = new Map();
  const csv = readFileSync(file.replace(/\.html$/, '.kennzahlen.csv'), 'utf8');
  for (const line of csv.split('\n').slice(1)) {
    if (!line) continue;
    const cells = line.match(/("([^"]|"")*"|[^;]*)(;|$)/g)
      .map((c) => c.replace(/;$/, '').replace(/^"(.*)"$/s, '$1').replace(/""/g, '"'));
    // A text that a spreadsheet would run as a formula is led by an
    // apostrophe in the export, not on the page.
    map.set(cells[0], [cells[1], cells[3].replace(/^'(?=[=+\-@\t\r])/, '')]);
  }
  return map;
}

// Every figure the page shows carries its key and machine value; both,
// and the text shown, must equal the export.
async function checkFigures(page, file, name) {
  if (!existsSync(file.replace(/\.html$/, '.kennzahlen.csv'))) return;
  const exp = readExport(file);
  const figs = await page.evaluate(() => [...document.querySelectorAll('[data-key]')].map((e) => ({
    key: e.dataset.key, value: e.dataset.value,
    text: e.firstChild && e.firstChild.nodeType === 3 ? e.firstChild.nodeValue : '',
    plain: e.classList.contains('plain'),
  })));
  const bad = [];
  for (const f of figs) {
    const want = exp.get(f.key);
    if (!want) bad.push(`${f.key}: not in the export`);
    else if (want[0] !== f.value) bad.push(`${f.key}: data-value ${f.value}, export ${want[0]}`);
    else if (!f.plain && want[1] !== f.text) bad.push(`${f.key}: shows '${f.text}', export '${want[1]}'`);
  }
  report(figs.length > 0 && bad.length === 0,
    `${name}: all ${figs.length} figures on the page equal the export`, bad.slice(0, 5).join('; '));
}

// The index of an output folder: every link leads to a file beside it;
// the search hides what does not match; a column sorts both ways.
async function checkIndex(page, file) {
  const hrefs = await page.evaluate(() =>
    [...document.querySelectorAll('#berichte a')].map((a) => a.getAttribute('href')));
  const missing = hrefs.filter((h) => !existsSync(dirname(file) + '/' + h));
  report(hrefs.length > 0 && missing.length === 0,
    `index: all ${hrefs.length} links lead to files`, missing.join(' '));
  const shown = () => page.evaluate(() =>
    [...document.querySelectorAll('#berichte tbody tr:not(.land)')]
      .filter((r) => !r.hidden).map((r) => r.cells[0].textContent));
  const all = await shown();
  await page.fill('#suche', 'ahrweiler');
  const found = await shown();
  report(found.length === 1 && /Ahrweiler/.test(found[0]) && all.length > 1,
    'index: the search finds Ahrweiler alone', `${found.length} of ${all.length}: ${found}`);
  await page.fill('#suche', '');
  await page.click('#berichte thead th:nth-child(3) button');
  await page.click('#berichte thead th:nth-child(3) button');
  const sort = await page.evaluate(() =>
    document.querySelector('#berichte thead th:nth-child(3)').getAttribute('aria-sort'));
  report(sort === 'descending' && (await shown()).length === all.length,
    'index: the year column sorts down on the second click', `aria-sort ${sort}`);
}

// At 1280 px the page has room for every table: none scrolls in its box.
async function checkTablesFit(page, name) {
  const over = await page.evaluate(() => [...document.querySelectorAll('.table-wrap')]
    .filter((w) => w.scrollWidth > w.clientWidth)
    .map((w) => `${w.id} ${w.scrollWidth} > ${w.clientWidth}`));
  report(over.length === 0, `${name} at 1280 px: no table scrolls sideways`, over.join('; '));
}

// On a phone a wide table scrolls in its box: the box shows a cue (a
// background that scrolls with the content, "local"), the first column
// stays in place and is opaque, and the page itself never scrolls.
async function checkTablesScroll(page, name) {
  const r = await page.evaluate(() => {
    const bad = [];
    let wide = 0;
    const opaque = (c) => { const m = c.match(/rgba?\(([^)]*)\)/); return m && (m[1].split(',').length < 4 || parseFloat(m[1].split(',')[3]) === 1); };
    for (const w of document.querySelectorAll('.table-wrap')) {
      if (w.scrollWidth <= w.clientWidth) continue;
      wide++;
      const cs = getComputedStyle(w);
      if (!/auto|scroll/.test(cs.overflowX)) bad.push(`${w.id}: overflow-x ${cs.overflowX}`);
      if (!/local/.test(cs.backgroundAttachment) || !/gradient/.test(cs.backgroundImage))
        bad.push(`${w.id}: no scroll cue`);
      const cells = [...w.querySelectorAll('tr')].map((tr) => tr.cells[0]).filter(Boolean);
      const before = cells.map((c) => c.getBoundingClientRect().left);
      w.scrollLeft = w.scrollWidth;
      if (w.scrollLeft === 0) bad.push(`${w.id}: does not scroll`);
      cells.forEach((c, i) => {
        const x = c.getBoundingClientRect().left;
        if (Math.abs(x - before[i]) > 0.5) { bad.push(`${w.id}: first cell of row ${i} moved ${before[i]} -> ${x}`); return; }
        const bg = getComputedStyle(c);
        if (!opaque(bg.backgroundColor) && !/gradient/.test(bg.backgroundImage))
          bad.push(`${w.id}: first cell of row ${i} not opaque (${bg.backgroundColor})`);
      });
    }
    return { bad, wide, page: document.documentElement.scrollWidth, inner: window.innerWidth };
  });
  report(r.bad.length === 0 && r.page <= r.inner,
    `${name} at 390 px: ${r.wide} wide tables scroll in their boxes with a cue and a fixed first column`,
    r.bad.slice(0, 5).join('; ') + (r.page > r.inner ? ` page scrollWidth ${r.page}` : ''));
}

// The colour of the page's pixel at x, y of the viewport, [r, g, b, a].
async function pixel(page, x, y) {
  const png = await page.screenshot({ clip: { x, y, width: 1, height: 1 } });
  return page.evaluate(async (b64) => {
    const img = new Image();
    img.src = 'data:image/png;base64,' + b64;
    await img.decode();
    const c = document.createElement('canvas');
    c.width = c.height = 1;
    const g = c.getContext('2d');
    g.drawImage(img, 0, 0);
    return [...g.getImageData(0, 0, 1, 1).data];
  }, png.toString('base64'));
}

// The cue is seen: at the right edge of a wide table's box a shadow while
// there is more to the right, white when the box is scrolled to its end;
// none at all on a table that fits (the widest, at 1280 px).  Sampled in
// the top padding of a plain body row, where no text stands.
async function checkScrollCue(page, name, width) {
  const at = await page.evaluate((width) => {
    const all = [...document.querySelectorAll('.table-wrap')];
    const w = width === 390 ? all.find((x) => x.scrollWidth > x.clientWidth) :
      all.sort((x, y) => y.clientWidth - x.clientWidth)[0];
    const tr = w && [...w.querySelectorAll('tbody tr')].find((r) => !r.className);
    if (!tr) return null;
    w.scrollLeft = 0;
    tr.scrollIntoView({ block: 'center' });
    const b = w.getBoundingClientRect();
    return { id: w.id, x: Math.floor(b.right) - 2, y: Math.floor(tr.getBoundingClientRect().top) + 2 };
  }, width);
  if (!at) return;
  const white = (p) => p[0] >= 254 && p[1] >= 254 && p[2] >= 254;
  const xs = [0, 4, 8, 12, 16].map((d) => at.x - d);
  const before = [];
  for (const x of xs) before.push(await pixel(page, x, at.y));
  if (width !== 390) {
    report(before.every(white), `${name} at ${width} px: ${at.id} fits and shows no scroll shadow`,
      `right edge ${before.map((p) => p.slice(0, 3).join(',')).join(' ')}`);
    return;
  }
  await page.evaluate((id) => { const w = document.getElementById(id); w.scrollLeft = w.scrollWidth; }, at.id);
  const after = [];
  for (const x of xs) after.push(await pixel(page, x, at.y));
  report(!white(before[0]) && after.every(white),
    `${name} at 390 px: ${at.id} shows a shadow while it can scroll, none at its end`,
    `right edge ${before[0]} before, ${after.map((p) => p.slice(0, 3).join(',')).join(' ')} at the end`);
}

// Each key of a legend stands on the line of its label.
async function checkLegends(page, name, width) {
  const r = await page.evaluate(() => [...document.querySelectorAll('ul.legend li')].map((li) => {
    const key = li.querySelector('svg.key').getBoundingClientRect();
    const range = document.createRange();
    range.setStartAfter(li.querySelector('svg.key'));
    range.setEnd(li, li.childNodes.length);
    const label = range.getClientRects()[0];
    return { text: li.textContent, ok: !!label && key.top < label.bottom && key.bottom > label.top };
  }));
  if (r.length === 0) return;
  const bad = r.filter((x) => !x.ok).map((x) => x.text);
  report(bad.length === 0, `${name} at ${width} px: ${r.length} legend keys on the line of their labels`,
    bad.slice(0, 3).join('; '));
}

// Chart text scales with the picture: at 390 px it is still 12 px or more.
async function checkChartText(page, name) {
  const r = await page.evaluate(() => [...document.querySelectorAll('figure.chart svg text')].map((t) => {
    const m = t.getScreenCTM();
    return { text: t.textContent, px: parseFloat(getComputedStyle(t).fontSize) * Math.hypot(m.a, m.b) };
  }));
  if (r.length === 0) return;
  const small = r.filter((x) => x.px < 12).map((x) => `'${x.text}' ${x.px.toFixed(1)} px`);
  report(small.length === 0, `${name} at 390 px: all ${r.length} chart texts are 12 px or more`,
    small.slice(0, 3).join('; '));
}

// "§ 16i", "SGB II" and the like are joined by a no-break space in the
// text the page shows (text_no_break); the count proves the check sees them.
async function checkNoBreak(page, name) {
  const r = await page.evaluate(() => {
    const walk = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    const bad = [];
    let joined = 0;
    for (let n = walk.nextNode(); n; n = walk.nextNode()) {
      if (n.parentElement.closest('title, desc, script, style')) continue;
      const s = n.nodeValue;
      joined += (s.match(/§§?\u00a0\d|\b(SGB|ALG)\u00a0[IVX]+\b/g) || []).length;
      for (const m of s.matchAll(/§§?[ \t\n]+\d\w*|\b(SGB|ALG)[ \t\n]+[IVX]+\b/g)) bad.push(m[0]);
    }
    return { bad, joined };
  });
  report(r.bad.length === 0, `${name}: ${r.joined} "§ 16"/"SGB II" joined by no-break spaces`,
    `broken: ${r.bad.slice(0, 5).join('; ')}`);
}

// The report's tables, charts and text at the width of a desktop and of a
// phone.
async function checkLayout(page, name, width) {
  await checkLegends(page, name, width);
  if (width === 1280) {
    await checkTablesFit(page, name);
    await checkNoBreak(page, name);
  } else {
    await checkChartText(page, name);
    await checkTablesScroll(page, name);
  }
  await checkScrollCue(page, name, width);
}

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
    '--disable-background-networking', '--disable-component-update',
    '--disable-sync'],
});
let failed = 0;
const report = (ok, name, why) => {
  if (ok) console.log(`ok ${name}`);
  else { failed++; console.log(`FAIL ${name}: ${why}`); }
};
try {
  for (const file of pages) {
    const name = basename(file, '.html');
    for (const width of widths) {
      const page = await browser.newPage({ viewport: { width, height: 900 } });
      // The page must make no request of its own.
      const requests = [];
      page.on('request', (r) => { if (!r.url().startsWith('file:')) requests.push(r.url()); });
      await page.goto('file://' + file);
      const m = await page.evaluate(() => ({
        scroll: document.documentElement.scrollWidth, inner: window.innerWidth }));
      report(m.scroll <= m.inner, `${name} at ${width} px: no horizontal scroll`,
        `scrollWidth ${m.scroll} > innerWidth ${m.inner}`);
      report(requests.length === 0, `${name} at ${width} px: no external requests`,
        requests.join(' '));
      await page.screenshot({ path: `${shots}/${name}-${width}.png`, fullPage: false });
      if (name !== 'index') await checkLayout(page, name, width);
      if (width === widths[0])
        await (name === 'index' ? checkIndex(page, file) : checkFigures(page, file, name));
      if (width === widths[0]) {
        await page.addScriptTag({ content: axeSource });
        const res = await page.evaluate(async () => await window.axe.run(document, {
          runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] },
        }));
        const v = res.violations.map((x) => `${x.id} (${x.nodes.length}): ${x.nodes[0].target.join(' ')}`);
        report(v.length === 0, `${name}: axe-core finds no violation`, v.join('; '));
      }
      await page.close();
    }
  }
} finally {
  await browser.close();
}
process.exit(failed ? 1 : 0);
