// Signing in and out, the navigation each role gets, the session ending
// while the user works, My account, and the administrator's Users and API
// tokens pages: in a real browser, with axe and screenshots in every language.
//
// The server limits failed sign-ins (5 per user name, 20 per address in 15
// minutes): this file makes two failed attempts in all, on different users.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
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

/** `GET /api/v1/me` with the page's session. */
async function me(page) {
  return page.evaluate(() => fetch('/api/v1/me', { headers: { accept: 'application/json' } }).then((r) => r.json()));
}

async function navItems(page) {
  return page.locator('[data-nav]').evaluateAll((links) => links.map((a) => a.dataset.nav));
}

test('each role sees exactly its navigation, and the header names the user, party and role', async () => {
  const expected = {
    'az.viewer': ['agreement', 'plans', 'inbox', 'account', 'alerts', 'instruments', 'authorities', 'who'],
    'az.planner': ['agreement', 'plans', 'inbox', 'account', 'alerts', 'instruments', 'authorities', 'who'],
    'az.coordinator': ['agreement', 'plans', 'inbox', 'account', 'alerts', 'instruments', 'authorities', 'who'],
    'az.administrator': ['agreement', 'plans', 'inbox', 'account', 'alerts', 'users', 'tokens', 'webhooks', 'instruments', 'authorities', 'who'],
  };
  for (const [username, nav] of Object.entries(expected)) {
    const { page, context, assertNoProblems } = await signedInPage(browser, username);
    assert.deepEqual(await navItems(page), nav, `navigation of ${username}`);
    const who = await me(page);
    assert.equal(await page.locator('[data-testid="user-name"]').innerText(), who.display_name);
    assert.ok(who.display_name.length > 0);
    assert.equal(await page.locator('[data-testid="user-party"]').innerText(), 'AZ');
    assert.equal(await page.locator('[data-testid="user-role"]').innerText(), username.split('.')[1]);

    await switchLanguage(page, 'az');
    assert.equal(await page.locator('[data-testid="user-role"]').innerText(),
      { viewer: 'müşahidəçi', planner: 'planlaşdırıcı', coordinator: 'koordinator', administrator: 'administrator' }[username.split('.')[1]]);
    await switchLanguage(page, 'en');

    if (username === 'az.viewer') {
      // A viewer typing the administrators' address is told, not shown.
      await page.goto(`${BASE}/users`);
      await page.getByRole('alert').waitFor();
      assert.match(await page.getByRole('alert').innerText(), /role does not allow/);
      // Signing out leads to the login page and the session is gone.
      await page.click('[data-testid="sign-out"]');
      await page.waitForURL((url) => url.pathname === '/login');
      await page.locator('[data-testid="login-notice"]').waitFor();
      assert.match(await page.locator('[data-testid="login-notice"]').innerText(), /signed out/);
      assert.equal(await page.locator('[data-nav]').count(), 0);
      const status = await page.evaluate(() => fetch('/api/v1/me').then((r) => r.status));
      assert.equal(status, 401);
    }
    assertNoProblems();
    await context.close();
  }
});

test('a wrong password is refused in plain words, and the login page passes axe in every language', async () => {
  const { page, context } = await openPage(browser);
  await page.goto(`${BASE}/login`);
  await page.locator('#username').waitFor();
  await assertAccessible(page, 'the login page');
  for (const lang of LANGS) {
    await switchLanguage(page, lang);
    await screenshot(page, `login-${lang}`);
  }
  await switchLanguage(page, 'en');

  // Empty fields are caught before asking the server.
  await page.click('form button[type="submit"]');
  await page.locator('[data-field-error="username"]').waitFor();
  assert.equal(await page.locator('#username').getAttribute('aria-invalid'), 'true');

  await page.fill('#username', 'ge.viewer');
  await page.fill('#password', 'not-the-password-at-all');
  await page.click('form button[type="submit"]');
  const error = page.locator('[data-testid="login-error"]');
  await error.waitFor();
  assert.equal(await error.innerText(), 'The user name or password is not correct. Check both and try again.');
  assert.equal(new URL(page.url()).pathname, '/login');
  assert.equal(await page.inputValue('#password'), '', 'the wrong password is cleared');
  await assertAccessible(page, 'the login page with an error');
  await screenshot(page, 'login-error-en');

  // Rate-limited (simulated, so no real failures pile up): the wait in minutes.
  await page.route('**/api/v1/auth/login', (route) => route.fulfill({
    status: 429,
    contentType: 'application/problem+json',
    headers: { 'retry-after': '840' },
    body: JSON.stringify({ type: 'about:blank', title: 'Too Many Requests', status: 429, retry_after: 840 }),
  }));
  await page.fill('#password', 'another-guess-entirely');
  await page.click('form button[type="submit"]');
  await page.locator('[data-testid="login-error"]', { hasText: 'Too many failed sign-ins' }).waitFor();
  assert.equal(await error.innerText(), 'Too many failed sign-ins. Try again in 14 minutes.');
  await switchLanguage(page, 'az');
  assert.equal(await error.innerText(), 'Həddən artıq uğursuz giriş cəhdi olub. 14 dəqiqədən sonra yenidən cəhd edin.');
  await switchLanguage(page, 'en');

  // The server cannot be reached.
  await page.unroute('**/api/v1/auth/login');
  await page.route('**/api/v1/auth/login', (route) => route.abort('connectionrefused'));
  await page.fill('#password', 'another-guess-entirely');
  await page.click('form button[type="submit"]');
  await page.locator('[data-testid="login-error"]', { hasText: 'did not answer' }).waitFor();
  await page.unroute('**/api/v1/auth/login');
  // The failed request logs a 401 in the console; that is the browser, not the app.
  await context.close();
});

test('after sign-in the user goes to ?next= only within the app', async () => {
  const { page, context, assertNoProblems } = await openPage(browser);
  await page.goto(`${BASE}/login?next=${encodeURIComponent('https://example.org/steal')}`);
  await login(page, 'ge.planner');
  await page.waitForURL((url) => url.pathname === '/agreement');
  assert.equal(new URL(page.url()).host, new URL(BASE).host);
  await context.close();

  const second = await openPage(browser);
  await second.page.goto(`${BASE}/login?next=${encodeURIComponent('//example.org/x')}`);
  await login(second.page, 'ge.planner');
  await second.page.waitForURL((url) => url.pathname === '/agreement');
  second.assertNoProblems();
  await second.context.close();
  assertNoProblems();
});

test('when the session ends, the user signs in again and is back where they were', async () => {
  const { page, context } = await signedInPage(browser, 'az.coordinator');
  await page.goto(`${BASE}/account`);
  await page.locator('[data-testid="account-facts"]').waitFor();

  // Expired or revoked on the server: the cookie no longer works.
  await context.clearCookies();
  await page.reload();
  await page.waitForURL((url) => url.pathname === '/login');
  assert.equal(new URL(page.url()).searchParams.get('next'), '/account');
  assert.equal(await page.locator('[data-testid="login-notice"]').innerText(),
    'Your session has ended. Please sign in again.');
  await login(page, 'az.coordinator');
  await page.waitForURL((url) => url.pathname === '/account');
  await page.locator('[data-testid="account-facts"]').waitFor();

  // The same without a reload: the next API call answers 401.
  await context.clearCookies();
  await page.click('[data-nav="agreement"]');
  await page.waitForURL((url) => url.pathname === '/login');
  assert.equal(new URL(page.url()).searchParams.get('next'), '/agreement');
  await switchLanguage(page, 'ka');
  assert.equal(await page.locator('[data-testid="login-notice"]').innerText(),
    'თქვენი სესია დასრულდა. გთხოვთ, ხელახლა შეხვიდეთ სისტემაში.');
  await switchLanguage(page, 'en');
  await login(page, 'az.coordinator');
  await page.waitForURL((url) => url.pathname === '/agreement');
  await page.locator('[data-area]').nth(13).waitFor();
  await context.close();
});

test('My account: a wrong current password is reported next to that field; sessions are listed', async () => {
  const { page, context } = await signedInPage(browser, 'az.planner');
  await page.goto(`${BASE}/account`);
  await page.locator('[data-testid="sessions"] tbody tr').first().waitFor();
  assert.ok(await page.locator('[data-testid="this-session"]').count() === 1, 'this session is marked');
  await assertAccessible(page, 'My account');

  // Client-side checks first: too short, and the repetition differs.
  await page.fill('#current_password', 'whatever-it-is');
  await page.fill('#new_password', 'short');
  await page.fill('#repeat_password', 'different');
  await page.click('form[aria-labelledby="password-heading"] button[type="submit"]');
  await page.locator('[data-field-error="new_password"]').waitFor();
  assert.match(await page.locator('[data-field-error="new_password"]').innerText(), /at least 12 characters/);
  assert.match(await page.locator('[data-field-error="repeat_password"]').innerText(), /not the same/);

  // The server's answer: the current password is wrong.
  await page.fill('#current_password', 'certainly-not-my-password');
  await page.fill('#new_password', 'a-brand-new-passphrase-2026');
  await page.fill('#repeat_password', 'a-brand-new-passphrase-2026');
  await page.click('form[aria-labelledby="password-heading"] button[type="submit"]');
  const fieldError = page.locator('[data-field-error="current_password"]');
  await fieldError.waitFor();
  assert.equal(await fieldError.innerText(), 'This is not your current password.');
  assert.equal(await page.locator('#current_password').getAttribute('aria-describedby'), 'current_password-error');
  await assertAccessible(page, 'My account with a field error');
  await context.close();
});

test('an administrator adds a user and creates an API token; pages pass axe in every language', async () => {
  const { page, context, assertNoProblems } = await signedInPage(browser, 'az.administrator');
  const suffix = Date.now().toString(36);

  // Users
  await page.click('[data-nav="users"]');
  await page.locator('[data-testid="users"] tbody tr').first().waitFor();
  const roleOptions = await page.locator('#new-role option').evaluateAll((os) => os.map((o) => o.value));
  assert.deepEqual(roleOptions, ['viewer', 'planner', 'coordinator', 'administrator']);
  await assertAccessible(page, 'the Users page');

  // The server's field errors come back next to the field: a taken user name.
  await page.fill('#new-username', 'az.viewer');
  await page.fill('#new-display-name', 'Duplicate');
  await page.fill('#new-password', 'a-long-enough-password');
  await page.click('[data-testid="add-user"] button[type="submit"]');
  await page.locator('[data-field-error="new-username"]').waitFor();
  assert.match(await page.locator('[data-field-error="new-username"]').innerText(), /already taken/);

  const username = `e2e.${suffix}`;
  await page.fill('#new-username', username);
  await page.fill('#new-display-name', `E2E Officer ${suffix}`);
  await page.fill('#new-position', 'Captain, liaison officer');
  await page.selectOption('#new-role', 'planner');
  await page.fill('#new-password', 'initial-password-for-e2e');
  await page.click('[data-testid="add-user"] button[type="submit"]');
  await page.locator(`[data-user="${username}"]`).waitFor();
  assert.match(await page.locator('[data-testid="message"]').first().innerText(), /has been added/);
  assert.match(await page.locator(`[data-user="${username}"]`).innerText(), /Captain, liaison officer/);

  // Disable and enable again (sends the version read).
  await page.locator(`[data-user="${username}"] button`, { hasText: 'Disable' }).click();
  await page.locator(`[data-user="${username}"] .badge.off`).waitFor();
  await page.locator(`[data-user="${username}"] button`, { hasText: 'Enable' }).click();
  await page.locator(`[data-user="${username}"] .badge.ok`).waitFor();

  // Someone else changes the user meanwhile: the page's version is stale.
  const changed = await page.evaluate(async (name) => {
    const users = await fetch('/api/v1/users').then((r) => r.json());
    const user = users.find((u) => u.username === name);
    const r = await fetch(`/api/v1/users/${user.id}`, {
      method: 'PATCH',
      headers: { 'content-type': 'application/json', 'x-concord-csrf': '1', 'if-match': `"${user.version}"` },
      body: JSON.stringify({ position: 'Major, liaison officer' }),
    });
    return r.status;
  }, username);
  assert.equal(changed, 200);
  await page.locator(`[data-user="${username}"] button`, { hasText: 'Disable' }).click();
  const stale = page.locator('[data-testid="stale"]');
  await stale.waitFor();
  assert.match(await stale.innerText(), /Someone changed this user while you were editing/);
  await assertAccessible(page, 'the Users page with a stale edit');
  await stale.getByRole('button', { name: 'Reload' }).click();
  await page.locator(`[data-user="${username}"]`, { hasText: 'Major, liaison officer' }).waitFor();
  assert.equal(await page.locator('[data-testid="stale"]').count(), 0);
  assert.equal(await page.locator(`[data-user="${username}"] .badge.ok`).count(), 1, 'not disabled');
  await assertAccessible(page, 'the Users page after changes');

  // API tokens
  await page.click('[data-nav="tokens"]');
  await page.locator('[data-testid="create-token"]').waitFor();
  await page.locator('[data-testid="tokens"], [data-testid="no-tokens"]').first().waitFor();
  await assertAccessible(page, 'the API tokens page');
  const tokenName = `Reporting system ${suffix}`;
  await page.fill('#token-name', tokenName);
  await page.selectOption('#token-role', 'viewer');
  await page.click('[data-testid="create-token"] button[type="submit"]');
  const secret = page.locator('[data-testid="token-secret"]');
  await secret.waitFor();
  const value = await secret.inputValue();
  assert.ok(value.length >= 20, 'the token is shown');
  assert.equal(await secret.getAttribute('readonly'), '');
  assert.equal(await page.locator('[data-testid="copy-token"]').count(), 1, 'a Copy button');
  assert.match(await page.locator('[data-testid="new-token"]').innerText(), /will not be shown again/);
  await page.locator('[data-token]', { hasText: tokenName }).waitFor();
  await assertAccessible(page, 'the API tokens page with a new token');
  await screenshot(page, 'tokens-created-en');

  // The token works for the API, then is shown never again.
  const status = await page.evaluate(async (t) => {
    const r = await fetch('/api/v1/reference', { credentials: 'omit', headers: { authorization: `Bearer ${t}` } });
    return r.status;
  }, value);
  assert.equal(status, 200);
  await page.reload();
  await page.locator('[data-token]', { hasText: tokenName }).waitFor();
  assert.equal(await page.locator('[data-testid="token-secret"]').count(), 0);
  assert.ok(!(await page.content()).includes(value), 'the secret is gone after a reload');

  // Revoking asks first.
  const row = page.locator('[data-token]', { hasText: tokenName });
  await row.locator('[data-testid="revoke"]').click();
  await row.locator('[data-testid="confirm-revoke"]').waitFor();
  await row.locator('[data-testid="confirm-revoke"]').click();
  await page.locator('[data-token]', { hasText: tokenName }).locator('[data-status="revoked"]').waitFor();

  // Screenshots of every page in every language.
  for (const lang of LANGS) {
    await switchLanguage(page, lang);
    for (const [nav, ready] of [
      ['account', '[data-testid="sessions"] tbody tr'],
      ['users', '[data-testid="users"] tbody tr'],
      ['tokens', '[data-testid="tokens"] tbody tr'],
    ]) {
      await page.click(`[data-nav="${nav}"]`);
      await page.locator(ready).first().waitFor();
      await assertAccessible(page, `${nav} in ${lang}`);
      await screenshot(page, `${nav}-${lang}`);
    }
  }
  await switchLanguage(page, 'en');
  assertNoProblems();
  await context.close();
});

test('"Who does what" lists each duty by role from the rules, marks the user\'s role, in every language', async () => {
  const { page, context, assertNoProblems } = await signedInPage(browser, 'ge.planner');
  await page.click('[data-nav="who"]');
  const table = page.locator('[data-testid="who-table"]');
  await table.waitFor();
  // Viewer, planner, coordinator, administrator; the user's own role marked.
  assert.deepEqual(
    await table.locator('thead th[data-role]').evaluateAll((ths) => ths.map((th) => th.dataset.role)),
    ['viewer', 'planner', 'coordinator', 'administrator'],
  );
  assert.equal(await table.locator('thead th[aria-current="true"]').getAttribute('data-role'), 'planner');
  const row = async (name) => table.locator('tbody tr', { hasText: name }).locator('td').evaluateAll(
    (tds) => tds.map((td) => td.classList.contains('who-yes')),
  );
  assert.deepEqual(await row('consent to an activity'), [false, false, true, true]);
  assert.deepEqual(await row('Draft activities'), [false, true, true, true]);
  assert.deepEqual(await row('Read the joint board'), [true, true, true, true]);
  await assertAccessible(page, 'who does what');
  for (const lang of LANGS) {
    await switchLanguage(page, lang);
    await screenshot(page, `who-${lang}`);
  }
  await switchLanguage(page, 'en');
  assertNoProblems();
  await context.close();
});
