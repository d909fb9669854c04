// The user's language is the user's (issue 17, item 8), and plans are
// opened and named in the interface (item 5): in a real browser.
//
// The language is stored on the server: a switch here follows the demo user
// into later tests, so every test puts back English before it ends (the
// harness's `login` also starts each page in English unless told not to).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  BASE, launch, openPage, login, signedInPage, switchLanguage, assertAccessible, api,
} from '../lib/harness.mjs';

const THIS_YEAR = new Date().getFullYear();
let browser;

before(async () => {
  browser = await launch();
});

after(async () => {
  await browser?.close();
});

async function me(page) {
  return (await api(page, 'GET', '/api/v1/me')).body;
}

async function htmlLang(page) {
  return page.evaluate(() => document.documentElement.lang);
}

/** Switches with the header's buttons and waits until the server has stored it. */
async function switchAndStore(page, lang) {
  const stored = page.waitForResponse((r) => r.url().endsWith('/api/v1/me/language') && r.request().method() === 'PUT');
  await switchLanguage(page, lang);
  assert.equal((await stored).status(), 200);
}

test('the switcher stores the language, and it follows the user to another machine', async () => {
  const laptop = await signedInPage(browser, 'ge.planner');
  await switchAndStore(laptop.page, 'ka');
  assert.equal((await me(laptop.page)).language, 'ka');

  // Another machine: a fresh browser context, its browser in English.
  const office = await signedInPage(browser, 'ge.planner', { keepLanguage: true, locale: 'en-US' });
  await office.page.waitForFunction(() => document.documentElement.lang === 'ka');
  assert.equal(await office.page.locator('button[data-lang="ka"]').getAttribute('aria-pressed'), 'true');
  await assertAccessible(office.page, 'signed in on another machine (ka)');

  // Switching there changes it for the next sign-in anywhere.
  await switchAndStore(office.page, 'az');
  const third = await signedInPage(browser, 'ge.planner', { keepLanguage: true });
  await third.page.waitForFunction(() => document.documentElement.lang === 'az');

  await switchAndStore(third.page, 'en');
  for (const opened of [laptop, office, third]) {
    opened.assertNoProblems?.();
    await opened.context.close();
  }
});

test('at the first sign-in the browser\'s language is stored: az for az-*, ka for ka-*', async () => {
  const admin = await signedInPage(browser, 'az.administrator');
  for (const [locale, lang] of [['az-AZ', 'az'], ['ka-GE', 'ka'], ['fr-FR', 'en']]) {
    const username = `lang.${lang}.${Date.now()}`;
    const password = `a long password ${Date.now()}`;
    const created = await api(admin.page, 'POST', '/api/v1/users', {
      body: { username, display_name: `Language ${lang}`, position: 'Officer', role: 'viewer', password },
    });
    assert.equal(created.status, 201, JSON.stringify(created.body));

    const fresh = await openPage(browser, { locale });
    const stored = fresh.page.waitForResponse((r) => r.url().endsWith('/api/v1/me/language'));
    await login(fresh.page, username, { password, keepLanguage: true });
    assert.equal((await stored).status(), 200);
    assert.equal(await htmlLang(fresh.page), lang, locale);
    assert.equal((await me(fresh.page)).language, lang, locale);
    await fresh.context.close();

    // Elsewhere, with another browser language, the stored one wins.
    const other = await openPage(browser, { locale: lang === 'ka' ? 'az-AZ' : 'ka-GE' });
    await login(other.page, username, { password, keepLanguage: true });
    await other.page.waitForFunction((l) => document.documentElement.lang === l, lang);
    await other.context.close();
  }
  await admin.context.close();
});

test('a coordinator opens this or next year\'s plan from the plans page; others are not offered it', async () => {
  const planner = await signedInPage(browser, 'az.planner');
  await planner.page.goto(`${BASE}/plans`);
  await planner.page.locator('[data-testid="plans"]').waitFor();
  assert.equal(await planner.page.locator('[data-testid="open-plan"]').count(), 0, 'planners do not open plans');
  await planner.context.close();

  const coord = await signedInPage(browser, 'ge.coordinator');
  const page = coord.page;
  await page.goto(`${BASE}/plans`);
  await page.locator('[data-testid="plans"], .empty').first().waitFor();
  const years = (await api(page, 'GET', '/api/v1/plans')).body.map((p) => p.year);
  const expected = [THIS_YEAR, THIS_YEAR + 1].find((y) => !years.includes(y));
  const button = page.locator('[data-testid="open-plan"]');
  if (expected === undefined) {
    assert.equal(await button.count(), 0, 'both years have their plan');
  } else {
    assert.equal(Number(await button.getAttribute('data-year')), expected);
    assert.equal((await button.textContent()).trim(), `Open the plan for ${expected}`);
    await assertAccessible(page, 'the plans page with the open button');
    await button.click();
    await page.waitForURL((url) => url.pathname === `/plans/${expected}`);
    await page.locator('[data-testid="plan-state"][data-state="drafting"]').waitFor();
    assert.equal((await api(page, 'GET', `/api/v1/plans/${expected}`)).status, 200);
  }
  await coord.context.close();
});

test('plan titles follow a language switch at once, and the plan page says what its counts count', async () => {
  const opened = await signedInPage(browser, 'az.planner');
  const page = opened.page;
  await page.goto(`${BASE}/plans`);
  const first = page.locator('[data-testid="plans"] li a').first();
  await first.waitFor();
  assert.match(await first.textContent(), /^Annual cooperation plan \d{4}$/);
  await switchAndStore(page, 'az');
  assert.match(await first.textContent(), /^\d{4} illik əməkdaşlıq planı$/, 'no reload needed');
  await switchAndStore(page, 'ka');
  assert.match(await first.textContent(), /^თანამშრომლობის წლიური გეგმა \d{4}$/);
  await switchAndStore(page, 'en');

  const year = Number((await first.getAttribute('href')).split('/').pop());
  await page.goto(`${BASE}/plans/${year}`);
  const inPlan = page.locator('[data-testid="activity-count"]');
  const seen = page.locator('[data-testid="visible-count"]');
  await inPlan.waitFor();
  await page.waitForFunction(() => /\d/.test(document.querySelector('[data-testid="visible-count"]')?.textContent ?? ''));
  assert.match(await inPlan.textContent(), /not rejected or withdrawn/);
  assert.match(await seen.textContent(), /drafts/);
  const number = async (loc) => Number((await loc.textContent()).match(/[\d\s,.]+/)[0].replace(/\D/g, ''));
  const plan = (await api(page, 'GET', `/api/v1/plans/${year}`)).body;
  const all = (await api(page, 'GET', `/api/v1/plans/${year}/activities?limit=1`)).body;
  assert.equal(await number(inPlan), plan.activity_count);
  assert.equal(await number(seen), all.total);
  assert.ok(all.total >= plan.activity_count);
  await assertAccessible(page, 'the plan page with its counts');
  await opened.context.close();
});
