// Browser checks of gen's pages: axe-core (WCAG 2.1 AA and best
// practice), no horizontal page scroll at 1280 and 390 px, screenshots.
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
