// Print (issue 17, item 9): the plan, a signed version, the board's table
// and the report printed from the browser. With print media emulated at an
// A4 landscape page's width: no navigation, button or form shows, tables
// fit the page, and the running header (in each page's top margin) names
// the plan and its version; printed to PDF (Chromium's page.pdf), that
// header and "x / y" are on every page and every row of the table is in
// the text. Nothing here changes data.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BASE, launch, openAs as openAsIn, screenshot } from '../lib/harness.mjs';
import { pdfPages } from '../lib/files.mjs';

const openAs = (username, lang) => openAsIn(browser, username, lang);
const THIS_YEAR = new Date().getFullYear();
const DEMO_YEAR = THIS_YEAR + 1;
const CLOSED_YEAR = THIS_YEAR - 1;
// A4 landscape less 10 mm margins each side, in CSS pixels (96 per inch).
const PAGE_WIDTH = Math.floor(((297 - 20) / 25.4) * 96);
let browser;
let dir;

before(async () => {
  browser = await launch();
  dir = mkdtempSync(join(tmpdir(), 'concord-print-'));
});

after(async () => {
  await browser?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** What print media shows of the page: visible controls, the widest element's overflow, the header. */
async function printed(page) {
  return page.evaluate(() => {
    const shown = (el) => el.getClientRects().length > 0 && getComputedStyle(el).visibility !== 'hidden';
    const width = document.documentElement.clientWidth;
    const controls = [...document.querySelectorAll('nav, button, select, input, textarea, .app-header, .app-footer, a.button')]
      .filter((el) => !el.closest('.print-running') && shown(el))
      .map((el) => el.outerHTML.slice(0, 80));
    const tables = [...document.querySelectorAll('main table')].filter(shown);
    const overflow = tables.map((t) => Math.max(t.getBoundingClientRect().right, t.scrollWidth) - width);
    const cellsOut = tables.flatMap((t) => [...t.querySelectorAll('th, td')])
      .filter((c) => shown(c) && c.getBoundingClientRect().right > width + 1).length;
    return {
      controls, overflow, cellsOut, tables: tables.length,
      // What the page margin shows: the root's custom property, a CSS string.
      header: getComputedStyle(document.documentElement).getPropertyValue('--print-header'),
    };
  });
}

/** Opens `path` in print media at a printed page's width and checks what every printed page must. */
async function assertPrintable(page, path, ready, headerText, name) {
  await page.setViewportSize({ width: PAGE_WIDTH, height: 780 });
  await page.emulateMedia({ media: 'print' });
  await page.goto(`${BASE}${path}`);
  await page.locator(ready).first().waitFor({ state: 'attached' });
  await page.waitForFunction(() => document.querySelector('.loading') === null);
  await page.waitForFunction((t) => getComputedStyle(document.documentElement).getPropertyValue('--print-header').includes(t), headerText);
  const seen = await printed(page);
  assert.deepEqual(seen.controls, [], `${name}: no navigation, button or form in print`);
  assert.ok(seen.header.includes(headerText), `${name}: the header says "${headerText}": ${seen.header}`);
  seen.overflow.forEach((o, i) => assert.ok(o <= 1, `${name}: table ${i + 1} fits the page (${o}px over)`));
  assert.equal(seen.cellsOut, 0, `${name}: no cell beyond the page's edge`);
  await screenshot(page, `print-${name}`);
  return seen;
}

/** Prints the open page to PDF and answers its pages' text. */
async function printToPdf(page, name) {
  const path = join(dir, `${name}.pdf`);
  writeFileSync(path, await page.pdf({ format: 'A4', landscape: true, preferCSSPageSize: true, printBackground: true }));
  return pdfPages(path);
}

test('the plan, its table, a signed version and the report print without controls, fitting the page, the plan and version on every page', async () => {
  const { page, context, assertNoProblems } = await openAs('az.coordinator', 'en');
  const draftHeader = `Annual cooperation plan ${DEMO_YEAR} · Version 1 · DRAFT`;
  await assertPrintable(page, `/plans/${DEMO_YEAR}`, '[data-testid="plan-state"]', draftHeader, 'plan-en');

  const seen = await assertPrintable(page, `/plans/${DEMO_YEAR}/table`, '[data-testid="activity-table"] tbody tr', draftHeader, 'table-en');
  assert.equal(seen.tables, 1);
  // Every row printed, none cut: each reference shown is in the PDF's text,
  // and every page carries the running header.
  const references = (await page.locator('[data-testid="activity-table"] tbody tr').allInnerTexts())
    .map((row) => row.match(new RegExp(`${DEMO_YEAR}-(AZ|GE)-\\d{3}`))?.[0])
    .filter(Boolean);
  assert.ok(references.length > 5, 'the table shows shared activities');
  const pages = await printToPdf(page, 'table');
  assert.ok(pages.length >= 2, 'a page of the table takes more than one sheet');
  pages.forEach((text, i) => {
    assert.ok(text.replace(/\s+/g, ' ').includes(draftHeader), `PDF page ${i + 1} has the running header`);
    assert.match(text, new RegExp(`\\b${i + 1}\\s*/\\s*${pages.length}\\b`), `PDF page ${i + 1} says "${i + 1} / ${pages.length}"`);
  });
  const all = pages.join('\n');
  for (const reference of references) assert.ok(all.includes(reference), `${reference} is printed`);

  await assertPrintable(page, `/plans/${THIS_YEAR}/versions/1`, '[data-testid="snapshot"] tbody tr',
    `Annual cooperation plan ${THIS_YEAR} · Version 1`, 'version-en');
  const version = await printed(page);
  assert.ok(!version.header.includes('DRAFT'), 'a signed version is not a draft');

  await assertPrintable(page, `/plans/${CLOSED_YEAR}/dashboard`, '[data-testid="report"]',
    `Annual cooperation plan ${CLOSED_YEAR} · Version 1`, 'report-en');
  // On screen again: the navigation is back, the header never shows.
  await page.emulateMedia({ media: 'screen' });
  assert.equal(await page.locator('[data-testid="print-header"]').isVisible(), false);
  assert.equal(await page.locator('.app-nav').isVisible(), true);
  // A page outside any plan prints no plan's header.
  await page.goto(`${BASE}/inbox`);
  await page.locator('main h1').waitFor();
  await page.waitForFunction(() => getComputedStyle(document.documentElement).getPropertyValue('--print-header') === '');
  assertNoProblems();
  await context.close();
});
