// Controls only where the rules allow, and a reason where they do not (issue
// 17, item 3), walked in the browser role by role: the register of
// instruments, the users and API tokens pages, and the activity page's share
// and execution controls. Each control is shown, disabled with the rule's
// reason beside it (in the user's language, with the reason's code), or
// hidden, as shared/src/rules decide; the rule is named beside each check.
// axe-core runs on every page walked. The test's plan is its own (the first
// free year from 2080); the rest reads the demo data and changes nothing.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { BASE, launch, ok, openAs as openAsIn, assertAccessible } from '../lib/harness.mjs';

const openAs = (username, lang) => openAsIn(browser, username, lang);
const ROLES = ['viewer', 'planner', 'coordinator', 'administrator'];
const RANK = { viewer: 0, planner: 1, coordinator: 2, administrator: 3 };
const THIS_YEAR = new Date().getFullYear();
// Words only an English sentence has (as in the refusals test).
const ENGLISH = /\b(the|cannot|only|your|role|allow|this|once|held|host|party|administrator)\b/i;
let browser;

before(async () => {
  browser = await launch();
});

after(async () => {
  await browser?.close();
});

const count = (page, testid) => page.locator(`[data-testid="${testid}"]`).count();

/** Waits until nothing on the page is loading any more. */
async function settled(page) {
  await page.waitForFunction(() => document.querySelector('.loading') === null);
}

/**
 * The reason shown for a disabled or missing control: its code, and its
 * words (no English on an az or ka page). `control`, if given, must be
 * disabled and described by the reason.
 */
async function reason(page, testid, { code, lang, control }) {
  const shown = page.locator(`[data-testid="${testid}"]`);
  await shown.waitFor();
  assert.equal(await shown.getAttribute('data-code'), code, `${testid}'s code`);
  const words = await shown.innerText();
  assert.ok(words.trim().length > 0, `${testid} says why`);
  if (lang !== 'en') assert.doesNotMatch(words, ENGLISH, `${testid} in ${lang}: "${words}"`);
  if (control) {
    assert.ok(await control.isDisabled(), `the control ${testid} explains is disabled`);
    assert.equal(await control.getAttribute('aria-describedby'), await shown.getAttribute('id'));
  }
  return words;
}

test('the register offers recording, editing and attaching to coordinators and above only (register::may_record_instruments, may_attach)', async () => {
  for (const role of ROLES) {
    const { page, context, assertNoProblems } = await openAs(`az.${role}`, 'en');
    const coordinates = RANK[role] >= RANK.coordinator;
    await page.goto(`${BASE}/instruments`);
    await page.locator('[data-testid="instruments"] tbody tr').first().waitFor();
    await settled(page);
    assert.equal(await count(page, 'record-instrument'), coordinates ? 1 : 0, `${role}: record an instrument`);

    await page.locator('[data-testid="instruments"] tbody tr[data-instrument="1"] a').click();
    await page.locator('[data-testid="instrument-title"]').waitFor();
    await page.locator('[data-testid="documents"], [data-testid="no-documents"]').first().waitFor();
    await settled(page);
    assert.equal(await count(page, 'edit-instrument'), coordinates ? 1 : 0, `${role}: edit an instrument`);
    assert.equal(await count(page, 'upload'), coordinates ? 1 : 0, `${role}: attach a document`);
    await assertAccessible(page, `an instrument as ${role}`);

    await page.goto(`${BASE}/instruments/new`);
    if (coordinates) {
      await page.locator('[data-testid="instrument-form"]').waitFor();
    } else {
      await page.getByRole('alert').waitFor();
      assert.equal(await count(page, 'instrument-form'), 0, `${role}: no form at the form's address`);
    }
    assertNoProblems();
    await context.close();
  }
});

test('users and API tokens are the administrators\' (roles::may_see_users_page, may_see_tokens_page), and the last administrator is kept, with the reason (roles::may_change_standing) in az', async () => {
  for (const role of ['viewer', 'planner', 'coordinator']) {
    const { page, context, assertNoProblems } = await openAs(`az.${role}`, 'ka');
    assert.equal(await page.locator('[data-nav="users"], [data-nav="tokens"]').count(), 0, `${role}: no link`);
    for (const [path, table] of [['/users', 'users'], ['/tokens', 'create-token']]) {
      await page.goto(`${BASE}${path}`);
      await page.getByRole('alert').waitFor();
      assert.equal(await count(page, table), 0, `${role}: nothing at ${path}`);
    }
    await assertAccessible(page, `the tokens page refused to a ${role} (ka)`);
    assertNoProblems();
    await context.close();
  }

  const { page, context, assertNoProblems } = await openAs('az.administrator', 'az');
  const users = await ok(page, 'GET', '/api/v1/users');
  const admins = users.filter((u) => u.role === 'administrator' && !u.disabled);
  assert.deepEqual(admins.map((u) => u.username), ['az.administrator'], 'the demo party has one active administrator');
  const me = admins[0];
  await page.click('[data-nav="users"]');
  const mine = page.locator(`[data-user="${me.username}"]`);
  await mine.waitFor();

  // Disabling the last administrator: disabled, and why.
  await reason(page, 'toggle-reason', { code: 'last_administrator', lang: 'az', control: mine.locator('[data-testid="toggle-user"]') });
  // Demoting them: the role can be chosen, but applying it is disabled, and why.
  const apply = mine.locator('[data-testid="apply-role"]');
  assert.equal(await mine.locator('[data-testid="role-reason"]').count(), 0, 'no reason before a choice');
  await page.selectOption(`#role-${me.id}`, 'coordinator');
  await reason(page, 'role-reason', { code: 'last_administrator', lang: 'az', control: apply });
  await assertAccessible(page, 'the last administrator\'s row (az)');
  await page.selectOption(`#role-${me.id}`, 'administrator');
  await page.waitForFunction((id) => !document.querySelector(`#role-reason-${id}`), me.id);
  assert.ok(await apply.isDisabled(), 'the current role is not applied again');

  // Anyone else's row: offered, nothing to explain.
  const planner = page.locator('[data-user="az.planner"]');
  assert.ok(await planner.locator('[data-testid="toggle-user"]').isEnabled(), 'a planner can be disabled');
  assert.equal(await planner.locator('[data-testid="toggle-reason"]').count(), 0);
  const plannerId = users.find((u) => u.username === 'az.planner').id;
  await page.selectOption(`#role-${plannerId}`, 'coordinator');
  assert.ok(await planner.locator('[data-testid="apply-role"]').isEnabled(), 'a planner can be promoted');
  await page.selectOption(`#role-${plannerId}`, 'planner');

  // Tokens: the form, with every role an administrator grants (roles::may_grant).
  await page.click('[data-nav="tokens"]');
  await page.locator('[data-testid="create-token"]').waitFor();
  const offered = await page.locator('#token-role option').evaluateAll((os) => os.map((o) => o.value));
  assert.deepEqual(offered, ROLES);
  await assertAccessible(page, 'the tokens page (az)');
  assertNoProblems();
  await context.close();
});

test('an activity offers share to its party\'s planners and above, and execution to the host\'s, and says why to everyone else in ka (activities::may_share, may_report_execution, may_write_summary)', async () => {
  const azPlanner = await openAs('az.planner', 'ka');
  const taken = new Set((await ok(azPlanner.page, 'GET', '/api/v1/plans')).map((p) => p.year));
  const year = [...Array(10).keys()].map((i) => 2080 + i).find((y) => !taken.has(y));
  assert.ok(year, 'a free year for the test\'s plan');
  const azCoord = await openAs('az.coordinator', 'ka');
  await ok(azCoord.page, 'POST', '/api/v1/plans', { body: { year } });
  const draft = await ok(azPlanner.page, 'POST', `/api/v1/plans/${year}/activities`, {
    body: {
      title: 'Controls probe', description: 'Made by the controls browser test.', area: 'logistics',
      form: 'official_visits_staff_meetings', host_party: 'az', location: 'Baku', month: 6, cost: 'shared',
    },
  });

  // A draft: shared by its party's planners and above; a viewer has no control.
  for (const role of ROLES) {
    const opened = role === 'planner' ? azPlanner : role === 'coordinator' ? azCoord : await openAs(`az.${role}`, 'ka');
    const { page } = opened;
    // The controls wait for the plan's state, read after the activity.
    const planRead = page.waitForResponse((r) => r.url().endsWith(`/api/v1/plans/${year}`));
    await page.goto(`${BASE}/activities/${draft.id}`);
    await page.locator('[data-testid="consent-state"][data-state="draft"]').waitFor();
    await planRead;
    await settled(page);
    const plans = RANK[role] >= RANK.planner;
    if (plans) await page.locator('[data-testid="share"]').waitFor();
    assert.equal(await count(page, 'share'), plans ? 1 : 0, `${role}: share a draft`);
    assert.equal(await count(page, 'edit'), plans ? 1 : 0, `${role}: edit a draft`);
    assert.equal(await count(page, 'delete-draft'), plans ? 1 : 0, `${role}: delete a draft never shared`);
    assert.equal(await count(page, 'withdraw'), 0, `${role}: nothing to withdraw`);
    if (!['planner', 'coordinator'].includes(role)) {
      opened.assertNoProblems();
      await opened.context.close();
    }
  }
  // Shared: no second share, withdraw instead (activities::may_withdraw).
  await azPlanner.page.click('[data-testid="share"]');
  await azPlanner.page.locator('[data-testid="consent-state"][data-state="pending"]').waitFor();
  assert.equal(await count(azPlanner.page, 'share'), 0, 'shared once');
  await azPlanner.page.locator('[data-testid="withdraw"]').waitFor();
  await assertAccessible(azPlanner.page, 'a shared activity for its planner (ka)');
  // The other party's planner sees it now, without share or withdraw.
  const gePlanner = await openAs('ge.planner', 'ka');
  const planRead = gePlanner.page.waitForResponse((r) => r.url().endsWith(`/api/v1/plans/${year}`));
  await gePlanner.page.goto(`${BASE}/activities/${draft.id}`);
  await gePlanner.page.locator('[data-testid="consent-state"]').waitFor();
  await planRead;
  await settled(gePlanner.page);
  assert.equal(await count(gePlanner.page, 'share'), 0, 'the other party shares nothing');
  assert.equal(await count(gePlanner.page, 'withdraw'), 0, 'the other party withdraws nothing');

  // Execution on this year's signed demo plan, of an activity AZ hosts.
  const [activity] = (await ok(azPlanner.page, 'GET', `/api/v1/plans/${THIS_YEAR}/activities?consent=accepted&host=az&limit=1`)).items;
  assert.ok(activity, 'this year\'s demo plan has an accepted activity hosted by AZ');
  const held = activity.execution === 'held';
  const viewer = await openAs('az.viewer', 'ka');
  for (const [who, opened, reports, refusal] of [
    ['az.planner', azPlanner, true, null],
    ['az.coordinator', azCoord, true, null],
    ['az.viewer', viewer, false, 'role_too_low'],
    ['ge.planner', gePlanner, false, 'not_host'],
  ]) {
    const { page } = opened;
    await page.goto(`${BASE}/activities/${activity.id}`);
    await page.locator('[data-testid="execution-status"]').waitFor();
    await settled(page);
    if (reports) {
      if (activity.execution === 'held' || activity.execution === 'cancelled') {
        await page.locator('[data-testid="execution-final"]').waitFor();
      } else {
        await page.locator('[data-testid="execution-form"]').waitFor();
      }
      assert.equal(await count(page, 'execution-refusal'), 0, `${who}: nothing to explain`);
    } else {
      assert.equal(await count(page, 'execution-form'), 0, `${who}: no execution control`);
      await reason(page, 'execution-refusal', { code: refusal, lang: 'ka' });
    }
    // The summary: planners of either party once held; otherwise why not.
    const writes = held && who !== 'az.viewer';
    assert.equal(await count(page, 'summary-form'), writes ? 1 : 0, `${who}: summary form`);
    if (!writes) {
      await reason(page, 'summary-refusal', { code: who === 'az.viewer' ? 'role_too_low' : 'not_held', lang: 'ka' });
    }
    await assertAccessible(page, `the execution section for ${who} (ka)`);
  }
  for (const opened of [azPlanner, azCoord, gePlanner, viewer]) {
    opened.assertNoProblems();
    await opened.context.close();
  }
});
