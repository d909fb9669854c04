// The work queue and bulk decisions (issue 17): what awaits each user across
// every plan, the header's count, and one decision on several activities,
// done by keyboard only, whose refusals are worded in the user's language.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { BASE, launch, assertAccessible, screenshot, api, openAs as openAsIn, ok, freeYear } from '../lib/harness.mjs';

const openAs = (username, lang) => openAsIn(browser, username, lang);
let browser;

before(async () => {
  browser = await launch();
});

after(async () => {
  await browser?.close();
});

/** A year without a plan, in a range no other browser test uses. */
/** Drafts and shares an AZ activity; answers its id. */
async function sharedActivity(page, year, title) {
  const draft = await ok(page, 'POST', `/api/v1/plans/${year}/activities`, {
    body: {
      title, description: 'Staff talks.', area: 'logistics', form: 'official_visits_staff_meetings',
      host_party: 'az', location: 'Baku', month: 5, cost: 'sending_party_pays',
    },
  });
  await ok(page, 'POST', `/api/v1/activities/${draft.id}/share`, { version: draft.version });
  return draft.id;
}

/** Presses Space on a control reached by keyboard focus, as a keyboard user would. */
async function press(page, selector, key = 'Space') {
  await page.locator(selector).focus();
  await page.keyboard.press(key);
}

test('the queue lists what awaits the user, and a keyboard-only bulk accept is partial with the stale one explained in ka', async () => {
  const azPlanner = await openAs('az.planner', 'en');
  const azCoord = await openAs('az.coordinator', 'az');
  const year = await freeYear(azCoord.page, 2030, 2040);
  await ok(azCoord.page, 'POST', '/api/v1/plans', { body: { year } });
  const stamp = Date.now();
  const ids = [];
  for (const n of [1, 2, 3]) {
    ids.push(await sharedActivity(azPlanner.page, year, `Queue test ${n} ${stamp}`));
  }

  const geCoord = await openAs('ge.coordinator', 'ka');
  const g = geCoord.page;
  await g.goto(`${BASE}/inbox`);
  const group = g.locator(`[data-testid="queue-plan"][data-year="${year}"]`);
  await group.waitFor();
  for (const id of ids) {
    await group.locator(`[data-testid="queue-item"][data-id="${id}"][data-kind="awaiting_consent"]`).waitFor();
  }
  await g.locator('[data-testid="inbox-count"]').waitFor();
  await assertAccessible(g, 'the work queue in ka');
  await screenshot(g, 'inbox-ka');

  // Keyboard only: select the plan's items...
  await press(g, `[data-testid="queue-plan"][data-year="${year}"] [data-testid="queue-select-all"]`);
  await g.locator('[data-testid="bulk-selected"]', { hasText: '3' }).waitFor();
  // ...meanwhile Azerbaijan revises the second one, so the version Georgia
  // selected is stale (the queue reloads live; the selection keeps what was read)...
  const second = await ok(azPlanner.page, 'GET', `/api/v1/activities/${ids[1]}`);
  await ok(azPlanner.page, 'PATCH', `/api/v1/activities/${ids[1]}`, {
    body: { location: 'Ganja' }, version: second.version,
  });
  // ...and accept them.
  await press(g, '[data-testid="bulk-accept"]', 'Enter');
  const refused = g.locator('[data-testid="bulk-refused-item"][data-code="stale_version"]');
  await refused.waitFor();
  assert.equal(await refused.count(), 1);
  const words = await g.locator('[data-testid="bulk-result"]').innerText();
  assert.doesNotMatch(words, /stale|version|refused/i, `no English in the ka summary: ${words}`);
  await assertAccessible(g, 'the bulk decision result in ka');
  await screenshot(g, 'bulk-result-ka');

  // Only the stale one still awaits Georgia's consent (the Georgian texts
  // of all three still await it too: translation_due items).
  const consent = (id) => `[data-testid="queue-item"][data-id="${id}"][data-kind="awaiting_consent"]`;
  await g.locator(consent(ids[0])).waitFor({ state: 'detached' });
  await group.locator(consent(ids[1])).waitFor();
  assert.equal(await group.locator(consent(ids[2])).count(), 0);

  // Azerbaijan's coordinator rejects one: without a comment the form says so first.
  const a = azCoord.page;
  await a.goto(`${BASE}/inbox`);
  const mine = `[data-testid="queue-plan"][data-year="${year}"] ${consent(ids[2])} [data-testid="queue-select"]`;
  await a.locator(mine).waitFor();
  await press(a, mine);
  await press(a, '[data-testid="bulk-reject"]', 'Enter');
  await a.locator('[data-field-error="bulk-comment"]').waitFor();
  await a.fill('#bulk-comment', 'Bu il deyil.');
  await press(a, '[data-testid="bulk-reject"]', 'Enter');
  await a.locator('[data-testid="bulk-done"]').waitFor();
  await screenshot(a, 'bulk-result-az');
  await assertAccessible(a, 'the work queue in az');
  await screenshot(a, 'inbox-az');
  for (const opened of [azPlanner, azCoord, geCoord]) opened.assertNoProblems();
});

test('a planner shares several drafts from the table at once, by keyboard', async () => {
  const azPlanner = await openAs('az.planner', 'az');
  const p = azPlanner.page;
  const azCoord = await openAs('az.coordinator', 'en');
  const year = await freeYear(azCoord.page, 2030, 2040);
  await ok(azCoord.page, 'POST', '/api/v1/plans', { body: { year } });
  const stamp = Date.now();
  for (const n of [1, 2]) {
    await ok(p, 'POST', `/api/v1/plans/${year}/activities`, {
      body: {
        title: `Table draft ${n} ${stamp}`, description: 'Staff talks.', area: 'logistics',
        form: 'official_visits_staff_meetings', host_party: 'az', location: 'Baku', month: 6,
        cost: 'sending_party_pays',
      },
    });
  }
  await p.goto(`${BASE}/plans/${year}/table`);
  await p.locator('[data-testid="table-select"]').first().waitFor();
  await press(p, '[data-testid="table-select-all"]');
  await p.locator('[data-testid="bulk-selected"]', { hasText: '2' }).waitFor();
  assert.equal(await p.locator('[data-testid="bulk-accept"]').count(), 0, 'planners do not consent');
  await press(p, '[data-testid="bulk-share"]', 'Enter');
  await p.locator('[data-testid="bulk-done"]').waitFor();
  const page = await ok(p, 'GET', `/api/v1/plans/${year}/activities`);
  assert.deepEqual(page.items.map((a) => a.consent), ['pending', 'pending']);
  await assertAccessible(p, 'the table with the bulk bar in az');
  await screenshot(p, 'table-bulk-az');
  azPlanner.assertNoProblems();
});

test('a viewer is told that nothing awaits and what to do instead', async () => {
  const viewer = await openAs('az.viewer', 'en');
  await viewer.page.goto(`${BASE}/inbox`);
  const empty = viewer.page.locator('[data-testid="empty"]');
  await empty.waitFor();
  assert.match(await empty.innerText(), /Plans/);
  assert.equal(await viewer.page.locator('[data-testid="bulk-bar"]').count(), 0);
  await assertAccessible(viewer.page, 'the empty work queue');
  viewer.assertNoProblems();
});

test('the queue shows titles in the reader\'s language, a fallback marked, and the translation to write', async () => {
  const azPlanner = await openAs('az.planner', 'az');
  const azCoord = await openAs('az.coordinator', 'az');
  const year = await freeYear(azCoord.page, 2030, 2040);
  await ok(azCoord.page, 'POST', '/api/v1/plans', { body: { year } });
  const azTitle = `Qərargah danışıqları ${Date.now()}`;
  const draft = await ok(azPlanner.page, 'POST', `/api/v1/plans/${year}/activities`, {
    body: {
      title: azTitle, description: 'İllik təlim proqramı.', lang: 'az', area: 'logistics',
      form: 'official_visits_staff_meetings', host_party: 'az', location: 'Bakı', month: 5,
      cost: 'sending_party_pays',
    },
  });
  const id = draft.id;
  await ok(azPlanner.page, 'POST', `/api/v1/activities/${id}/share`, { version: draft.version });

  // Georgia's planner: the Georgian text is to be written; the title is the
  // Azerbaijani original, marked as such, and the item leads to the texts.
  const gePlanner = await openAs('ge.planner', 'ka');
  const p = gePlanner.page;
  await p.goto(`${BASE}/inbox`);
  const translation = p.locator(
    `[data-testid="queue-plan"][data-year="${year}"] [data-testid="queue-item"][data-id="${id}"][data-kind="translation_due"]`,
  );
  await translation.waitFor();
  assert.equal(await translation.locator('[data-text-lang="az"]').innerText(), azTitle);
  await translation.locator('[data-testid="text-fallback"][data-lang="az"]').waitFor();
  assert.equal(await translation.locator('a').getAttribute('href'), `/activities/${id}#texts`);
  await assertAccessible(p, 'the translation in the work queue in ka');
  await screenshot(p, 'inbox-translation-ka');
  await translation.locator('a').click();
  await p.locator('[data-testid="activity-texts"]').waitFor();

  // Georgia writes its text: its coordinator's queue shows it, unmarked;
  // the translation leaves the planner's queue.
  const kaTitle = 'საშტაბო მოლაპარაკებები ბაქოში';
  await ok(p, 'PUT', `/api/v1/activities/${id}/texts/ka`, { body: { title: kaTitle, description: '' }, ifMatch: '*' });
  const geCoord = await openAs('ge.coordinator', 'ka');
  const g = geCoord.page;
  await g.goto(`${BASE}/inbox`);
  const awaiting = g.locator(`[data-testid="queue-item"][data-id="${id}"][data-kind="awaiting_consent"]`);
  await awaiting.waitFor();
  assert.equal(await awaiting.locator('[data-text-lang="ka"]').innerText(), kaTitle);
  assert.equal(await awaiting.locator('[data-testid="text-fallback"]').count(), 0);
  await screenshot(g, 'inbox-title-ka');
  await p.goto(`${BASE}/inbox`);
  await p.locator('[data-testid="queue-count"], [data-testid="empty"]').first().waitFor();
  assert.equal(await p.locator(`[data-testid="queue-item"][data-id="${id}"]`).count(), 0);
  for (const opened of [azPlanner, azCoord, gePlanner, geCoord]) opened.assertNoProblems();
});
