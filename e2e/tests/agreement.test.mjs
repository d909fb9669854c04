// The Agreement page in a real browser: every area and form from the API, in
// every language, the choice of language surviving a reload, no console
// error or CSP violation, no serious accessibility violation. The API needs a
// session, so every test signs in first (the reference is read through the
// signed-in page).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { BASE, launch, openPage, login, assertAccessible, screenshot, texts } from '../lib/harness.mjs';

const USER = 'az.viewer';
let browser;
let reference;

before(async () => {
  browser = await launch();
});

/** Reads `/api/v1/reference` with the page's session. */
async function readReference(page) {
  return page.evaluate(async () => {
    const response = await fetch('/api/v1/reference', { headers: { accept: 'application/json' } });
    if (response.status !== 200) throw new Error(`reference: HTTP ${response.status}`);
    return response.json();
  });
}

after(async () => {
  await browser?.close();
});

async function labelsShown(page) {
  return {
    areas: await texts(page, '[data-area] .label'),
    forms: await texts(page, '[data-form] .label'),
  };
}

function labelsIn(lang) {
  return {
    areas: reference.areas.map((a) => a.label[lang]),
    forms: reference.forms.map((f) => f.label[lang]),
  };
}

test('the Agreement page lists all 14 areas and 7 forms, and Georgian survives a reload', async () => {
  const { page, context, assertNoProblems } = await openPage(browser);
  await page.goto(`${BASE}/`);
  await page.waitForURL((url) => url.pathname === '/login');
  assert.equal(new URL(page.url()).searchParams.get('next'), '/');
  await login(page, USER);
  await page.locator('[data-area]').nth(13).waitFor();
  assert.equal(new URL(page.url()).pathname, '/');
  reference = await readReference(page);

  assert.equal(await page.locator('[data-area]').count(), 14);
  assert.equal(await page.locator('[data-form]').count(), 7);
  assert.deepEqual(await labelsShown(page), labelsIn('en'));
  assert.equal(await page.locator('[data-party="az"] [data-testid="authority"]').innerText(),
    reference.parties[0].competent_authority.en);
  await assertAccessible(page, 'the Agreement page in English');
  await screenshot(page, 'agreement-en');

  await page.click('button[data-lang="ka"]');
  await page.waitForFunction(() => document.documentElement.lang === 'ka');
  assert.deepEqual(await labelsShown(page), labelsIn('ka'));
  assert.equal(await page.locator('[data-party="ge"] [data-testid="authority"]').innerText(),
    reference.parties[1].competent_authority.ka);
  await assertAccessible(page, 'the Agreement page in Georgian');
  await screenshot(page, 'agreement-ka');

  await page.reload();
  await page.locator('[data-area]').nth(13).waitFor();
  assert.equal(await page.evaluate(() => document.documentElement.lang), 'ka');
  assert.equal(await page.getAttribute('button[data-lang="ka"]', 'aria-pressed'), 'true');
  assert.deepEqual(await labelsShown(page), labelsIn('ka'), 'still Georgian after a reload');

  await page.click('button[data-lang="az"]');
  await page.waitForFunction(() => document.documentElement.lang === 'az');
  assert.deepEqual(await labelsShown(page), labelsIn('az'));
  await assertAccessible(page, 'the Agreement page in Azerbaijani');
  await screenshot(page, 'agreement-az');

  assertNoProblems();
  await context.close();
});

test('a client-side route survives a reload, and an unknown one says so in the app', async () => {
  const { page, context, assertNoProblems } = await openPage(browser);
  await page.goto(`${BASE}/agreement`);
  await login(page, USER);
  await page.locator('[data-area]').nth(13).waitFor();
  assert.equal(new URL(page.url()).pathname, '/agreement', 'back where the user wanted to go');
  await page.reload();
  await page.locator('[data-area]').nth(13).waitFor();

  await page.goto(`${BASE}/no/such/page`);
  await page.getByRole('heading', { name: 'Page not found' }).waitFor();

  assertNoProblems();
  await context.close();
});

test('when the reference cannot be loaded the page says so and can try again', async () => {
  const { page, context } = await openPage(browser);
  await login(page, USER);
  await page.route('**/api/v1/reference', (route) =>
    route.fulfill({ status: 500, contentType: 'application/problem+json', body: '{"type":"about:blank","title":"Internal Server Error","status":500}' }));
  await page.goto(`${BASE}/agreement`);
  const alert = page.getByRole('alert');
  await alert.waitFor();
  assert.match(await alert.innerText(), /could not be loaded/);
  await assertAccessible(page, 'the load error');

  await page.unroute('**/api/v1/reference');
  await page.getByRole('button', { name: 'Try again' }).click();
  await page.locator('[data-area]').nth(13).waitFor();
  assert.equal(await page.getByRole('alert').count(), 0);
  await context.close();
});
