// Safe, forgiving editing (issue 17, item 7): withdrawing an activity and
// deleting a never-shared draft ask first (Escape and "Keep it" keep it);
// an impossible typed date (31 February) is an error next to its field,
// never a silently shorter activity; date fields show and take ISO
// YYYY-MM-DD in a German browser too; focus goes to the page's heading
// after a route change, a save and a share, to the first invalid field
// after a refused submit, and to the content from the skip link. The plans
// are the test's own (the first free years from 2050).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  BASE, launch, api, openAs as openAsIn, signedInPage, assertAccessible, screenshot, focused, waitForFocus, ok,
} from '../lib/harness.mjs';

const openAs = (username, lang) => openAsIn(browser, username, lang);
let browser;
let german;
let year;

before(async () => {
  browser = await launch();
  german = await launch({ args: ['--lang=de-DE'] });
});

after(async () => {
  await browser?.close();
  await german?.close();
});

/** The test's plan in negotiation (made once, the first free year from 2050). */
async function plan() {
  if (year) return year;
  const az = await openAs('az.coordinator', 'en');
  const ge = await openAs('ge.coordinator', 'en');
  const taken = new Set((await ok(az.page, 'GET', '/api/v1/plans')).map((p) => p.year));
  year = [...Array(10).keys()].map((i) => 2050 + i).find((y) => !taken.has(y));
  assert.ok(year, 'a free year for the test\'s plan');
  const made = await ok(az.page, 'POST', '/api/v1/plans', { body: { year } });
  const proposed = await ok(az.page, 'POST', `/api/v1/plans/${year}/transitions`, {
    body: { action: 'propose', to: 'negotiation' }, version: made.version,
  });
  await ok(ge.page, 'POST', `/api/v1/plans/${year}/transitions`, { body: { action: 'confirm' }, version: proposed.version });
  await az.context.close();
  await ge.context.close();
  return year;
}

async function draft(page, title) {
  return ok(page, 'POST', `/api/v1/plans/${await plan()}/activities`, {
    body: {
      title, description: 'Made by the editing browser test.', area: 'logistics',
      form: 'official_visits_staff_meetings', host_party: 'ge', location: 'Tbilisi', month: 6, cost: 'shared',
    },
  });
}

test('deleting a never-shared draft and withdrawing an activity ask first; keeping is the default answer (az)', async () => {
  const { page, context, assertNoProblems } = await openAs('az.planner', 'az');
  const first = await draft(page, `Draft to delete ${Date.now()}`);
  await page.goto(`${BASE}/activities/${first.id}`);
  await page.locator('[data-testid="consent-state"][data-state="draft"]').waitFor();

  // Asked; focus on "Keep it"; Escape keeps it and gives focus back.
  await page.click('[data-testid="delete-draft"]');
  const asking = page.locator('[data-testid="ask-delete-draft"]');
  await asking.waitFor();
  assert.match(await asking.innerText(), /heç vaxt paylaşılmayıb/, 'the question, in Azerbaijani');
  await waitForFocus(page, '[data-testid="keep-delete-draft"]');
  await assertAccessible(page, 'the delete question (az)');
  await screenshot(page, 'editing-delete-question-az');
  await page.keyboard.press('Escape');
  await page.locator('[data-testid="delete-draft"]').waitFor();
  await waitForFocus(page, '[data-testid="delete-draft"]');
  assert.equal((await api(page, 'GET', `/api/v1/activities/${first.id}`)).status, 200, 'kept');
  await page.click('[data-testid="delete-draft"]');
  await page.click('[data-testid="keep-delete-draft"]');
  assert.equal((await api(page, 'GET', `/api/v1/activities/${first.id}`)).status, 200, 'kept again');

  // Said yes: deleted, and the plan's board is shown.
  await page.click('[data-testid="delete-draft"]');
  await page.click('[data-testid="confirm-delete-draft"]');
  await page.waitForURL((url) => url.pathname === `/plans/${year}/board`);
  assert.equal((await api(page, 'GET', `/api/v1/activities/${first.id}`)).status, 404, 'deleted');

  // Shared once: never deletable again, only withdrawn, and that asks too.
  const second = await draft(page, `Draft to withdraw ${Date.now()}`);
  await page.goto(`${BASE}/activities/${second.id}`);
  await page.locator('[data-testid="share"]').click();
  await page.locator('[data-testid="consent-state"][data-state="pending"]').waitFor();
  // After the share, focus is on the page's heading.
  await waitForFocus(page, 'main h1');
  assert.equal(await page.locator('[data-testid="delete-draft"]').count(), 0, 'a shared activity is not deletable');
  await page.click('[data-testid="withdraw"]');
  await page.locator('[data-testid="ask-withdraw"]').waitFor();
  await waitForFocus(page, '[data-testid="keep-withdraw"]');
  await page.click('[data-testid="keep-withdraw"]');
  assert.equal(await page.locator('[data-testid="consent-state"]').getAttribute('data-state'), 'pending', 'kept');
  await page.click('[data-testid="withdraw"]');
  await page.click('[data-testid="confirm-withdraw"]');
  await page.locator('[data-testid="consent-state"][data-state="withdrawn"]').waitFor();
  assert.equal(await page.locator('[data-testid="delete-draft"]').count(), 0, 'withdrawn after sharing: not deletable');
  assertNoProblems();
  await context.close();
});

test('in a German browser dates are ISO, and 31 February is an error next to its field, never a one-day activity', async () => {
  const y = await plan();
  const opened = await signedInPage(german, 'az.planner', { locale: 'de-DE' });
  const { page } = opened;
  assert.equal(await page.evaluate(() => navigator.language), 'de-DE');
  await page.goto(`${BASE}/plans/${y}/new`);
  await page.locator('[data-testid="activity-form"]').waitFor();

  // An empty submit: focus on the first invalid field.
  await page.click('[data-testid="save"]');
  await page.locator('[data-field-error="title"]').waitFor();
  await waitForFocus(page, '#title');

  const title = `ISO dates ${Date.now()}`;
  await page.fill('#title', title);
  await page.selectOption('#area', 'logistics');
  await page.selectOption('#form', 'official_visits_staff_meetings');
  await page.selectOption('#host_party', 'ge');
  await page.fill('#location', 'Tbilisi');
  const start = page.locator('#start_date');
  assert.equal(await start.getAttribute('type'), 'text', 'no locale-dependent date picker');
  assert.equal(await start.getAttribute('placeholder'), 'YYYY-MM-DD');
  await page.fill('#start_date', `${y}-02-27`);
  await page.fill('#end_date', `${y}-02-31`);
  await page.click('[data-testid="save"]');
  const error = page.locator('[data-field-error="end_date"]');
  await error.waitFor();
  assert.match(await error.innerText(), /YYYY-MM-DD/);
  await waitForFocus(page, '#end_date');
  assert.equal(await page.inputValue('#end_date'), `${y}-02-31`, 'what was typed stays to be corrected');
  assert.equal(new URL(page.url()).pathname, `/plans/${y}/new`, 'nothing saved');
  await assertAccessible(page, 'an impossible date (en, German browser)');
  await screenshot(page, 'editing-impossible-date-en');
  // A German date is not taken for ISO either.
  await page.fill('#end_date', `28.02.${y}`);
  await page.click('[data-testid="save"]');
  await error.waitFor();

  await page.fill('#end_date', `${y}-02-28`);
  await page.click('[data-testid="save"]');
  await page.waitForURL((url) => /^\/activities\/\d+$/.test(url.pathname));
  const id = Number(new URL(page.url()).pathname.split('/').pop());
  const saved = await ok(page, 'GET', `/api/v1/activities/${id}`);
  assert.equal(saved.start_date, `${y}-02-27`);
  assert.equal(saved.end_date, `${y}-02-28`, 'the last day as typed, not dropped');

  // Editing shows the dates as ISO; a save gives focus to the heading.
  await page.click('[data-testid="edit"]');
  assert.equal(await page.inputValue('#start_date'), `${y}-02-27`);
  assert.equal(await page.inputValue('#end_date'), `${y}-02-28`);
  await page.fill('#location', 'Batumi');
  await page.click('[data-testid="save"]');
  await page.locator('[data-testid="details"]').waitFor();
  await waitForFocus(page, 'main h1');
  opened.assertNoProblems();
  await opened.context.close();
});

test('a route change focuses the new page\'s heading; the skip link focuses the content (ka)', async () => {
  const y = await plan();
  const { page, context, assertNoProblems } = await openAs('ge.coordinator', 'ka');
  await page.goto(`${BASE}/plans/${y}`);
  await page.locator('[data-testid="plan-state"]').waitFor();
  await page.click('[data-tab="board"]');
  await page.waitForURL((url) => url.pathname === `/plans/${y}/board`);
  await waitForFocus(page, 'main h1');
  const heading = await focused(page);
  assert.match(heading.text, new RegExp(String(y)), 'the board\'s heading names the plan');
  await page.click('a[data-nav="plans"]');
  await page.waitForURL((url) => url.pathname === '/plans');
  await waitForFocus(page, 'main h1');

  // On a fresh page the skip link is the first Tab stop; Enter takes focus into the content.
  await page.reload();
  await page.locator('main h1').waitFor();
  await page.keyboard.press('Tab');
  await waitForFocus(page, 'a.skip-link');
  await page.keyboard.press('Enter');
  await waitForFocus(page, 'main');
  assertNoProblems();
  await context.close();
});
