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

/** Launches headless Chromium with the flags this sandbox needs as root. */
export async function launch() {
  return chromium.launch({
    executablePath: process.env.CONCORD_CHROMIUM ?? '/usr/bin/chromium',
    headless: true,
    args: [
      '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update',
      '--disable-sync', '--disable-dev-shm-usage',
    ],
  });
}

/**
 * A fresh context and page at a laptop's size. `problems` collects console
 * errors, uncaught exceptions and CSP violations; `assertNoProblems()` fails
 * the test on any of them.
 */
export async function openPage(browser, { viewport = { width: 1280, height: 800 } } = {}) {
  const context = await browser.newContext({ viewport });
  await context.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      console.error(`CSP violation: ${e.violatedDirective} blocked ${e.blockedURI}`);
    });
  });
  const page = await context.newPage();
  const problems = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error') problems.push(`console error: ${msg.text()}`);
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
