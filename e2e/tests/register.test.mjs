// The instruments register, competent authorities and diplomatic
// notifications in a real browser against the real backend: a coordinator
// records an additional agreement and attaches a PDF (checksum shown, the
// download matches it); a refused upload reads plainly; an authority change
// entered by AZ stays invisible to GE until its notification is recorded; a
// viewer gets no record or edit controls; a pending change is edited and
// withdrawn before any notification; a notification is recorded with its PDF,
// another attached later, and the receiving party records receipt and
// acknowledgement; an AZ draft activity takes a PDF that GE can neither see nor
// download; refused uploads and confirmations follow a language switch.
// axe-core on every view, screenshots in en/az/ka.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import {
  BASE, launch, openPage, login, signedInPage, switchLanguage, assertAccessible, screenshot, texts, api as call,
} from '../lib/harness.mjs';

const api = (page, method, path, body) => call(page, method, path, { body });

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
  // The log is reloaded alongside the history: wait for its answer too.
  await az.page.locator('[data-testid="notifications"] tbody tr', { hasText: note }).waitFor();

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

/** `YYYY-MM-DD`, `days` after today. */
function inDays(days) {
  const d = new Date();
  d.setDate(d.getDate() + days);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/** AZ enters a pending change of its authority on the authorities page; returns its list item. */
async function enterChange(page, name) {
  await page.click('[data-nav="authorities"]');
  await page.locator('[data-testid="propose-authority"]').waitFor();
  await page.fill('#authority-en', name);
  await page.fill('#authority-az', `${name} (az)`);
  await page.fill('#authority-ka', `${name} (ka)`);
  await page.fill('#authority-from', today());
  await page.click('[data-testid="propose-authority"] button[type="submit"]');
  const item = page.locator('[data-testid="pending"] li', { hasText: name });
  await item.waitFor();
  return item;
}

test('a pending change is edited, then withdrawn, before any notification; GE never sees it; messages follow the language', async () => {
  const az = await signedInPage(browser, 'az.coordinator');
  const ge = await signedInPage(browser, 'ge.coordinator');
  const name = `Ministry to be withdrawn ${Date.now()}`;
  const item = await enterChange(az.page, name);
  // The confirmation names the change, and follows a language switch.
  const message = az.page.locator('[data-testid="message"].success');
  await message.waitFor();
  assert.match(await message.innerText(), new RegExp(name));
  await switchLanguage(az.page, 'az');
  await az.page.locator('[data-testid="message"].success', { hasText: `${name} (az)` }).waitFor();
  await switchLanguage(az.page, 'en');

  // Edit: the new name replaces the old one.
  await item.locator('[data-testid="edit-change"]').click();
  const form = item.locator('[data-testid="edit-change-form"]');
  await form.waitFor();
  await assertAccessible(az.page, 'the edit form of a pending change');
  const renamed = `${name} renamed`;
  await form.locator('input[id$="-en"]').fill(renamed);
  await form.locator('[data-testid="save-change"]').click();
  const edited = az.page.locator('[data-testid="pending"] li', { hasText: renamed });
  await edited.waitFor();
  await az.page.locator('[data-testid="message"].success', { hasText: 'was saved' }).waitFor();

  // GE sees nothing of it.
  await ge.page.click('[data-nav="authorities"]');
  await ge.page.locator('[data-testid="history-az"]').waitFor();
  assert.ok(!(await ge.page.locator('main').innerText()).includes(name));
  assert.ok(!JSON.stringify((await api(ge.page, 'GET', '/api/v1/authorities')).body).includes(name));

  // Withdraw, after a question.
  await edited.locator('[data-testid="withdraw-change"]').click();
  await edited.locator('[data-testid="withdraw-question"]').waitFor();
  for (const lang of LANGS) {
    await switchLanguage(az.page, lang);
    await assertAccessible(az.page, `the withdrawal question (${lang})`);
    await screenshot(az.page, `authorities-withdraw-${lang}`);
  }
  await switchLanguage(az.page, 'en');
  await edited.locator('[data-testid="confirm-withdraw"]').click();
  await az.page.locator('[data-testid="message"].success', { hasText: 'was withdrawn' }).waitFor();
  // The message may come a frame before the list is read again: wait for
  // the item to leave (a withdrawal that left it there times out here).
  await az.page.locator('[data-testid="pending"] li', { hasText: name }).waitFor({ state: 'detached' });
  const mine = await api(az.page, 'GET', '/api/v1/authorities');
  assert.ok(!JSON.stringify(mine.body).includes(name), 'gone from the API too');
  az.assertNoProblems();
  ge.assertNoProblems();
});

test('a notification is recorded with its PDF, another is attached later, GE records receipt and acknowledgement', async () => {
  const az = await signedInPage(browser, 'az.coordinator');
  const ge = await signedInPage(browser, 'ge.coordinator');
  const name = `Ministry announced by note ${Date.now()}`;
  const item = await enterChange(az.page, name);
  await item.locator('[data-testid="open-notification"]').click();
  const form = az.page.locator('[data-testid="record-notification"]');
  await form.waitFor();
  const note = `AZ-DOC-${Date.now() % 100000}`;
  await form.locator('input[id$="-number"]').fill(note);
  await form.locator('input[id$="-subject"]').fill('Change of the competent authority, with the note attached');
  // Effective later than any change an earlier test made effective today.
  await form.locator('input[id$="-effective"]').fill(inDays(40));
  const notePdf = makePdf(`Note ${note}`);
  await form.locator('input[type="file"]').setInputFiles({ name: 'note-verbale.pdf', mimeType: 'application/pdf', buffer: notePdf });
  await form.locator('[data-testid="save-notification"]').click();
  await az.page.locator('[data-testid="message"].success', { hasText: note }).waitFor();
  assert.equal(await az.page.locator('[data-testid="note-file-message"]').count(), 0, 'the document was accepted');

  // Opened from the log: the document with its checksum; a second one attached afterwards.
  const row = az.page.locator('[data-testid="notifications"] tbody tr', { hasText: note });
  await row.waitFor();
  await az.page.locator('[data-testid="notes-page"]').waitFor();
  await row.locator('[data-testid="open-note"]').click();
  const panel = az.page.locator('[data-testid="note-panel"]');
  await panel.locator('[data-testid="documents"] tbody tr').waitFor();
  assert.equal(await panel.locator('[data-testid="sha256"]').first().innerText(), sha256(notePdf));
  // AZ sent it: receipt is not AZ's to record.
  assert.equal(await panel.locator('[data-testid="receipt-form"]').count(), 0);
  const annex = makePdf(`Annex to ${note}`);
  await az.page.setInputFiles('#note-document-file', { name: 'annex.pdf', mimeType: 'application/pdf', buffer: annex });
  await panel.locator('[data-testid="upload-button"]').click();
  await panel.locator('[data-testid="upload-message"].success').waitFor();
  await panel.locator('[data-testid="documents"] tbody tr >> nth=1').waitFor();
  await assertAccessible(az.page, 'a notification with its documents');

  // GE downloads the note's document, the same bytes, and records receipt later.
  await ge.page.click('[data-nav="authorities"]');
  const geRow = ge.page.locator('[data-testid="notifications"] tbody tr', { hasText: note });
  await geRow.waitFor();
  assert.equal((await geRow.locator('[data-testid="received-on"]').innerText()).trim(), '—');
  await geRow.locator('[data-testid="open-note"]').click();
  const gePanel = ge.page.locator('[data-testid="note-panel"]');
  await gePanel.locator('[data-testid="documents"] tbody tr >> nth=1').waitFor();
  const [download] = await Promise.all([
    ge.page.waitForEvent('download'),
    gePanel.locator('[data-testid="download"]').first().click(),
  ]);
  assert.equal(download.suggestedFilename(), 'note-verbale.pdf');
  assert.equal(sha256(await readFile(await download.path())), sha256(notePdf));
  const receipt = gePanel.locator('[data-testid="receipt-form"]');
  await receipt.waitFor();
  for (const lang of LANGS) {
    await switchLanguage(ge.page, lang);
    await assertAccessible(ge.page, `the receipt form (${lang})`);
    await screenshot(ge.page, `authorities-note-panel-${lang}`);
  }
  await switchLanguage(ge.page, 'en');
  // A date in the future is refused next to its field.
  await ge.page.fill('#receipt-acknowledged', inDays(5));
  await receipt.locator('[data-testid="save-receipt"]').click();
  await receipt.locator('[data-field-error="receipt-acknowledged"]').waitFor();
  await ge.page.fill('#receipt-received', today());
  await ge.page.fill('#receipt-acknowledged', today());
  await ge.page.fill('#receipt-text', 'Note GE-77 acknowledging receipt');
  await receipt.locator('[data-testid="save-receipt"]').click();
  await ge.page.locator('[data-testid="message"].success', { hasText: note }).waitFor();
  const after = ge.page.locator('[data-testid="notifications"] tbody tr', { hasText: note });
  await after.locator('[data-testid="acknowledged"]', { hasText: 'Note GE-77' }).waitFor();
  assert.notEqual((await after.locator('[data-testid="received-on"]').innerText()).trim(), '—');
  // AZ reads the receipt too.
  const log = await api(az.page, 'GET', '/api/v1/notifications?limit=200');
  const recorded = log.body.items.find((n) => n.note_number === note);
  assert.equal(recorded.acknowledgement, 'Note GE-77 acknowledging receipt');
  assert.equal(recorded.received_on, today());
  az.assertNoProblems();
  ge.assertNoProblems();
});

test('an AZ draft activity takes a PDF; GE can neither see nor download it; a refused upload follows the language', async () => {
  const az = await signedInPage(browser, 'az.planner');
  const year = new Date().getFullYear() + 1;
  const created = await api(az.page, 'POST', `/api/v1/plans/${year}/activities`, {
    title: `Staff talks on documents ${Date.now()}`,
    area: 'logistics',
    form: 'official_visits_staff_meetings',
    host_party: 'az',
    location: 'Baku',
    month: 5,
    cost: 'sending_party_pays',
  });
  assert.equal(created.status, 201, JSON.stringify(created.body));
  const id = created.body.id;
  await az.page.goto(`${BASE}/activities/${id}`);
  const section = az.page.locator('[data-testid="activity-documents"]');
  await section.locator('[data-testid="no-documents"]').waitFor();

  // A text file is refused in plain words, next to the file field; the words follow the language.
  await az.page.setInputFiles('#document-file', { name: 'notes.txt', mimeType: 'text/plain', buffer: Buffer.from('plain text\n') });
  await section.locator('[data-testid="upload-button"]').click();
  const refused = section.locator('[data-testid="upload-message"].failure');
  await refused.waitFor();
  const english = await refused.innerText();
  assert.match(english, /This type of file is not accepted/);
  await switchLanguage(az.page, 'az');
  await az.page.waitForFunction((before) => {
    const el = document.querySelector('[data-testid="activity-documents"] [data-testid="upload-message"]');
    return el && el.innerText !== before;
  }, english);
  await switchLanguage(az.page, 'en');
  await section.locator('[data-testid="upload-message"].failure', { hasText: 'This type of file is not accepted' }).waitFor();

  const pdf = makePdf('Programme of the staff talks');
  await az.page.setInputFiles('#document-file', { name: 'programme.pdf', mimeType: 'application/pdf', buffer: pdf });
  await section.locator('[data-testid="upload-button"]').click();
  await section.locator('[data-testid="upload-message"].success').waitFor();
  await section.locator('[data-testid="documents"] tbody tr').waitFor();
  assert.equal(await section.locator('[data-testid="sha256"]').innerText(), sha256(pdf));
  for (const lang of LANGS) {
    await switchLanguage(az.page, lang);
    await assertAccessible(az.page, `an activity with a document (${lang})`);
    await screenshot(az.page, `activity-documents-${lang}`);
  }
  await switchLanguage(az.page, 'en');
  const [download] = await Promise.all([
    az.page.waitForEvent('download'),
    section.locator('[data-testid="download"]').click(),
  ]);
  assert.equal(sha256(await readFile(await download.path())), sha256(pdf));
  const docId = await section.locator('[data-testid="documents"] tbody tr').getAttribute('data-document');

  // Georgia: the draft, its documents and the file all answer 404.
  const ge = await signedInPage(browser, 'ge.coordinator');
  assert.equal((await api(ge.page, 'GET', `/api/v1/documents?owner=activity&owner_id=${id}`)).status, 404);
  assert.equal((await api(ge.page, 'GET', `/api/v1/documents/${docId}`)).status, 404);
  const file = await ge.page.evaluate((p) => fetch(p).then((r) => r.status), `/api/v1/documents/${docId}/content`);
  assert.equal(file, 404);
  await ge.page.goto(`${BASE}/activities/${id}`);
  await ge.page.getByRole('alert').first().waitFor();
  assert.equal(await ge.page.locator('[data-testid="activity-documents"]').count(), 0);
  assert.ok(!(await ge.page.locator('main').innerText()).includes('programme.pdf'));
  az.assertNoProblems();
  ge.assertNoProblems();
});

test('the register and the notification log are paged, with their totals, and the pager follows the language', async () => {
  const { page, assertNoProblems } = await signedInPage(browser, 'ge.coordinator');
  const stamp = Date.now();
  // Enough to need a second page of each (20 a page).
  for (let i = 0; i < 21; i += 1) {
    const protocol = await api(page, 'POST', '/api/v1/instruments', {
      kind: 'protocol', title: `Paged protocol ${stamp} ${String(i).padStart(2, '0')}`, signed_on: '2024-05-02', related: [1],
    });
    assert.equal(protocol.status, 201, JSON.stringify(protocol.body));
    const note = await api(page, 'POST', '/api/v1/notifications', {
      note_number: `GE-PAGE-${stamp}-${i}`, subject: 'Points of contact', sent_on: today(),
    });
    assert.equal(note.status, 201, JSON.stringify(note.body));
  }
  const register = await api(page, 'GET', '/api/v1/instruments?limit=1');
  const pages = Math.ceil(register.body.total / 20);
  await page.click('[data-nav="instruments"]');
  const caption = page.locator('[data-testid="instruments-page"]');
  await caption.waitFor();
  assert.match(await caption.innerText(), new RegExp(`Page 1 of ${pages} \\(${register.body.total} instruments\\)`));
  assert.equal(await page.locator('[data-testid="instruments"] tbody tr').count(), 20);
  assert.equal(await page.locator('[data-testid="instruments-previous"]').isDisabled(), true);
  await page.click('[data-testid="instruments-next"]');
  await page.locator('[data-testid="instruments-page"]', { hasText: `Page 2 of ${pages}` }).waitFor();
  assert.equal(await page.locator('[data-testid="instruments"] tbody tr[data-instrument="1"]').count(), 0, 'the Agreement is on page 1');
  // A filter starts again from the first page, and the server finds all 21.
  await page.fill('#register-search', `Paged protocol ${stamp}`);
  await page.locator('[data-testid="instruments-page"]', { hasText: 'Page 1 of 2 (21 instruments)' }).waitFor();
  await page.click('[data-testid="instruments-next"]');
  await waitForTitles(page, [`Paged protocol ${stamp} 20`]);
  await page.click('[data-testid="instruments-previous"]');
  await page.locator('[data-testid="instruments-page"]', { hasText: 'Page 1 of 2' }).waitFor();
  await switchLanguage(page, 'az');
  await page.locator('[data-testid="instruments-page"]', { hasText: 'Səhifə 1 / 2 (21 sənəd)' }).waitFor();
  await assertAccessible(page, 'the paged register (az)');
  await switchLanguage(page, 'en');

  await page.click('[data-nav="authorities"]');
  const notes = page.locator('[data-testid="notes-page"]');
  await notes.waitFor();
  const log = await api(page, 'GET', '/api/v1/notifications?limit=1');
  const notePages = Math.ceil(log.body.total / 20);
  assert.match(await notes.innerText(), new RegExp(`Page 1 of ${notePages} \\(${log.body.total} notifications\\)`));
  assert.equal(await page.locator('[data-testid="notifications"] tbody tr').count(), 20);
  // Newest first: the demo note of 2024 is on the last page.
  assert.equal(await page.locator('[data-testid="notifications"] tbody tr', { hasText: 'DEMO 2/45-118' }).count(), 0);
  await page.click('[data-testid="notes-next"]');
  await page.locator('[data-testid="notes-page"]', { hasText: `Page 2 of ${notePages}` }).waitFor();
  if (notePages === 2) {
    await page.locator('[data-testid="notifications"] tbody tr', { hasText: 'DEMO 2/45-118' }).waitFor();
    assert.equal(await page.locator('[data-testid="notes-next"]').isDisabled(), true);
  }
  await switchLanguage(page, 'ka');
  await page.locator('[data-testid="notes-page"]', { hasText: `გვერდი 2 / ${notePages}` }).waitFor();
  await assertAccessible(page, 'the paged notification log (ka)');
  await switchLanguage(page, 'en');
  await page.click('[data-testid="notes-previous"]');
  await page.locator('[data-testid="notes-page"]', { hasText: `Page 1 of ${notePages}` }).waitFor();
  assertNoProblems();
});

test('a note recorded with a file that is not a document stays recorded, and the refusal says why in plain words', async () => {
  const { page, assertNoProblems } = await signedInPage(browser, 'az.coordinator');
  const item = await enterChange(page, `Ministry announced with a bad file ${Date.now()}`);
  await item.locator('[data-testid="open-notification"]').click();
  const form = page.locator('[data-testid="record-notification"]');
  await form.waitFor();
  const note = `AZ-BAD-${Date.now() % 100000}`;
  await form.locator('input[id$="-number"]').fill(note);
  await form.locator('input[id$="-subject"]').fill('Change of the competent authority');
  await form.locator('input[id$="-effective"]').fill(inDays(80));
  await form.locator('input[type="file"]').setInputFiles({ name: 'note.pdf', mimeType: 'application/pdf', buffer: Buffer.from('not really a PDF\n') });
  await form.locator('[data-testid="save-notification"]').click();
  const refused = page.locator('[data-testid="note-file-message"]');
  await refused.waitFor();
  assert.equal(await refused.getAttribute('role'), 'alert');
  assert.match(await refused.innerText(), /was recorded, but its document was not attached: This type of file is not accepted/);
  // The note's panel is open to attach it again; nothing was stored.
  const panel = page.locator(`[data-testid="note-panel"]`);
  await panel.locator('[data-testid="no-documents"]').waitFor();
  assert.match(await panel.locator('h3').innerText(), new RegExp(note));
  await panel.locator('#note-document-file').waitFor();
  await switchLanguage(page, 'ka');
  await page.waitForFunction(() => /შეტყობინება ჩაიწერა/.test(document.querySelector('[data-testid="note-file-message"]')?.innerText ?? ''));
  await assertAccessible(page, 'a refused document of a recorded note (ka)');
  await switchLanguage(page, 'en');
  assertNoProblems();
});
