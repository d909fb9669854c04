// The board: drafting, negotiating and agreeing a plan in the browser.
// The negotiation runs on a plan of its own (created here), so the demo
// plan and the other tests are untouched and test order does not matter;
// the users work in different languages, so the flow covers all three.
// Every view passes axe and is photographed in every language.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  BASE, launch, signedInPage, switchLanguage, assertAccessible, screenshot, api, openAs as openAsIn,
} from '../lib/harness.mjs';
import { translateBoth } from '../lib/harness.mjs';

const openAs = (username, lang) => openAsIn(browser, username, lang);

const LANGS = ['en', 'az', 'ka'];
const DEMO_YEAR = new Date().getFullYear() + 1;
let browser;

before(async () => {
  browser = await launch();
});

after(async () => {
  await browser?.close();
});

async function planState(page, year) {
  await page.goto(`${BASE}/plans/${year}`);
  const state = page.locator('[data-testid="plan-state"]');
  await state.waitFor();
  return state.getAttribute('data-state');
}

/** A coordinator proposes the plan's next step, the other party's confirms it. */
async function proposeAndConfirm(proposer, confirmer, year, to) {
  await planState(proposer, year);
  await proposer.click('[data-testid="propose-step"]');
  await proposer.locator('[data-testid="proposal"]').waitFor();
  assert.equal(await proposer.locator('[data-testid="confirm-step"]').count(), 0, 'the proposer cannot confirm');
  await proposer.locator('[data-testid="withdraw-step"]').waitFor();

  await planState(confirmer, year);
  await confirmer.locator('[data-testid="proposal"]').waitFor();
  await confirmer.click('[data-testid="confirm-step"]');
  await confirmer.locator(`[data-testid="plan-state"][data-state="${to}"]`).waitFor();
}

async function decide(page, id, decision, comment) {
  await page.goto(`${BASE}/activities/${id}`);
  await page.locator('[data-testid="consent-panel"]').waitFor();
  await page.check(`input[data-decision="${decision}"]`);
  if (comment) await page.fill('#consent-comment', comment);
  await page.click('[data-testid="send-decision"]');
}

test('an activity is drafted, shared, negotiated, agreed by both parties, and the plan confirmed to agreed', async () => {
  const year = DEMO_YEAR + 3;
  const azPlanner = await openAs('az.planner', 'az');
  const azCoord = await openAs('az.coordinator', 'en');
  const geCoord = await openAs('ge.coordinator', 'ka');
  const gePlanner = await openAs('ge.planner', 'en');

  // A plan of the test's own, brought into negotiation by the rule of two.
  const created = await api(azCoord.page, 'POST', '/api/v1/plans', { body: { year } });
  assert.equal(created.status, 201, JSON.stringify(created.body));
  await proposeAndConfirm(azCoord.page, geCoord.page, year, 'negotiation');

  // The AZ planner drafts from the plan page; the form checks fields before asking the server.
  const p = azPlanner.page;
  await planState(p, year);
  await p.click('[data-testid="new-activity"]');
  await p.locator('[data-testid="activity-form"]').waitFor();
  await p.fill('#start_date', `${year - 1}-05-12`);
  await p.click('[data-testid="save"]');
  await p.locator('[data-field-error="title"]').waitFor();
  await p.locator('[data-field-error="start_date"]').waitFor();
  assert.equal(await p.locator('#title').getAttribute('aria-invalid'), 'true');
  await assertAccessible(p, 'the new activity form with errors');
  await screenshot(p, 'activity-new-errors-az');

  const title = `Joint staff talks on logistics ${Date.now()}`;
  await p.fill('#title', title);
  await p.fill('#description', 'Two days of staff talks on fuel and spare parts.');
  await p.selectOption('#area', 'logistics');
  await p.selectOption('#form', 'official_visits_staff_meetings');
  await p.selectOption('#host_party', 'ge');
  await p.fill('#location', 'Tbilisi');
  await p.fill('#start_date', `${year}-05-12`);
  await p.fill('#end_date', `${year}-05-13`);
  await p.fill('#participants', '6');
  await p.fill('#responsible_unit', 'Logistics Command');
  await p.click('[data-testid="save"]');
  await p.waitForURL((url) => url.pathname.startsWith('/activities/'));
  const id = Number(new URL(p.url()).pathname.split('/').pop());
  await p.locator('[data-testid="consent-state"][data-state="draft"]').waitFor();
  assert.equal(await p.locator('[data-testid="activity-title"]').innerText(), title);

  // An internal note of the AZ ministry, marked as such.
  const note = `AZ only: budget line 7 ${Date.now()}`;
  assert.match(await p.locator('[data-testid="internal-mark"]').innerText(), /Müdafiə Nazirliyi/);
  await p.fill('#note-body', note);
  await p.click('[data-testid="notes-send"]');
  await p.locator('[data-testid="notes"]', { hasText: note }).waitFor();

  // Sharing gives the reference code.
  await p.click('[data-testid="share"]');
  await p.locator('[data-testid="consent-state"][data-state="pending"]').waitFor();
  const reference = await p.locator('[data-testid="reference"]').innerText();
  assert.match(reference, new RegExp(`^${year}-AZ-\\d{3}$`));

  // The GE coordinator finds it in the inbox and requests a change with a comment.
  const g = geCoord.page;
  await g.goto(`${BASE}/plans/${year}/inbox`);
  const card = g.locator(`[data-testid="inbox"] [data-reference="${reference}"]`);
  await card.waitFor();
  await assertAccessible(g, 'the inbox in ka');
  await card.locator('a.title').click();
  await g.locator('[data-testid="consent-panel"]').waitFor();
  assert.equal(await g.locator('[data-testid="edit"]').count(), 1, 'GE may edit its own side');
  // Georgia never sees Azerbaijan's internal note.
  await g.locator('[data-testid="notes"] .empty').waitFor();
  assert.ok(!(await g.content()).includes(note), 'the AZ internal note is not on the GE page');
  const geNotes = await api(g, 'GET', `/api/v1/activities/${id}/notes`);
  assert.ok(!JSON.stringify(geNotes.body).includes(note));

  // A reason is required to request changes.
  await g.check('input[data-decision="request_changes"]');
  await g.click('[data-testid="send-decision"]');
  await g.locator('[data-testid="consent-panel"] .field-error').waitFor();
  await g.fill('#consent-comment', 'Please move it to June: our depot is audited in May.');
  await g.click('[data-testid="send-decision"]');
  await g.locator('[data-testid="consent-state"][data-state="changes_requested"]').waitFor();
  await g.locator('[data-testid="comments"]', { hasText: 'our depot is audited in May' }).waitFor();
  await screenshot(g, 'activity-ka');
  // Georgia's history of the activity: the joint entries only, never the AZ draft or its internal note.
  await g.locator('[data-testid="history"] li[data-action="activity.consent"]').waitFor();
  await g.locator('[data-testid="history"] li[data-action="activity.share"]').waitFor();
  assert.equal(await g.locator('[data-testid="history"] li[data-action="activity.note"]').count(), 0);
  assert.equal(await g.locator('[data-testid="history"] li[data-action="activity.create"]').count(), 0);
  assert.ok(!(await g.locator('[data-testid="history"]').innerText()).includes(note), 'no AZ note in the GE history');
  const geHistory = await api(g, 'GET', `/api/v1/activities/${id}/history`);
  assert.equal(geHistory.status, 200);
  assert.ok(!JSON.stringify(geHistory.body).includes(note), 'no AZ note in the GE history (API)');
  assert.ok(!JSON.stringify(geHistory.body).includes('activity.note'));

  // The AZ planner sees it in the inbox, edits the substance; consent goes back to pending.
  await p.goto(`${BASE}/plans/${year}/inbox`);
  await p.locator(`[data-testid="inbox"] [data-reference="${reference}"] a.title`).click();
  await p.locator('[data-testid="comments"]', { hasText: 'our depot is audited in May' }).waitFor();
  await p.click('[data-testid="edit"]');
  await p.fill('#start_date', `${year}-06-09`);
  await p.fill('#end_date', `${year}-06-10`);
  await p.locator('[data-testid="unsaved"]').waitFor();
  // Leaving through a link with unsaved changes asks first; staying keeps the edit.
  let asked = '';
  p.once('dialog', (dialog) => { asked = dialog.message(); dialog.dismiss(); });
  await p.click('a[data-nav="plans"]');
  assert.ok(asked.length > 0, 'a link away from a dirty form asks first');
  assert.equal(new URL(p.url()).pathname, `/activities/${id}`);
  assert.equal(await p.inputValue('#end_date'), `${year}-06-10`);
  await p.locator('[data-testid="unsaved"]').waitFor();
  await assertAccessible(p, 'the edit form');
  await screenshot(p, 'activity-edit-az');
  await p.click('[data-testid="save"]');
  await p.locator('[data-testid="details"]').waitFor();
  await p.locator('[data-testid="consent-state"][data-state="pending"]').waitFor();
  assert.match(await p.locator('[data-testid="when"]').innerText(), /iyun/);
  // The history shows the edit: the changed dates, labelled, before → after, in Azerbaijani.
  const edited = p.locator('[data-testid="history"] li[data-action="activity.update"] li[data-field="start_date"]');
  await edited.waitFor();
  const editedText = await edited.innerText();
  assert.match(editedText, /may.*→.*iyun/, editedText);
  assert.ok(!editedText.includes('start_date'), 'the field is labelled, not named by its key');
  await p.locator('[data-testid="history"] li[data-action="activity.note"]').waitFor();
  assert.ok(!(await p.locator('[data-testid="history"]').innerText()).includes(note), 'a note entry shows no text');
  await assertAccessible(p, 'the activity page with its history');
  await screenshot(p, 'activity-history-az');

  // Both parties write their language's text; both coordinators accept.
  await translateBoth(azPlanner.page, gePlanner.page, id);
  await decide(azCoord.page, id, 'accept');
  await azCoord.page.locator('[data-testid="consent-state"][data-state="accepted_by_az"]').waitFor();
  await decide(g, id, 'accept');
  await g.locator('[data-testid="consent-state"][data-state="accepted"]').waitFor();

  // The board shows it in the accepted column, with both consents at a glance.
  await azCoord.page.goto(`${BASE}/plans/${year}/board`);
  const onBoard = azCoord.page.locator(`[data-column="accepted"] [data-reference="${reference}"]`);
  await onBoard.waitFor();
  assert.equal(await onBoard.locator('[data-consent="accepted"]').count(), 2);

  // Nothing blocks any more: proposed by GE, confirmed by AZ.
  await proposeAndConfirm(g, azCoord.page, year, 'agreed');
  await azCoord.page.locator('[data-testid="no-blockers"], [data-testid="blockers"]').first().waitFor();
  await screenshot(azCoord.page, 'plan-agreed-en');

  for (const opened of [azPlanner, azCoord, geCoord, gePlanner]) {
    opened.assertNoProblems();
    await opened.context.close();
  }
});

test('a stale edit is explained, naming the party that changed the activity first', async () => {
  const azPlanner = await openAs('az.planner', 'en');
  const gePlanner = await openAs('ge.planner', 'en');
  const p = azPlanner.page;
  const title = `Seminar on military legislation ${Date.now()}`;
  const made = await api(p, 'POST', `/api/v1/plans/${DEMO_YEAR}/activities`, {
    body: {
      title, area: 'military_legislation', form: 'conferences_seminars', host_party: 'az',
      month: 9, cost: 'shared',
    },
  });
  assert.equal(made.status, 201, JSON.stringify(made.body));
  const id = made.body.id;
  const shared = await api(p, 'POST', `/api/v1/activities/${id}/share`, { version: made.body.version });
  assert.equal(shared.status, 200, JSON.stringify(shared.body));

  await p.goto(`${BASE}/activities/${id}`);
  await p.click('[data-testid="edit"]');
  await p.fill('#title', `${title} (revised)`);

  // Meanwhile Georgia fills in its own side.
  const now = await api(gePlanner.page, 'GET', `/api/v1/activities/${id}`);
  const patched = await api(gePlanner.page, 'PATCH', `/api/v1/activities/${id}`, {
    body: { own_side: { participants: 4, responsible_unit: 'Legal Department', point_of_contact: '' } },
    version: now.body.version,
  });
  assert.equal(patched.status, 200, JSON.stringify(patched.body));

  await p.click('[data-testid="save"]');
  const conflict = p.locator('[data-testid="conflict"]');
  await conflict.waitFor();
  assert.match(await conflict.innerText(), /Georgia changed this activity while you were editing/);
  await p.click('[data-testid="conflict-review"]');
  await p.locator('[data-testid="conflict-diff"]', { hasText: `${title} (revised)` }).waitFor();
  await assertAccessible(p, 'the conflict message');
  await screenshot(p, 'activity-conflict-en');
  await switchLanguage(p, 'az');
  assert.match(await conflict.innerText(), /Gürcüstan/);
  await switchLanguage(p, 'en');

  // Reloading shows the current version, the user's change not saved.
  await p.click('[data-testid="conflict-reload"]');
  await p.locator('[data-testid="details"]', { hasText: 'Legal Department' }).waitFor();
  assert.ok((await p.locator('[data-testid="activity-title"]').innerText()).endsWith(title), 'the unsaved title is not applied');
  azPlanner.assertNoProblems();
  gePlanner.assertNoProblems();
  await azPlanner.context.close();
  await gePlanner.context.close();
});

test('a viewer sees the board, the table and an activity but no edit control anywhere', async () => {
  const { page, context, assertNoProblems } = await openAs('ge.viewer', 'en');
  const controls = '[data-testid="new-activity"], [data-testid="propose-step"], [data-testid="confirm-step"], '
    + '[data-testid="edit"], [data-testid="share"], [data-testid="withdraw"], [data-testid="consent-panel"], '
    + '[data-testid="comments-send"], [data-testid="notes-send"], main textarea, '
    + '[data-testid="table-select"], [data-testid="table-select-all"], [data-testid="bulk-bar"]';
  await page.goto(`${BASE}/plans/${DEMO_YEAR}`);
  await page.locator('[data-testid="plan-state"]').waitFor();
  assert.equal(await page.locator(controls).count(), 0, 'plan page');
  await page.click('[data-tab="board"]');
  await page.locator('[data-testid="board"] .activity-card').first().waitFor();
  assert.equal(await page.locator(controls).count(), 0, 'board');
  await page.click('[data-tab="table"]');
  await page.locator('[data-testid="activity-table"] tbody tr').first().waitFor();
  assert.equal(await page.locator(controls).count(), 0, 'table');
  await page.locator('[data-testid="activity-table"] tbody tr a').first().click();
  await page.locator('[data-testid="details"]').waitFor();
  await page.locator('[data-testid="comments"] .comments, [data-testid="comments"] .empty').first().waitFor();
  assert.equal(await page.locator(controls).count(), 0, 'activity page');
  assertNoProblems();
  await context.close();
});

test('board filters live in the URL, the table sorts and pages and remembers its columns', async () => {
  const { page, context, assertNoProblems } = await openAs('az.coordinator', 'en');
  await page.goto(`${BASE}/plans/${DEMO_YEAR}/board`);
  // Every card drawn (the board is `aria-busy` while it draws those beyond the first screen).
  await page.locator('[data-testid="board"]:not([aria-busy="true"])').waitFor();
  assert.equal(await page.locator('[data-testid="board"] [data-column]').count(), 8, 'one column per consent state');
  const all = await page.locator('[data-testid="board"] .activity-card').count();
  await page.selectOption('#filter-area', 'logistics');
  await page.waitForURL((url) => url.searchParams.get('area') === 'logistics');
  await page.waitForFunction((n) => document.querySelectorAll('[data-testid="board"] .activity-card').length < n
    || document.querySelector('[data-testid="empty"]'), all);
  const shared = page.url();

  // The link reproduces the view in another browser.
  const other = await openAs('ge.coordinator', 'en');
  await other.page.goto(shared);
  await other.page.locator('#filter-area').waitFor();
  assert.equal(await other.page.inputValue('#filter-area'), 'logistics');
  await other.context.close();

  await page.fill('#filter-q', 'zzzz-no-such-activity');
  await page.press('#filter-q', 'Enter');
  await page.locator('[data-testid="empty"]').waitFor();
  assert.match(await page.locator('[data-testid="empty"]').innerText(), /No activity matches/);

  await page.goto(`${BASE}/plans/${DEMO_YEAR}/table`);
  await page.locator('[data-testid="activity-table"] tbody tr').first().waitFor();
  await page.click('button[data-sort="title"]');
  await page.waitForURL((url) => url.searchParams.get('sort') === 'title');
  await page.locator('th[aria-sort="ascending"] button[data-sort="title"]').waitFor();
  await page.click('.pager button:nth-child(2)');
  await page.waitForURL((url) => url.searchParams.get('page') === '2');
  await page.locator('summary', { hasText: /Columns to show/ }).click();
  await page.uncheck('#col-form');
  // Eight chosen columns and the selection column of the bulk decisions.
  assert.equal(await page.locator('[data-testid="activity-table"] thead th').count(), 9);
  await page.reload();
  await page.locator('[data-testid="activity-table"] tbody tr').first().waitFor();
  assert.equal(await page.locator('[data-testid="activity-table"] thead th').count(), 9, 'the column choice is remembered');
  assertNoProblems();
  await context.close();
});

test('every board view passes axe and is photographed in every language', async () => {
  const { page, context, assertNoProblems } = await openAs('az.planner', 'en');
  const list = await api(page, 'GET', `/api/v1/plans/${DEMO_YEAR}/activities?limit=1&consent=pending`);
  const id = list.body.items[0].id;
  const views = [
    ['plans', '/plans', '[data-testid="plans"]'],
    ['plan', `/plans/${DEMO_YEAR}`, '[data-testid="plan-state"]'],
    ['board', `/plans/${DEMO_YEAR}/board`, '[data-testid="board"]'],
    ['table', `/plans/${DEMO_YEAR}/table`, '[data-testid="activity-table"]'],
    ['inbox', `/plans/${DEMO_YEAR}/inbox`, '[data-testid="inbox"], [data-testid="empty"]'],
    ['activity', `/activities/${id}`, '[data-testid="details"]'],
    ['new-activity', `/plans/${DEMO_YEAR}/new`, '[data-testid="activity-form"]'],
  ];
  for (const lang of LANGS) {
    await switchLanguage(page, lang);
    for (const [name, path, ready] of views) {
      await page.goto(`${BASE}${path}`);
      await page.locator(ready).first().waitFor();
      // Several sections load at once (comments, notes, history): wait until none is loading.
      await page.waitForFunction(() => document.querySelector('.loading') === null);
      const text = await page.locator('main').innerText();
      assert.ok(!/\bKey::|\{[a-z]+\}/.test(text), `no untranslated placeholder on ${name} in ${lang}`);
      await assertAccessible(page, `${name} in ${lang}`);
      await screenshot(page, `board-${name}-${lang}`);
    }
  }
  // At a tablet's width the board still works.
  await page.setViewportSize({ width: 800, height: 1000 });
  await page.goto(`${BASE}/plans/${DEMO_YEAR}/board`);
  await page.locator('[data-testid="board"]').waitFor();
  await screenshot(page, 'board-tablet-ka');
  await switchLanguage(page, 'en');
  assertNoProblems();
  await context.close();
});
