// Refusals in the user's language: the web app words every refusal from its
// own translations (the code and its parameters), never the server's English
// `detail`. Reached through the UI in Azerbaijani and Georgian: a plan that
// cannot be agreed yet (with its numbers, beside the disabled button), a stale version from two tabs and
// a taken user name. The plans made here use the first free years from 2070,
// away from the other tests' years.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { BASE, launch, api, translateBoth, openAs as openAsIn, switchLanguage, assertAccessible, screenshot, ok, freeYear } from '../lib/harness.mjs';

const openAs = (username, lang) => openAsIn(browser, username, lang);
let browser;

before(async () => {
  browser = await launch();
});

after(async () => {
  await browser?.close();
});

// Words that only an English sentence has (Azerbaijani is written in Latin
// letters too, so "any Latin word" would not do).
const ENGLISH = /\b(the|cannot|await|activities|someone|changed|while|editing|taken|already|exists|refused|request)\b/i;

/** Fails unless `text` is free of English and of the server's `detail`. */
function assertNotEnglish(text, detail, what) {
  assert.doesNotMatch(text, ENGLISH, `${what}: no English sentence in "${text}"`);
  if (detail) assert.ok(!text.includes(detail), `${what}: the server's detail shows`);
}

/** The refusal shown in `scope` (the page's message), once shown. */
async function message(page, scope = '') {
  const shown = page.locator(`${scope} [data-testid="message"]`.trim());
  await shown.waitFor();
  return shown.innerText();
}

test('a plan that cannot be agreed yet is refused with its numbers in az, then in ka', async () => {
  const azCoord = await openAs('az.coordinator', 'az');
  const geCoord = await openAs('ge.coordinator', 'en');
  const azPlanner = await openAs('az.planner', 'en');
  const year = await freeYear(azCoord.page, 2070, 2100);
  const plan = await ok(azCoord.page, 'POST', '/api/v1/plans', { body: { year } });
  const proposed = await ok(azCoord.page, 'POST', `/api/v1/plans/${year}/transitions`, {
    body: { action: 'propose', to: 'negotiation' }, version: plan.version,
  });
  await ok(geCoord.page, 'POST', `/api/v1/plans/${year}/transitions`, {
    body: { action: 'confirm' }, version: proposed.version,
  });
  const made = await ok(azPlanner.page, 'POST', `/api/v1/plans/${year}/activities`, {
    body: {
      title: 'Refusal probe', description: 'Made by the refusals browser test.', area: 'logistics',
      form: 'official_visits_staff_meetings', host_party: 'ge', location: 'Tbilisi', month: 6, cost: 'shared',
    },
  });
  await ok(azPlanner.page, 'POST', `/api/v1/activities/${made.id}/share`, { version: made.version });

  // What the server says in English, for comparison.
  const current = await ok(azCoord.page, 'GET', `/api/v1/plans/${year}`);
  const refused = await api(azCoord.page, 'POST', `/api/v1/plans/${year}/transitions`, {
    body: { action: 'propose', to: 'agreed' }, version: current.version,
  });
  assert.equal(refused.status, 409);
  assert.equal(refused.body.code, 'plan_not_agreeable');

  // The page does not offer what the server would refuse: the button is
  // disabled, with the same refusal's words beside it (issue 17, item 3).
  const { page } = azCoord;
  await page.goto(`${BASE}/plans/${year}`);
  const propose = page.locator('[data-testid="propose-step"]');
  await propose.waitFor();
  assert.ok(await propose.isDisabled(), 'Propose: agreed is disabled while activities block it');
  assert.equal(await propose.getAttribute('aria-describedby'), 'propose-reason');
  const reason = page.locator('[data-testid="propose-reason"]');
  assert.equal(await reason.getAttribute('data-code'), 'plan_not_agreeable');
  const az = await reason.innerText();
  assert.match(az, /^Plan hələ razılaşdırıla bilməz:/);
  assert.match(az, /razılığını gözləyir/);
  assert.match(az, /Hələ heç bir tədbir hər iki tərəf tərəfindən qəbul edilməyib/);
  assertNotEnglish(az, refused.body.detail, 'plan_not_agreeable in az');
  await screenshot(page, 'refusal-plan-not-agreeable-az');

  // The same refusal follows a switch of language at once.
  await switchLanguage(page, 'ka');
  await page.waitForFunction(() => document.querySelector('[data-testid="propose-reason"]')?.innerText.startsWith('გეგმის'));
  const ka = await reason.innerText();
  assert.match(ka, /^გეგმის შეთანხმება ჯერ შეუძლებელია:/);
  assertNotEnglish(ka, refused.body.detail, 'plan_not_agreeable in ka');
  await assertAccessible(page, 'a plan page with a refusal in ka');
  await screenshot(page, 'refusal-plan-not-agreeable-ka');
  for (const opened of [azCoord, geCoord, azPlanner]) {
    opened.assertNoProblems();
    await opened.context.close();
  }
});

test('a stale version from a second tab is refused in ka, and a taken user name in az', async () => {
  const first = await openAs('ge.coordinator', 'ka');
  const second = await openAs('ge.coordinator', 'ka');
  // The second tab hears nothing of the first (no live reload): its version goes stale.
  await second.context.route('**/api/v1/events', (route) => route.fulfill({ status: 204 }));
  const year = await freeYear(first.page, 2070, 2100);
  await ok(first.page, 'POST', '/api/v1/plans', { body: { year } });
  await second.page.goto(`${BASE}/plans/${year}`);
  await second.page.locator('[data-testid="propose-step"]').waitFor();

  await first.page.goto(`${BASE}/plans/${year}`);
  await first.page.locator('[data-testid="propose-step"]').click();
  await first.page.locator('[data-testid="proposal"]').waitFor();

  await second.page.locator('[data-testid="propose-step"]').click();
  const stale = await message(second.page);
  assert.match(stale, /ვიღაცამ ეს შეცვალა/);
  assertNotEnglish(stale, 'Someone changed this since you loaded it', 'stale_version in ka');
  await screenshot(second.page, 'refusal-stale-version-ka');
  first.assertNoProblems();
  for (const opened of [first, second]) await opened.context.close();

  const admin = await openAs('az.administrator', 'az');
  const { page } = admin;
  await page.click('[data-nav="users"]');
  await page.locator('[data-testid="users"] tbody tr').first().waitFor();
  await page.fill('#new-username', 'az.viewer');
  await page.fill('#new-display-name', 'Dublikat');
  await page.fill('#new-password', 'a-long-enough-password');
  await page.click('[data-testid="add-user"] button[type="submit"]');
  const field = page.locator('[data-field-error="new-username"]');
  await field.waitFor();
  assert.equal(await field.innerText(), 'Bu istifadəçi adı artıq istifadə olunur.');
  const taken = await message(page, '[data-testid="add-user"]');
  assert.equal(taken, 'Dəyişiklik edilmədi: Bu istifadəçi adı artıq istifadə olunur.');
  assertNotEnglish(taken, 'This user name is taken.', 'username_taken in az');
  await screenshot(page, 'refusal-username-taken-az');
  admin.assertNoProblems();
  await admin.context.close();
});

/** A plan of the test's own in negotiation (the first free year from 2070). */
async function negotiatedPlan(azCoord, geCoord) {
  const year = await freeYear(azCoord, 2070, 2100);
  const plan = await ok(azCoord, 'POST', '/api/v1/plans', { body: { year } });
  const proposed = await ok(azCoord, 'POST', `/api/v1/plans/${year}/transitions`, {
    body: { action: 'propose', to: 'negotiation' }, version: plan.version,
  });
  await ok(geCoord, 'POST', `/api/v1/plans/${year}/transitions`, { body: { action: 'confirm' }, version: proposed.version });
  return year;
}

/** A field's error and the form's message, both free of English. */
async function assertFieldRefused(page, field, what) {
  const error = page.locator(`[data-field-error="${field}"]`);
  await error.waitFor();
  const words = await error.innerText();
  assertNotEnglish(words, null, what);
  return words;
}

test('the activity form, a comment, an upload and an import refuse in az and ka without English', async () => {
  const azCoord = await openAs('az.coordinator', 'en');
  const geCoord = await openAs('ge.coordinator', 'en');
  const gePlanner = await openAs('ge.planner', 'ka');
  const azPlanner = await openAs('az.planner', 'az');
  const year = await negotiatedPlan(azCoord.page, geCoord.page);

  // A date outside the plan's year, then an impossible one (ka).
  const g = gePlanner.page;
  await g.goto(`${BASE}/plans/${year}/new`);
  await g.locator('[data-testid="activity-form"]').waitFor();
  await g.fill('#title', 'ლოჯისტიკის სემინარი');
  await g.fill('#start_date', `${year - 1}-05-12`);
  await g.click('[data-testid="save"]');
  const outside = await assertFieldRefused(g, 'start_date', 'outside_year in ka');
  assert.match(outside, /[\u10D0-\u10FF]/, 'in Georgian');
  assertNotEnglish(await message(g), null, 'the form\'s message in ka');
  await g.fill('#start_date', `${year}-02-30`);
  await g.click('[data-testid="save"]');
  // "Not a date: write it as …, e.g. 2027-05-14", the format in Georgian letters.
  await g.locator('[data-field-error="start_date"]', { hasText: '2027-05-14' }).waitFor();
  await assertFieldRefused(g, 'start_date', 'an impossible date in ka');
  await screenshot(g, 'refusal-date-ka');

  // A comment too long (az), said next to the field and above it.
  const made = await ok(azPlanner.page, 'POST', `/api/v1/plans/${year}/activities`, {
    body: {
      title: 'Rədd yoxlaması', description: 'Brauzer testi.', area: 'logistics',
      form: 'official_visits_staff_meetings', host_party: 'az', location: 'Bakı', month: 6, cost: 'shared',
    },
  });
  await ok(azPlanner.page, 'POST', `/api/v1/activities/${made.id}/share`, { version: made.version });
  const p = azPlanner.page;
  await p.goto(`${BASE}/activities/${made.id}`);
  await p.locator('[data-testid="comments"] textarea').waitFor();
  await p.fill('[data-testid="comments"] textarea', 'ə'.repeat(4001));
  await p.click('[data-testid="comments-send"]');
  const tooLong = p.locator('[data-testid="comments"] .field-error');
  await tooLong.waitFor();
  assertNotEnglish(await tooLong.innerText(), null, 'a comment too long in az');
  assertNotEnglish(await message(p, '[data-testid="comments"]'), 'body may have at most 4000 characters', 'the comment\'s refusal in az');

  // An upload of the wrong type, then one too large (az).
  await p.setInputFiles('#document-file', { name: 'qeydlər.txt', mimeType: 'text/plain', buffer: Buffer.from('mətn') });
  await p.click('[data-testid="upload"] [data-testid="upload-button"]');
  const upload = p.locator('[data-testid="upload-message"]');
  await upload.waitFor();
  assertNotEnglish(await upload.innerText(), null, 'a wrong file type in az');
  await p.setInputFiles('#document-file', {
    name: 'böyük.pdf', mimeType: 'application/pdf', buffer: Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(26 * 1024 * 1024, 32)]),
  });
  await p.click('[data-testid="upload"] [data-testid="upload-button"]');
  await p.locator('[data-testid="upload-message"]', { hasText: /25/ }).waitFor({ timeout: 30_000 });
  assertNotEnglish(await upload.innerText(), null, 'a file too large in az');
  await screenshot(p, 'refusal-upload-az');

  // An import with errors, each named by row and column in Azerbaijani.
  await p.goto(`${BASE}/plans/${year}/table`);
  await p.locator('[data-testid="import"] summary').click();
  const header = 'Tədbir,Təsvir,Əməkdaşlıq sahəsi,Əməkdaşlıq forması,Qəbul edən tərəf,Yer,Başlama tarixi,Bitmə tarixi,Ay,Xərclərin ödənilməsi,İştirakçılar,Məsul bölmə';
  const row = `Sınaq tədbiri,Təsvir,qeyri-müəyyən,qeyri-müəyyən,qeyri-müəyyən,Bakı,${year}-02-30,,,qeyri-müəyyən,iki,Bölmə`;
  await p.setInputFiles('#import-file', { name: 'plan.csv', mimeType: 'text/csv', buffer: Buffer.from(`\uFEFF${header}\r\n${row}\r\n`) });
  await p.click('[data-testid="import-check"]');
  const faults = p.locator('[data-testid="import-faults"] li');
  await faults.first().waitFor();
  for (const fault of await faults.allInnerTexts()) assertNotEnglish(fault, null, `an import fault in az: ${fault}`);
  assert.ok((await faults.allInnerTexts()).some((f) => f.includes('Başlama tarixi')), 'the date\'s column is named');
  await screenshot(p, 'refusal-import-az');
  for (const opened of [azCoord, geCoord, gePlanner, azPlanner]) {
    opened.assertNoProblems();
    await opened.context.close();
  }
});

test('a webhook address that is not https, and a plan whose year is not over, are explained in ka', async () => {
  const admin = await openAs('ge.administrator', 'ka');
  const { page } = admin;
  await page.goto(`${BASE}/webhooks`);
  await page.fill('#webhook-url', 'http://hooks.example.ge/concord');
  await page.click('[data-testid="create-webhook"] button[type="submit"]');
  await assertFieldRefused(page, 'webhook-url', 'insecure_url in ka');
  admin.assertNoProblems();
  await admin.context.close();

  // A plan signed by both parties in a year not over yet: closing it is blocked.
  const azCoord = await openAs('az.coordinator', 'en');
  const geCoord = await openAs('ge.coordinator', 'ka');
  const azPlanner = await openAs('az.planner', 'en');
  const year = await negotiatedPlan(azCoord.page, geCoord.page);
  const made = await ok(azPlanner.page, 'POST', `/api/v1/plans/${year}/activities`, {
    body: {
      title: 'Signed plan probe', description: 'Made by the refusals browser test.', area: 'logistics',
      form: 'official_visits_staff_meetings', host_party: 'ge', location: 'Tbilisi', month: 6, cost: 'shared',
    },
  });
  let current = await ok(azPlanner.page, 'POST', `/api/v1/activities/${made.id}/share`, { version: made.version });
  // Agreement needs the activity's text in both parties' languages, each written by its party.
  const gePlanner = await openAs('ge.planner', 'ka');
  await translateBoth(azPlanner.page, gePlanner.page, made.id);
  await gePlanner.context.close();
  for (const coord of [azCoord.page, geCoord.page]) {
    current = await ok(coord, 'POST', `/api/v1/activities/${made.id}/consent`, {
      body: { decision: 'accept', comment: '' }, version: current.version,
    });
  }
  const planNow = await ok(geCoord.page, 'GET', `/api/v1/plans/${year}`);
  const proposed = await ok(geCoord.page, 'POST', `/api/v1/plans/${year}/transitions`, {
    body: { action: 'propose', to: 'agreed' }, version: planNow.version,
  });
  await ok(azCoord.page, 'POST', `/api/v1/plans/${year}/transitions`, { body: { action: 'confirm' }, version: proposed.version });
  const today = new Date().toISOString().slice(0, 10);
  for (const [coord, signatory] of [[azCoord.page, 'Z. Hasanov'], [geCoord.page, 'I. Chikovani']]) {
    const plan = await ok(coord, 'GET', `/api/v1/plans/${year}`);
    await ok(coord, 'POST', `/api/v1/plans/${year}/signatures`, {
      body: { signatory, position: 'Minister of Defence', signed_on: today, place: 'Tbilisi' }, version: plan.version,
    });
  }
  const g = geCoord.page;
  await g.goto(`${BASE}/plans/${year}`);
  const blocker = g.locator('[data-testid="blockers"] li[data-blocker="year_not_over"]');
  await blocker.waitFor();
  const words = await blocker.innerText();
  assert.match(words, /31 დეკემბრის/, words);
  assertNotEnglish(words, null, 'year_not_over in ka');
  assert.doesNotMatch(words, /Something else/, 'not the generic text');
  await assertAccessible(g, 'a signed plan\'s blockers (ka)');
  await screenshot(g, 'refusal-year-not-over-ka');
  for (const opened of [azCoord, geCoord, azPlanner]) {
    opened.assertNoProblems();
    await opened.context.close();
  }
});
