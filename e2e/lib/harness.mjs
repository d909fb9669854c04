// The browser harness every browser test uses: Debian's Chromium in headless
// mode through playwright-core (never a downloaded browser), a page that
// records console errors and CSP violations, axe-core checks and screenshots.
import { chromium } from 'playwright-core';
import { readFileSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import assert from 'node:assert/strict';

const require = createRequire(import.meta.url);
const axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

/** The backend under test, started by `cargo xtask test`. */
export const BASE = process.env.CONCORD_E2E_URL ?? 'http://127.0.0.1:8080';
const ARTIFACTS = process.env.CONCORD_E2E_ARTIFACTS ?? 'artifacts';

/**
 * Launches headless Chromium with the flags this sandbox needs as root;
 * `args` adds flags (e.g. `--lang=de-DE` for a German browser).
 */
export async function launch({ args = [] } = {}) {
  return chromium.launch({
    executablePath: process.env.CONCORD_CHROMIUM ?? '/usr/bin/chromium',
    headless: true,
    args: [
      '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update',
      '--disable-sync', '--disable-dev-shm-usage', ...args,
    ],
  });
}

/**
 * A fresh context and page at a laptop's size. `problems` collects console
 * errors, uncaught exceptions and CSP violations; `assertNoProblems()` fails
 * the test on any of them.
 */
export async function openPage(browser, { viewport = { width: 1280, height: 800 }, locale } = {}) {
  const context = await browser.newContext(locale ? { viewport, locale } : { viewport });
  await context.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      console.error(`CSP violation: ${e.violatedDirective} blocked ${e.blockedURI}`);
    });
  });
  const page = await context.newPage();
  const problems = [];
  page.on('console', (msg) => {
    if (msg.type() !== 'error' || isHandledApiAnswer(msg)) return;
    problems.push(`console error: ${msg.text()}`);
  });
  page.on('pageerror', (err) => problems.push(`uncaught: ${err.message}`));
  return {
    page,
    context,
    problems,
    assertNoProblems() {
      assert.deepEqual(problems, [], 'no console errors, exceptions or CSP violations');
    },
  };
}

/**
 * Chromium logs every 4xx answer as a console error ("Failed to load
 * resource"). An API's 4xx (401 when signed out, 422 field errors, 412, 409,
 * 429) is an answer the app shows in plain words, not a fault; 5xx and
 * anything else still count.
 */
function isHandledApiAnswer(msg) {
  const url = msg.location()?.url ?? '';
  return /status of 4\d\d/.test(msg.text()) && msg.text().startsWith('Failed to load resource')
    && new URL(url, BASE).pathname.startsWith('/api/');
}

/** Runs axe-core on the page; fails on any serious or critical violation. */
export async function assertAccessible(page, what) {
  // Evaluated through the DevTools protocol, so the page's CSP does not apply.
  await page.evaluate(axeSource);
  const violations = await page.evaluate(async () => {
    const result = await globalThis.axe.run(document, { resultTypes: ['violations'] });
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.map((n) => n.target.join(' ')) }));
  });
  const bad = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  assert.deepEqual(bad, [], `axe-core: no serious or critical violation on ${what}`);
}

/** Saves a full-page screenshot as a test artifact. */
export async function screenshot(page, name) {
  mkdirSync(ARTIFACTS, { recursive: true });
  await page.screenshot({ path: join(ARTIFACTS, `${name}.png`), fullPage: true });
}

/** The visible texts of the elements matching `selector`. */
export async function texts(page, selector) {
  return page.locator(selector).allInnerTexts();
}

/** The demo users' password (seeded by `cargo xtask test`). */
export const PASSWORD = process.env.CONCORD_E2E_PASSWORD ?? '';

/**
 * Signs in through the login page as `username` and waits for the shell to
 * show the user. A fresh page starts at `/login`; a page that has opened an
 * address of the app waits for the app to send it to the login page (so
 * `?next=` is kept).
 */
export async function login(page, username, { password = PASSWORD, keepLanguage = false } = {}) {
  if (page.url() === 'about:blank') {
    await page.goto(`${BASE}/login`);
  }
  await page.waitForURL((url) => url.pathname === '/login');
  await page.locator('#username').waitFor();
  await page.fill('#username', username);
  await page.fill('#password', password);
  await page.click('form button[type="submit"]');
  await page.locator('[data-testid="user-name"]').waitFor();
  // The language is the user's, stored on the server: an earlier test's
  // switch would follow the demo user here. Every test starts in English
  // (and stores it) unless it is about the stored language itself.
  if (!keepLanguage) {
    await switchLanguage(page, 'en');
  }
}

/** Opens a fresh page and signs in as `username` (in English unless `keepLanguage`). */
export async function signedInPage(browser, username, options = {}) {
  const opened = await openPage(browser, options);
  await login(opened.page, username, options);
  return opened;
}

/** Switches the interface language with the header's buttons. */
export async function switchLanguage(page, lang) {
  // A signed-in user's choice is stored on the server, which the next page
  // load starts from: wait for it to be stored (a navigation right after
  // the click would cancel the request, and the next page would come up in
  // the language stored before).
  const signedIn = (await page.locator('[data-testid="user-name"]').count()) > 0;
  const stored = signedIn
    ? page.waitForResponse((r) => r.url().endsWith('/api/v1/me/language') && r.request().method() === 'PUT')
    : null;
  await page.click(`button[data-lang="${lang}"]`);
  await page.waitForFunction((l) => document.documentElement.lang === l, lang);
  if (stored) await stored;
}

/**
 * Calls the API with the page's session, as the web app does (same origin,
 * the CSRF header). `version` sends `If-Match: "<version>"`, `ifMatch` an
 * ETag as received. Answers `{ status, etag, body }`.
 */
export async function api(page, method, path, { body, version, ifMatch } = {}) {
  return page.evaluate(async ({ method, path, body, version, ifMatch }) => {
    const headers = { accept: 'application/json', 'x-concord-csrf': '1' };
    if (body !== undefined) headers['content-type'] = 'application/json';
    if (version !== undefined) headers['if-match'] = `"${version}"`;
    if (ifMatch) headers['if-match'] = ifMatch;
    const r = await fetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
    const text = await r.text();
    return { status: r.status, etag: r.headers.get('etag'), body: text ? JSON.parse(text) : null };
  }, { method, path, body, version, ifMatch });
}

/** Like `api`, failing the test unless the answer is a success; answers the body. */
export async function ok(page, method, path, options) {
  const r = await api(page, method, path, options);
  assert.ok(r.status >= 200 && r.status < 300, `${method} ${path}: ${r.status} ${JSON.stringify(r.body)}`);
  return r.body;
}

/** The first year in `from`..`until` (exclusive) starting `span` years
 * without a plan, so a test's plans never meet another's (each test file
 * keeps to a range of its own). */
export async function freeYear(page, from, until, span = 1) {
  const taken = new Set((await ok(page, 'GET', '/api/v1/plans')).map((p) => p.year));
  for (let year = from; year + span <= until; year += 1) {
    if ([...Array(span).keys()].every((i) => !taken.has(year + i))) return year;
  }
  throw new Error('no free years for a plan of the test');
}

/** A fresh page signed in as `username`, in language `lang`. */
export async function openAs(browser, username, lang) {
  const opened = await signedInPage(browser, username);
  await switchLanguage(opened.page, lang);
  return opened;
}

/** What has keyboard focus: its tag, id, `data-testid` and text. */
export async function focused(page) {
  return page.evaluate(() => {
    const el = document.activeElement;
    return { tag: el?.tagName.toLowerCase(), id: el?.id ?? '', testid: el?.dataset?.testid ?? '', text: el?.innerText ?? '' };
  });
}

/** Waits until the element matching `selector` has keyboard focus. */
export async function waitForFocus(page, selector, timeout = 5000) {
  await page.waitForFunction((s) => document.activeElement?.matches(s), selector, { timeout });
}

/** Both parties write their language's text of an activity (AZ Azerbaijani,
 * GE Georgian, each unless it is the original), as agreement needs. */
export async function translateBoth(azPage, gePage, id) {
  const current = await api(azPage, 'GET', `/api/v1/activities/${id}`);
  for (const [page, lang, title] of [[azPage, 'az', 'Qərargah danışıqları'], [gePage, 'ka', 'საშტაბო მოლაპარაკებები']]) {
    if (current.body.text_lang === lang) continue;
    const r = await api(page, 'PUT', `/api/v1/activities/${id}/texts/${lang}`, {
      body: { title, description: '' }, ifMatch: '*',
    });
    assert.equal(r.status, 200, JSON.stringify(r.body));
  }
}
