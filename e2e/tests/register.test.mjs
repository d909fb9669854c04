// The instruments register, competent authorities and diplomatic
// notifications in a real browser against the real backend: a coordinator
// records an additional agreement and attaches a PDF (checksum shown, the
// download matches it); a refused upload reads plainly; an authority change
// entered by AZ stays invisible to GE until its notification is recorded; a
// viewer gets no record or edit controls. axe-core on every view, screenshots
// in en/az/ka.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import {
  BASE, launch, openPage, login, signedInPage, switchLanguage, assertAccessible, screenshot, texts,
} from '../lib/harness.mjs';

const LANGS = ['en', 'az', 'ka'];
let browser;

before(async () => {
  browser = await launch();
});

after(async () => {
  await browser?.close();
});

/** A small, valid one-page PDF (correct cross-reference offsets) naming `text`. */
function makePdf(text) {
  const content = `BT /F1 18 Tf 72 720 Td (${text}) Tj ET`;
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    `<< /Length ${Buffer.byteLength(content)} >>\nstream\n${content}\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ];
  let pdf = '%PDF-1.4\n';
  const offsets = [];
  objects.forEach((body, i) => {
    offsets.push(Buffer.byteLength(pdf));
    pdf += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = Buffer.byteLength(pdf);
  pdf += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  pdf += offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('');
  pdf += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(pdf, 'latin1');
}

const sha256 = (bytes) => createHash('sha256').update(bytes).digest('hex');

/** Today in the browser's (and this machine's) time zone, `YYYY-MM-DD`. */
function today() {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/** Waits until the register's table shows exactly `titles` (or, for `[]`, its empty message). */
async function waitForTitles(page, titles) {
  if (titles.length === 0) {
    await page.locator('[data-testid="no-instruments"]').waitFor();
    return;
  }
  await page.waitForFunction((want) => {
    const cells = [...document.querySelectorAll('[data-testid="instruments"] tbody tr td:first-child')];
    return JSON.stringify(cells.map((c) => c.innerText.trim())) === JSON.stringify(want);
  }, titles);
}

/** A JSON `GET` with the page's session. */
async function getJson(page, path) {
  return page.evaluate((p) => fetch(p, { headers: { accept: 'application/json' } }).then((r) => r.json()), path);
}

test('a coordinator records an additional agreement, attaches a PDF with its checksum, and downloads it', async () => {
  const { page, assertNoProblems } = await signedInPage(browser, 'az.coordinator');
  await page.click('[data-nav="instruments"]');
  await page.locator('[data-testid="instruments"]').waitFor();
  // The Agreement is in every database, first, with its derived status.
  const first = page.locator('[data-testid="instruments"] tbody tr').first();
  assert.equal(await first.getAttribute('data-instrument'), '1');
  await assertAccessible(page, 'the register');

  await page.click('[data-testid="record-instrument"]');
  await page.locator('[data-testid="instrument-form"]').waitFor();
  await assertAccessible(page, 'the record form');

  // Checked in the browser first: the title is required.
  await page.click('[data-testid="save-instrument"]');
  await page.locator('[data-field-error="instrument-title"]').waitFor();

  const title = `Additional agreement on humanitarian demining training ${Date.now()}`;
  await page.fill('#instrument-title', title);
  await page.fill('#instrument-number', 'AA-2025/03');
  // A signature in the future: the server refuses it and names the field.
  await page.fill('#instrument-signed-on', '2099-01-01');
  await page.click('[data-testid="save-instrument"]');
  await page.locator('[data-field-error="instrument-signed-on"]').waitFor();
  assert.match(await page.getByRole('alert').first().innerText(), /\S/);

  await page.fill('#instrument-signed-on', '2025-03-10');
  await page.fill('#instrument-signed-at', 'Tbilisi');
  await page.fill('#az-signatory', 'Zakir Hasanov');
  await page.fill('#az-position', 'Minister of Defence');
  await page.fill('#ge-signatory', 'Irakli Chikovani');
  await page.fill('#ge-position', 'Minister of Defence');
  await page.fill('#az-procedures', 'Approved by decree');
  await page.fill('#az-procedures-on', '2025-04-01');
  await page.check('#related-1');
  await page.click('[data-testid="save-instrument"]');
  await page.waitForURL((url) => /^\/instruments\/\d+$/.test(url.pathname));
  await page.locator('[data-testid="instrument-title"]').waitFor();
  assert.equal(await page.locator('[data-testid="instrument-title"]').innerText(), title);
  assert.equal(await page.locator('[data-testid="instrument-kind"]').innerText(), 'additional agreement');
  assert.equal(await page.locator('.facts [data-status]').getAttribute('data-status'), 'signed');
  assert.match(await page.locator('[data-testid="sides"] tr[data-party="az"]').innerText(), /Zakir Hasanov/);
  const timeline = await texts(page, '[data-testid="timeline"] li');
  assert.equal(timeline.length, 2, 'signature and AZ procedures');
  assert.match(timeline[0], /10 March 2025/);
  assert.match(await page.locator('[data-testid="related"]').innerText(), /Agreement on cooperation in the field of defence/);
  await page.locator('[data-testid="no-documents"]').waitFor();

  // Attach a PDF.
  const pdf = makePdf('Concord test document');
  await page.setInputFiles('#document-file', { name: 'additional-agreement.pdf', mimeType: 'application/pdf', buffer: pdf });
  await page.click('[data-testid="upload-button"]');
  await page.locator('[data-testid="upload-message"].success').waitFor();
  await page.locator('[data-testid="documents"] tbody tr').waitFor();
  assert.equal(await page.locator('[data-testid="sha256"]').innerText(), sha256(pdf));
  await assertAccessible(page, 'an instrument with a document');
  for (const lang of LANGS) {
    await switchLanguage(page, lang);
    await screenshot(page, `register-instrument-${lang}`);
  }
  await switchLanguage(page, 'en');

  // The download is the same bytes.
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.click('[data-testid="download"]'),
  ]);
  assert.equal(download.suggestedFilename(), 'additional-agreement.pdf');
  const bytes = await readFile(await download.path());
  assert.equal(sha256(bytes), sha256(pdf));

  // The register lists it; the filters find it and hide it.
  await page.click('[data-nav="instruments"]');
  await page.locator('[data-testid="instruments"]').waitFor();
  await page.fill('#register-search', 'humanitarian demining training');
  await waitForTitles(page, [title]);
  await page.selectOption('#register-kind', 'protocol');
  await waitForTitles(page, []);
  await page.selectOption('#register-kind', 'additional_agreement');
  await page.selectOption('#register-year', '2025');
  await page.selectOption('#register-status', 'signed');
  await waitForTitles(page, [title]);
  await page.selectOption('#register-status', 'in_force');
  await waitForTitles(page, []);
  for (const lang of LANGS) {
    await switchLanguage(page, lang);
    await page.fill('#register-search', '');
    await page.selectOption('#register-kind', '');
    await page.selectOption('#register-status', '');
    await page.selectOption('#register-year', '');
    await page.locator('[data-testid="instruments"]').waitFor();
    await screenshot(page, `register-list-${lang}`);
  }
  await switchLanguage(page, 'en');
  assertNoProblems();
});

test('an edit based on a stale version is refused and explained, with a reload', async () => {
  const { page, assertNoProblems } = await signedInPage(browser, 'ge.coordinator');
  await page.goto(`${BASE}/instruments/1/edit`);
  await page.locator('[data-testid="instrument-form"]').waitFor();
  // Someone else saves the Agreement meanwhile (same fields, a new version).
  await page.evaluate(async () => {
    const res = await fetch('/api/v1/instruments/1', { headers: { accept: 'application/json' } });
    const etag = res.headers.get('etag');
    const i = await res.json();
    const input = {
      kind: i.kind, title: i.title, number: i.number, signed_on: i.signed_on, signed_at: i.signed_at,
      az: i.az, ge: i.ge, in_force_on: i.in_force_on, terminated_on: i.terminated_on, related: i.related,
    };
    const put = await fetch('/api/v1/instruments/1', {
      method: 'PUT',
      headers: { 'content-type': 'application/json', 'if-match': etag, 'x-concord-csrf': '1' },
      body: JSON.stringify(input),
    });
    if (!put.ok) throw new Error(`PUT ${put.status}`);
  });
  await page.fill('#instrument-signed-at', 'Baku (edited)');
  await page.click('[data-testid="save-instrument"]');
  await page.locator('[data-testid="stale"]').waitFor();
  assert.match(await page.locator('[data-testid="stale"]').innerText(), /changed this instrument/);
  await page.click('[data-testid="stale"] button');
  await page.locator('[data-testid="stale"]').waitFor({ state: 'detached' });
  assert.equal(await page.inputValue('#instrument-signed-at'), 'Baku');
  assertNoProblems();
});

test('an upload of the wrong type is refused in plain words', async () => {
  const { page, assertNoProblems } = await signedInPage(browser, 'ge.coordinator');
  await page.goto(`${BASE}/instruments/1`);
  await page.locator('[data-testid="upload"]').waitFor();
  await page.setInputFiles('#document-file', { name: 'notes.txt', mimeType: 'text/plain', buffer: Buffer.from('not a document\n') });
  await page.click('[data-testid="upload-button"]');
  const message = page.locator('[data-testid="upload-message"].failure');
  await message.waitFor();
  assert.match(await message.innerText(), /This type of file is not accepted/);
  assert.equal(await message.getAttribute('role'), 'alert');
  // Nothing was stored.
  const docs = await getJson(page, '/api/v1/documents?owner=instrument&owner_id=1');
  assert.ok(!docs.some((d) => d.filename === 'notes.txt'));
  await assertAccessible(page, 'a refused upload');
  await screenshot(page, 'register-upload-refused-en');
  assertNoProblems();
});

test('an authority change entered by AZ is invisible to GE and takes effect only with its notification', async () => {
  const az = await signedInPage(browser, 'az.coordinator');
  const ge = await signedInPage(browser, 'ge.coordinator');
  const name = `Ministry of Defence and Veterans of the Republic of Azerbaijan ${Date.now()}`;

  await az.page.click('[data-nav="authorities"]');
  await az.page.locator('[data-testid="propose-authority"]').waitFor();
  await assertAccessible(az.page, 'the authorities page');
  await az.page.fill('#authority-en', name);
  await az.page.fill('#authority-az', 'Azərbaycan Respublikasının Müdafiə və Veteranlar Nazirliyi');
  await az.page.fill('#authority-ka', 'აზერბაიჯანის რესპუბლიკის თავდაცვისა და ვეტერანთა სამინისტრო');
  await az.page.fill('#authority-from', today());
  await az.page.click('[data-testid="propose-authority"] button[type="submit"]');
  const pending = az.page.locator('[data-testid="pending"] li', { hasText: name });
  await pending.waitFor();
  assert.ok(!(await az.page.locator('[data-testid="history-az"]').innerText()).includes(name), 'pending, not in force');

  // GE sees nothing of it: not on the page, not from the API, not on the Agreement page.
  await ge.page.click('[data-nav="authorities"]');
  await ge.page.locator('[data-testid="history-az"]').waitFor();
  assert.ok(!(await ge.page.locator('main').innerText()).includes(name));
  assert.equal(await ge.page.locator('[data-testid="pending"] li').count(), 0, 'GE has no pending changes of its own');
  const seen = await getJson(ge.page, '/api/v1/authorities');
  assert.ok(!JSON.stringify(seen).includes(name));

  // AZ records the notification: the change takes effect today.
  await pending.locator('[data-testid="open-notification"]').click();
  const form = az.page.locator('[data-testid="record-notification"]');
  await form.waitFor();
  await assertAccessible(az.page, 'the notification form');
  for (const lang of LANGS) {
    await switchLanguage(az.page, lang);
    await screenshot(az.page, `authorities-pending-${lang}`);
  }
  await switchLanguage(az.page, 'en');
  const note = `AZ-MFA-${Date.now() % 100000}`;
  await form.locator('input[id$="-number"]').fill(note);
  await form.locator('input[id$="-subject"]').fill('Change of the competent authority of the Republic of Azerbaijan');
  await form.locator('[data-testid="save-notification"]').click();
  await az.page.locator('[data-testid="message"].success').waitFor();
  await az.page.locator('[data-testid="history-az"]', { hasText: name }).waitFor();
  assert.equal(await az.page.locator('[data-testid="pending"] li', { hasText: name }).count(), 0);
  assert.match(await az.page.locator('[data-testid="notifications"]').innerText(), new RegExp(note));

  // Now GE sees it in force, and the note in the log.
  await ge.page.reload();
  await ge.page.locator('[data-testid="history-az"]', { hasText: name }).waitFor();
  const row = ge.page.locator('[data-testid="notifications"] tbody tr', { hasText: note });
  await row.waitFor();
  assert.match(await row.innerText(), /AZ/);
  await assertAccessible(ge.page, 'the authorities page of the other party');
  for (const lang of LANGS) {
    await switchLanguage(ge.page, lang);
    await screenshot(ge.page, `authorities-${lang}`);
  }
  az.assertNoProblems();
  ge.assertNoProblems();
});

/** Whether the page scrolls sideways (it should not: wide tables scroll inside their box). */
async function overflowsSideways(page) {
  return page.evaluate(() => document.documentElement.scrollWidth > document.documentElement.clientWidth + 1);
}

test('a viewer reads the register and the authorities without record or edit controls, at tablet width', async () => {
  const { page, assertNoProblems } = await openPage(browser, { viewport: { width: 768, height: 1024 } });
  await login(page, 'az.viewer');
  await page.click('[data-nav="instruments"]');
  await page.locator('[data-testid="instruments"]').waitFor();
  assert.equal(await page.locator('[data-testid="record-instrument"]').count(), 0);
  await page.locator('[data-testid="instruments"] tbody tr[data-instrument="1"] a').click();
  await page.locator('[data-testid="instrument-title"]').waitFor();
  await page.locator('[data-testid="documents"], [data-testid="no-documents"]').first().waitFor();
  assert.equal(await page.locator('[data-testid="edit-instrument"]').count(), 0);
  assert.equal(await page.locator('[data-testid="upload"]').count(), 0);
  await assertAccessible(page, 'an instrument as a viewer');
  assert.equal(await overflowsSideways(page), false, 'the instrument page fits a tablet');
  await screenshot(page, 'register-instrument-tablet-en');

  await page.click('[data-nav="authorities"]');
  await page.locator('[data-testid="notifications"]').waitFor();
  assert.equal(await page.locator('[data-testid="propose-authority"]').count(), 0);
  assert.equal(await page.locator('[data-testid="open-notification"]').count(), 0);
  assert.equal(await overflowsSideways(page), false, 'the authorities page fits a tablet');
  await screenshot(page, 'authorities-tablet-en');

  // Typing the form's address does not give a form.
  await page.goto(`${BASE}/instruments/new`);
  await page.getByRole('alert').waitFor();
  assert.equal(await page.locator('[data-testid="instrument-form"]').count(), 0);
  assertNoProblems();
});
