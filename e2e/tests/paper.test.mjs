// The plan on paper (issue 14), downloaded through the web app's own
// buttons and read back with real readers: the plan's PDF in Azerbaijani,
// Georgian and as a parallel text (pdftotext finds the titles intact, the
// SHA-256 and "page x of y" on every page, pdfinfo the same page count), a
// signed version's PDF (its SHA-256 is the register's), the execution
// report's PDF, and the table's XLSX (openpyxl) and CSV (UTF-8 with BOM),
// every cell compared with the API's list. Nothing here changes data.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BASE, launch, api, openAs as openAsIn, assertAccessible } from '../lib/harness.mjs';
import { download, pdfPages, pdfInfo, readXlsx, parseCsv } from '../lib/files.mjs';

const openAs = (username, lang) => openAsIn(browser, username, lang);
const THIS_YEAR = new Date().getFullYear();
const DEMO_YEAR = THIS_YEAR + 1;
const CLOSED_YEAR = THIS_YEAR - 1;
let browser;
let dir;

before(async () => {
  browser = await launch();
  dir = mkdtempSync(join(tmpdir(), 'concord-paper-'));
});

after(async () => {
  await browser?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** The documents' own words (`concord_shared::paper::Text`). */
const PLAN_TITLE = {
  az: (year) => `Azərbaycan Respublikasının Müdafiə Nazirliyi ilə Gürcüstanın Müdafiə Nazirliyi arasında ${year}-cü il üçün illik əməkdaşlıq planı`,
  ka: (year) => `აზერბაიჯანის რესპუბლიკის თავდაცვის სამინისტროსა და საქართველოს თავდაცვის სამინისტროს შორის თანამშრომლობის ${year} წლის გეგმა`,
  en: (year) => `Annual plan of co-operation between the Ministry of Defence of the Republic of Azerbaijan and the Ministry of Defence of Georgia for ${year}`,
};
const PAGE_OF = {
  az: (x, y) => `Səhifə ${x} / ${y}`,
  ka: (x, y) => `გვერდი ${x} / ${y}`,
  en: (x, y) => `Page ${x} of ${y}`,
};
const REPORT_TITLE = {
  az: (year) => `${year}-cü il planının icra hesabatı`,
  ka: (year) => `${year} წლის გეგმის შესრულების ანგარიში`,
};

/** The text of an activity in `lang` as Concord picks it: the language,
 *  then English, then the proposer's original (shared `Activity::text_in`). */
function pickText(a, lang) {
  const texts = a.texts ?? [];
  const exact = texts.find((t) => t.lang === lang && t.title.trim());
  if (exact) return { title: exact.title, lang };
  const en = texts.find((t) => t.lang === 'en' && t.title.trim());
  if (en) return { title: en.title, lang: 'en' };
  return { title: a.title, lang: a.text_lang };
}

/** Whitespace as one space: a title wrapped over two lines is still the title. */
const flat = (text) => text.replace(/\s+/g, ' ');

/** Saves `bytes` and answers the file's path. */
function saved(bytes, name) {
  const path = join(dir, name);
  writeFileSync(path, bytes);
  return path;
}

/**
 * Chooses `lang` in the download's language choice `name` on the open page,
 * downloads the PDF and checks what every such document must show: a PDF,
 * as many pages as pdfinfo counts, "page x of y" in each language and the
 * same SHA-256 on every page (`sha: false` for the report, which has none).
 * Answers `{ pages, sha256, path }`.
 */
async function downloadPdf(page, name, lang, { sha = true } = {}) {
  await page.selectOption(`#pdf-lang-${name}`, lang);
  const link = page.locator(`[data-testid="download-${name}-link"]`);
  assert.match(await link.getAttribute('href'), new RegExp(`[?&]lang=${lang.replace(',', '(,|%2C)')}$`));
  const file = await download(page, `[data-testid="download-${name}-link"]`);
  assert.match(file.name, /\.pdf$/, file.name);
  assert.equal(file.bytes.subarray(0, 5).toString('latin1'), '%PDF-');
  const path = saved(file.bytes, `${name}-${lang.replace(',', '-')}.pdf`);
  const pages = pdfPages(path);
  const count = Number(pdfInfo(path).Pages);
  assert.ok(count >= 1, `${name} (${lang}) has pages`);
  assert.equal(pages.length, count, `pdftotext finds as many pages as pdfinfo counts in ${name} (${lang})`);
  const first = pages[0].match(/\b[0-9a-f]{64}\b/);
  assert.ok(first || !sha, `${name} (${lang}): a SHA-256 on page 1`);
  const sha256 = first?.[0];
  pages.forEach((text, i) => {
    for (const l of lang.split(',')) {
      assert.ok(flat(text).includes(PAGE_OF[l](i + 1, count)), `${name} (${lang}), page ${i + 1}: "${PAGE_OF[l](i + 1, count)}"`);
    }
    if (sha) assert.ok(text.includes(sha256), `${name} (${lang}), page ${i + 1}: the SHA-256`);
  });
  return { pages, sha256, path };
}

test('the plan page downloads the plan as a PDF in az, ka and side by side, titles intact, SHA-256 and page x of y on every page', async () => {
  const { page, context, assertNoProblems } = await openAs('az.coordinator', 'az');
  await page.goto(`${BASE}/plans/${DEMO_YEAR}`);
  await page.locator('[data-testid="download-plan"]').waitFor();
  await assertAccessible(page, 'the plan page with its download (az)');
  // The choice starts at the interface's language.
  assert.equal(await page.inputValue('#pdf-lang-plan'), 'az');

  const az = await downloadPdf(page, 'plan', 'az');
  assert.ok(flat(az.pages[0]).includes(PLAN_TITLE.az(DEMO_YEAR)), 'the Azerbaijani title, intact');
  assert.ok(flat(az.pages[0]).includes('Bakı, 24 aprel 2023'), 'the Agreement cited');
  // Not signed: a draft on every page.
  az.pages.forEach((text, i) => assert.match(text, /LAYİHƏ/, `page ${i + 1} is marked as a draft`));

  const ka = await downloadPdf(page, 'plan', 'ka');
  assert.ok(flat(ka.pages[0]).includes(PLAN_TITLE.ka(DEMO_YEAR)), 'the Georgian title, intact');
  assert.ok(!flat(ka.pages[0]).includes(PLAN_TITLE.az(DEMO_YEAR)), 'a Georgian document has no Azerbaijani title');
  ka.pages.forEach((text, i) => assert.match(text, /პროექტი/, `page ${i + 1} is marked as a draft`));
  assert.equal(ka.sha256, az.sha256, 'the same plan, the same SHA-256 in either language');

  // The parallel text: both titles and both "page x of y" (checked above).
  const both = await downloadPdf(page, 'plan', 'az,ka');
  const firstPage = flat(both.pages[0]);
  assert.ok(firstPage.includes(PLAN_TITLE.az(DEMO_YEAR)), 'parallel text: the Azerbaijani title, intact');
  assert.ok(firstPage.includes(PLAN_TITLE.ka(DEMO_YEAR)), 'parallel text: the Georgian title, intact');
  assert.equal(both.sha256, az.sha256);

  // The accepted activities are the table's rows: each reference is in the document.
  const accepted = await api(page, 'GET', `/api/v1/plans/${DEMO_YEAR}/activities?consent=accepted&limit=500`);
  assert.equal(accepted.status, 200);
  const text = az.pages.join('\n');
  for (const a of accepted.body.items) {
    assert.ok(text.includes(a.reference), `accepted ${a.reference} is in the document`);
  }
  assertNoProblems();
  await context.close();
});

test('a signed version and the execution report download as PDFs; the version carries the register\'s SHA-256 on every page', async () => {
  const { page, context, assertNoProblems } = await openAs('ge.coordinator', 'ka');
  const versions = await api(page, 'GET', `/api/v1/plans/${THIS_YEAR}/versions`);
  assert.equal(versions.status, 200, JSON.stringify(versions.body));
  const first = versions.body.find((v) => v.number === 1);
  assert.ok(first, 'this year\'s demo plan has a signed version 1');

  await page.goto(`${BASE}/plans/${THIS_YEAR}/versions/1`);
  await page.locator('[data-testid="download-version"]').waitFor();
  assert.equal(await page.locator('[data-testid="version-hash"]').innerText(), first.sha256);
  const ka = await downloadPdf(page, 'version', 'ka');
  assert.equal(ka.sha256, first.sha256, 'the signed version\'s SHA-256 as the register has it');
  assert.ok(flat(ka.pages[0]).includes(PLAN_TITLE.ka(THIS_YEAR)), 'the Georgian title, intact');
  const all = flat(ka.pages.join(' '));
  assert.ok(!all.includes('ამ პროექტის SHA-256'), 'a signed version is not a draft');
  for (const signature of first.signatures) {
    assert.ok(all.includes(signature.signatory), `the signatory ${signature.signatory} is printed`);
  }
  const both = await downloadPdf(page, 'version', 'ka,en');
  assert.equal(both.sha256, first.sha256);
  assert.ok(flat(both.pages[0]).includes(PLAN_TITLE.en(THIS_YEAR)), 'parallel text: the English title');

  await page.goto(`${BASE}/plans/${CLOSED_YEAR}/dashboard`);
  await page.locator('[data-testid="download-report"]').waitFor();
  const report = await downloadPdf(page, 'report', 'ka', { sha: false });
  assert.ok(flat(report.pages[0]).includes(REPORT_TITLE.ka(CLOSED_YEAR)), 'the report\'s Georgian title');
  const reportAz = await downloadPdf(page, 'report', 'az', { sha: false });
  assert.ok(flat(reportAz.pages[0]).includes(REPORT_TITLE.az(CLOSED_YEAR)), 'the report\'s Azerbaijani title');
  assertNoProblems();
  await context.close();
});

/** A cell of the XLSX as the CSV writes it. */
function asText(cell) {
  if (cell === null || cell === undefined) return '';
  if (typeof cell === 'object' && cell.date) return cell.date;
  return String(cell);
}

/** The value the API gives, as the XLSX holds it (`null` for an empty cell). */
const orNull = (v) => (v === undefined || v === null || v === '' ? null : v);
const dateOrNull = (v) => (v ? { date: v } : null);

test('the table downloads as XLSX and CSV in Georgian; every cell matches the API\'s list', async () => {
  const { page, context, assertNoProblems } = await openAs('ge.coordinator', 'ka');
  await page.goto(`${BASE}/plans/${DEMO_YEAR}/table`);
  await page.locator('[data-testid="activity-table"] tbody tr').first().waitFor();
  const href = await page.locator('[data-testid="download-activities-xlsx"]').getAttribute('href');
  const query = new URL(href, BASE).searchParams;
  assert.equal(query.get('lang'), 'ka', 'the headers in the interface\'s language');
  query.delete('lang');
  query.set('limit', '500');
  const list = await api(page, 'GET', `/api/v1/plans/${DEMO_YEAR}/activities?${query}`);
  assert.equal(list.status, 200);
  const items = list.body.items;
  assert.ok(items.length > 10, 'the demo plan has activities');
  assert.equal(list.body.total, items.length, 'one page holds the whole list');

  const xlsxFile = await download(page, '[data-testid="download-activities-xlsx"]');
  assert.match(xlsxFile.name, /\.xlsx$/);
  const book = readXlsx(saved(xlsxFile.bytes, 'activities.xlsx'));
  assert.equal(book.sheets.length, 1);
  assert.equal(book.freeze, 'A2', 'the header row is frozen');
  assert.ok(book.filter?.startsWith('A1:'), 'an autofilter over the list');
  const [headers, ...rows] = book.rows;
  assert.equal(headers.length, 17);
  assert.equal(headers[0], 'საცნობარო კოდი');
  assert.equal(headers[1], 'ღონისძიება');
  assert.equal(headers[13], 'AZ: მონაწილეები');
  assert.equal(rows.length, items.length, 'one row per activity of the list');

  // Labels follow the codes one to one, in Georgian.
  const labels = [new Map(), new Map(), new Map(), new Map(), new Map(), new Map()];
  const labelled = (k, code, label) => {
    assert.ok(/[\u10D0-\u10FF]/.test(label), `a Georgian label, not "${label}"`);
    const seen = labels[k].get(code);
    if (seen === undefined) labels[k].set(code, label);
    else assert.equal(label, seen, `one label for ${code}`);
  };
  items.forEach((a, i) => {
    const row = rows[i];
    const what = `row ${i + 2} (${a.reference ?? a.title})`;
    assert.equal(row.length, 17, what);
    assert.equal(row[0], orNull(a.reference), `${what}: reference`);
    // The title in Georgian where written, else the fallback, its language named.
    const shown = pickText(a, 'ka');
    assert.equal(row[1], shown.title, `${what}: title`);
    assert.equal(row[2], shown.lang, `${what}: the title's language`);
    assert.ok(row[3].startsWith(labels[0].get(a.area) ?? ''), `${what}: area`);
    if (a.area_other) assert.ok(row[3].endsWith(`: ${a.area_other}`), `${what}: the other area named`);
    else labelled(0, a.area, row[3]);
    if (a.form_other) assert.ok(row[4].endsWith(`: ${a.form_other}`), `${what}: the other form named`);
    else labelled(1, a.form, row[4]);
    labelled(2, a.host_party, row[5]);
    assert.equal(row[6], orNull(a.location), `${what}: place`);
    assert.deepEqual(row[7], dateOrNull(a.start_date), `${what}: first day, a date`);
    assert.deepEqual(row[8], dateOrNull(a.end_date), `${what}: last day, a date`);
    assert.equal(row[9], orNull(a.month), `${what}: month, a number`);
    labelled(3, a.cost, row[10]);
    labelled(4, a.consent, row[11]);
    labelled(5, a.execution, row[12]);
    assert.equal(row[13], orNull(a.az.participants), `${what}: AZ participants`);
    assert.equal(row[14], orNull(a.az.responsible_unit), `${what}: AZ unit`);
    assert.equal(row[15], orNull(a.ge.participants), `${what}: GE participants`);
    assert.equal(row[16], orNull(a.ge.responsible_unit), `${what}: GE unit`);
    // Typed cells: dates as dates, numbers as numbers.
    if (a.start_date) assert.equal(book.types[i + 1][7], 'd', `${what}: the first day is a date cell`);
    if (a.month) assert.equal(book.types[i + 1][9], 'n', `${what}: the month is a number cell`);
  });
  // Georgia never gets Azerbaijan's drafts.
  assert.ok(items.every((a) => a.proposing_party === 'ge' || a.reference), 'no AZ draft in the list');

  const csvFile = await download(page, '[data-testid="download-activities-csv"]');
  assert.match(csvFile.name, /\.csv$/);
  assert.deepEqual([...csvFile.bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'the CSV starts with the UTF-8 BOM');
  const csv = parseCsv(csvFile.bytes.subarray(3).toString('utf8'));
  assert.deepEqual(csv[0], headers, 'the same headers');
  assert.equal(csv.length, rows.length + 1);
  rows.forEach((row, i) => assert.deepEqual(csv[i + 1], row.map(asText), `CSV row ${i + 2} is the XLSX row`));
  assertNoProblems();
  await context.close();
});
