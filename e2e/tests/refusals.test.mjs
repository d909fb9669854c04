// Refusals in the user's language: the web app words every refusal from its
// own translations (the code and its parameters), never the server's English
// `detail`. Reached through the UI in Azerbaijani and Georgian: a plan that
// cannot be agreed yet (with its numbers, beside the disabled button), a stale version from two tabs and
// a taken user name. The plans made here use the first free years from 2070,
// away from the other tests' years.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { BASE, launch, api, openAs as openAsIn, switchLanguage, assertAccessible, screenshot } from '../lib/harness.mjs';

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

async function ok(page, method, path, options) {
  const r = await api(page, method, path, options);
  assert.ok(r.status >= 200 && r.status < 300, `${method} ${path}: ${r.status} ${JSON.stringify(r.body)}`);
  return r.body;
}

async function freeYear(page) {
  const taken = new Set((await ok(page, 'GET', '/api/v1/plans')).map((p) => p.year));
  for (let year = 2070; year < 2100; year += 1) {
    if (!taken.has(year)) return year;
  }
  throw new Error('no free year for a plan of the test');
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
  const year = await freeYear(azCoord.page);
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
  const year = await freeYear(first.page);
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
