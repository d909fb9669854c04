// The release web app is split (issue 7): the first page runs on the main
// wasm module alone, and a lazily loaded page fetches its group's module (the
// users page: `account_pages` in frontend/src/app.rs) the first time it is
// visited, with the texts of the pages (`page_table` in
// frontend/src/i18n/pages.rs), under the page's strict CSP, and works.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { BASE, launch, openPage, login } from '../lib/harness.mjs';

let browser;

before(async () => {
  browser = await launch();
});

after(async () => {
  await browser?.close();
});

/** The file names of the wasm modules the page has requested so far. */
function wasmRequests(page) {
  const names = [];
  page.on('request', (request) => {
    const path = new URL(request.url()).pathname;
    if (path.endsWith('.wasm')) names.push(path.split('/').pop());
  });
  return names;
}

test('the first page loads only the main wasm; the users page loads the module of its group when visited', async () => {
  const { page, assertNoProblems } = await openPage(browser);
  const modules = wasmRequests(page);
  await page.goto(`${BASE}/login`);
  await login(page, 'az.administrator');
  await page.locator('[data-area]').first().waitFor();
  assert.equal(new URL(page.url()).pathname, '/agreement');
  assert.deepEqual(modules, ['concord-frontend_bg.wasm'], 'the Agreement page needs no lazily loaded module');

  await page.click('[data-nav="users"]');
  await page.locator('[data-testid="users"] tbody tr').first().waitFor();
  assert.ok(
    modules.some((name) => name.startsWith('split_account_pages')),
    `the account pages' module was fetched: ${modules.join(', ')}`,
  );
  assert.ok(
    modules.some((name) => name.startsWith('split_page_table')),
    `the page texts' module was fetched with it: ${modules.join(', ')}`,
  );
  const afterUsers = modules.length;

  // Back and forth: the module is loaded once.
  await page.click('a.brand');
  await page.waitForURL((url) => url.pathname === '/');
  await page.locator('[data-area]').first().waitFor();
  await page.click('[data-nav="users"]');
  await page.locator('[data-testid="users"] tbody tr').first().waitFor();
  assert.equal(modules.length, afterUsers, 'nothing is fetched again');
  assertNoProblems();
  await page.close();
});
