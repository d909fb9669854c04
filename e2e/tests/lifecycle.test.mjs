// The plan's lifecycle after agreement, in the browser: both parties'
// signatures and the signed version's SHA-256; an amendment opened, changed,
// agreed and signed, and the side-by-side comparison; the host party's
// execution status with its reason (the other party without the control);
// after-action summaries; carrying activities not held into next year; a
// viewer without any lifecycle control; axe-core on every new view in en, az
// and ka. Each test that changes data builds its own plans (the first free
// years from 2040, far from the demo's and the board's, so a rerun on the
// same database does not collide); the others only read the demo data. Users work in different
// languages, so the flows cover all three.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  BASE, launch, signedInPage, switchLanguage, assertAccessible, screenshot, api, openAs as openAsIn, ok, freeYear, translateBoth,
} from '../lib/harness.mjs';

const openAs = (username, lang) => openAsIn(browser, username, lang);

const LANGS = ['en', 'az', 'ka'];
const THIS_YEAR = new Date().getFullYear();
let browser;

before(async () => {
  browser = await launch();
});

after(async () => {
  await browser?.close();
});

/** Like `api`, failing the test unless the answer is a success. */
/** The four users who take a plan through its steps, each in a browser page. */
async function team(langs = { azCoord: 'en', geCoord: 'ka', azPlanner: 'az', gePlanner: 'en' }) {
  return {
    azCoord: await openAs('az.coordinator', langs.azCoord),
    geCoord: await openAs('ge.coordinator', langs.geCoord),
    azPlanner: await openAs('az.planner', langs.azPlanner),
    gePlanner: await openAs('ge.planner', langs.gePlanner),
  };
}

async function closeAll(t) {
  for (const opened of Object.values(t)) await opened.context.close();
}

async function planVersion(page, year) {
  return (await ok(page, 'GET', `/api/v1/plans/${year}`)).version;
}

/** One coordinator proposes the plan's next step through the API, the other's confirms. */
async function step(proposer, confirmer, year, to) {
  const proposed = await ok(proposer, 'POST', `/api/v1/plans/${year}/transitions`, {
    body: { action: 'propose', to }, version: await planVersion(proposer, year),
  });
  await ok(confirmer, 'POST', `/api/v1/plans/${year}/transitions`, {
    body: { action: 'confirm' }, version: proposed.version,
  });
}

/** A planner drafts and shares an activity (a tentative month, so any year takes it). */
async function sharedActivity(planner, year, title, host) {
  const made = await ok(planner, 'POST', `/api/v1/plans/${year}/activities`, {
    body: {
      title, description: 'Made by the lifecycle browser test.', area: 'logistics',
      form: 'official_visits_staff_meetings', host_party: host, location: host === 'az' ? 'Baku' : 'Tbilisi',
      month: 6, cost: 'shared',
    },
  });
  const shared = await ok(planner, 'POST', `/api/v1/activities/${made.id}/share`, { version: made.version });
  return shared;
}

async function acceptBoth(t, id) {
  await translateBoth(t.azPlanner.page, t.gePlanner.page, id);
  for (const coord of [t.azCoord.page, t.geCoord.page]) {
    const current = await ok(coord, 'GET', `/api/v1/activities/${id}`);
    await ok(coord, 'POST', `/api/v1/activities/${id}/consent`, {
      body: { decision: 'accept', comment: '' }, version: current.version,
    });
  }
}

/** A plan of its own, agreed with the given activities ({by, host, title}); returns them. */
async function agreedPlan(t, year, lines) {
  await ok(t.azCoord.page, 'POST', '/api/v1/plans', { body: { year } });
  await step(t.azCoord.page, t.geCoord.page, year, 'negotiation');
  const made = [];
  for (const { by, host, title } of lines) {
    const planner = by === 'az' ? t.azPlanner.page : t.gePlanner.page;
    const activity = await sharedActivity(planner, year, title, host);
    await acceptBoth(t, activity.id);
    made.push(activity);
  }
  await step(t.geCoord.page, t.azCoord.page, year, 'agreed');
  return made;
}

/** The first year from 2040 such that it and the `span - 1` after it have no plan yet. */
function today() {
  const d = new Date();
  const pad = (n) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

async function signByApi(page, year, signatory) {
  await ok(page, 'POST', `/api/v1/plans/${year}/signatures`, {
    body: { signatory, position: 'Minister of Defence', signed_on: today(), place: 'Baku' },
    version: await planVersion(page, year),
  });
}

async function openPlan(page, year) {
  await page.goto(`${BASE}/plans/${year}`);
  await page.locator('[data-testid="plan-state"]').waitFor();
  await page.waitForFunction(() => document.querySelector('.loading') === null);
}

/** The plan page's sign form, filled in. */
async function fillSignature(page, { signatory, position, date, place }) {
  await page.fill('#signatory', signatory);
  await page.fill('#position', position);
  await page.fill('#signed_on', date);
  await page.fill('#place', place);
}

test('both coordinators sign an agreed plan in the browser and the signed version with its SHA-256 is shown', async () => {
  const t = await team({ azCoord: 'en', geCoord: 'ka', azPlanner: 'az', gePlanner: 'en' });
  const year = await freeYear(t.azCoord.page, 2040, 2100, 1);
  const [line] = await agreedPlan(t, year, [{ by: 'az', host: 'ge', title: `Signing test staff talks ${Date.now()}` }]);

  // AZ's coordinator: the form says what is missing, next to each field, before asking the server.
  const az = t.azCoord.page;
  await openPlan(az, year);
  await az.locator('[data-testid="signatures"]').waitFor();
  assert.equal(await az.locator('[data-testid="signature-az"]').getAttribute('data-signed'), 'false');
  await az.fill('#signed_on', '');
  await az.click('[data-testid="sign"]');
  for (const field of ['signatory', 'position', 'signed_on', 'place']) {
    await az.locator(`[data-field-error="${field}"]`).waitFor();
  }
  // The server refuses a date in the future; its answer is shown beside the date.
  const future = `${THIS_YEAR + 1}-01-15`;
  await fillSignature(az, { signatory: 'Z. Hasanov', position: 'Minister of Defence', date: future, place: 'Baku' });
  await az.click('[data-testid="sign"]');
  await az.locator('[data-field-error="signed_on"]').waitFor();
  assert.match(await az.locator('[data-field-error="signed_on"]').innerText(), /future/);
  assert.equal(await az.locator('[data-field-error="signatory"]').count(), 0);
  await assertAccessible(az, 'the signature form with errors (en)');
  await screenshot(az, 'lifecycle-sign-errors-en');
  await az.fill('#signed_on', today());
  await az.click('[data-testid="sign"]');
  await az.locator('[data-testid="signature-az"][data-signed="true"]').waitFor();
  assert.match(await az.locator('[data-testid="signature-az"]').innerText(), /Z\. Hasanov, Minister of Defence/);
  assert.equal(await az.locator('[data-testid="sign-form"]').count(), 0, 'a party signs once');
  assert.equal(await az.locator('[data-testid="plan-state"]').getAttribute('data-state'), 'agreed');

  // GE's coordinator, in Georgian, records GE's signature: the plan is signed.
  const ge = t.geCoord.page;
  await openPlan(ge, year);
  await ge.locator('[data-testid="signature-az"][data-signed="true"]').waitFor();
  await fillSignature(ge, { signatory: 'I. Chikovani', position: 'Minister of Defence', date: today(), place: 'Tbilisi' });
  await ge.click('[data-testid="sign"]');
  await ge.locator('[data-testid="plan-state"][data-state="signed"]').waitFor();
  await ge.locator('[data-testid="signature-ge"][data-signed="true"]').waitFor();
  const versions = await ok(ge, 'GET', `/api/v1/plans/${year}/versions`);
  assert.equal(versions.length, 1);
  assert.match(versions[0].sha256, /^[0-9a-f]{64}$/);
  await ge.locator('[data-testid="signed-version-hash"]').waitFor();
  assert.equal(await ge.locator('[data-testid="signed-version-hash"]').innerText(), versions[0].sha256);
  assert.equal(await ge.locator('[data-testid="signed-version-number"]').innerText(), '1');
  await ge.waitForFunction(() => document.querySelector('.loading') === null);
  await assertAccessible(ge, 'a signed plan (ka)');
  await screenshot(ge, 'lifecycle-signed-ka');

  // The other party sees the same hash, and the frozen version behind the link.
  await openPlan(az, year);
  await az.locator('[data-testid="signed-version-hash"]').waitFor();
  assert.equal(await az.locator('[data-testid="signed-version-hash"]').innerText(), versions[0].sha256);
  await az.click('[data-testid="signed-version-link"]');
  await az.locator(`[data-testid="snapshot"] tr[data-reference="${line.reference}"]`).waitFor();
  assert.equal(await az.locator('[data-testid="version-hash"]').innerText(), versions[0].sha256);
  await assertAccessible(az, 'a signed version (en)');
  await closeAll(t);
});

test('an amendment is opened, an activity changed and one added, agreed and signed; the comparison shows both', async () => {
  const t = await team({ azCoord: 'az', geCoord: 'ka', azPlanner: 'en', gePlanner: 'en' });
  const year = await freeYear(t.azCoord.page, 2040, 2100, 1);
  const [line] = await agreedPlan(t, year, [{ by: 'az', host: 'ge', title: `Amendment test exercise ${Date.now()}` }]);
  await signByApi(t.azCoord.page, year, 'Z. Hasanov');
  await signByApi(t.geCoord.page, year, 'I. Chikovani');

  // A coordinator opens the amendment from the plan page.
  const az = t.azCoord.page;
  await openPlan(az, year);
  await az.click('[data-testid="open-amendment"]');
  await az.locator('[data-testid="amendment"]').waitFor();
  await az.locator('[data-testid="plan-state"][data-state="negotiation"]').waitFor();
  // The signed version stays in force: the plan reads as signed, the amendment beside it.
  const shown = az.locator('[data-testid="plan-state"]');
  assert.equal(await shown.getAttribute('data-amending'), '1');
  assert.equal((await shown.textContent()).trim(), 'imzalanıb — 1 saylı dəyişiklik üzrə danışıqlar gedir');
  assert.equal(await az.locator('[data-testid="open-amendment"]').count(), 0);
  await az.waitForFunction(() => document.querySelector('.loading') === null);
  await assertAccessible(az, 'a plan being amended (az)');

  // The amendment: the AZ planner retitles the activity, the GE planner adds one; both accepted.
  const newTitle = `Amended exercise ${Date.now()}`;
  const current = await ok(t.azPlanner.page, 'GET', `/api/v1/activities/${line.id}`);
  await ok(t.azPlanner.page, 'PATCH', `/api/v1/activities/${line.id}`, {
    body: { title: newTitle }, version: current.version,
  });
  await acceptBoth(t, line.id);
  const added = await sharedActivity(t.gePlanner.page, year, `Added by the amendment ${Date.now()}`, 'az');
  await acceptBoth(t, added.id);

  // While it is negotiated, the amendment compares with the signed version.
  await openPlan(az, year);
  await az.click('[data-testid="amendment-compare"]');
  await az.waitForURL((url) => url.pathname.endsWith('/versions/compare') && url.searchParams.get('to') === '2');
  await az.locator('[data-testid="compare-draft"]').waitFor();
  await az.locator(`[data-added="${added.reference}"]`).waitFor();
  const titleRow = az.locator(`[data-changed-ref="${line.reference}"] tr[data-field="title"]`);
  assert.equal(await titleRow.getAttribute('data-changed'), 'true');
  assert.match(await titleRow.innerText(), new RegExp(newTitle));
  assert.match(await titleRow.innerText(), /dəyişib/, 'the change is marked in words, not only by colour');
  assert.equal(
    await az.locator(`[data-changed-ref="${line.reference}"] tr[data-field="location"]`).getAttribute('data-changed'),
    'false',
  );
  await assertAccessible(az, 'the comparison with an amendment in progress (az)');
  await screenshot(az, 'lifecycle-compare-draft-az');

  // Agreed and signed like the original, in the browser.
  await step(t.azCoord.page, t.geCoord.page, year, 'agreed');
  for (const [opened, who, place] of [[t.geCoord, 'I. Chikovani', 'Tbilisi'], [t.azCoord, 'Z. Hasanov', 'Baku']]) {
    const page = opened.page;
    await openPlan(page, year);
    await page.locator('[data-testid="sign-form"]').waitFor();
    await fillSignature(page, { signatory: who, position: 'Minister of Defence', date: today(), place });
    await page.click('[data-testid="sign"]');
    await page.locator('[data-testid="sign-form"]').waitFor({ state: 'detached' });
  }
  await az.locator('[data-testid="plan-state"][data-state="signed"]').waitFor();
  await az.locator('[data-testid="signed-version-number"]', { hasText: '2' }).waitFor();

  // The frozen comparison, reached from the plan page, in Georgian.
  const ge = t.geCoord.page;
  await openPlan(ge, year);
  await ge.click('[data-testid="compare-previous"]');
  await ge.waitForURL((url) => url.searchParams.get('from') === '1' && url.searchParams.get('to') === '2');
  await ge.locator(`[data-added="${added.reference}"]`).waitFor();
  assert.equal(await ge.locator('[data-testid="compare-draft"]').count(), 0, 'both versions are signed');
  assert.equal(
    await ge.locator(`[data-changed-ref="${line.reference}"] tr[data-field="title"]`).getAttribute('data-changed'),
    'true',
  );
  await assertAccessible(ge, 'the comparison of two signed versions (ka)');
  await screenshot(ge, 'lifecycle-compare-ka');

  // The versions list, and picking another pair keeps it in the address.
  await ge.goto(`${BASE}/plans/${year}/versions`);
  await ge.locator('[data-testid="versions"] tr[data-version="2"]').waitFor();
  assert.equal(await ge.locator('[data-testid="versions"] tbody tr').count(), 2);
  await ge.selectOption('#compare-from', '2');
  await ge.selectOption('#compare-to', '1');
  await ge.click('[data-testid="compare"]');
  await ge.waitForURL((url) => url.searchParams.get('from') === '2' && url.searchParams.get('to') === '1');
  await ge.locator(`[data-removed="${added.reference}"]`).waitFor();
  await closeAll(t);
});

test('the host party sets the execution status with a reason, the other party has no control, and activities not held are carried over', async () => {
  const t = await team({ azCoord: 'en', geCoord: 'en', azPlanner: 'az', gePlanner: 'ka' });
  // This year and the next (carry-over goes there).
  const year = await freeYear(t.azCoord.page, 2040, 2100, 2);
  const [hostedByGe, hostedByAz] = await agreedPlan(t, year, [
    { by: 'az', host: 'ge', title: `Execution test visit ${Date.now()}` },
    { by: 'az', host: 'az', title: `Execution test seminar ${Date.now()}` },
  ]);
  await signByApi(t.azCoord.page, year, 'Z. Hasanov');
  await signByApi(t.geCoord.page, year, 'I. Chikovani');

  // The proposing party (AZ) is not the host: it sees the status, never the control.
  const az = t.azPlanner.page;
  await az.goto(`${BASE}/activities/${hostedByGe.id}`);
  await az.locator('[data-testid="execution-status"][data-status="planned"]').waitFor();
  await az.locator('[data-testid="execution-refusal"][data-code="not_host"]').waitFor();
  assert.equal(await az.locator('[data-testid="execution-form"]').count(), 0);

  // The host (GE), in Georgian: only the allowed next statuses; a reason is required to postpone.
  const ge = t.gePlanner.page;
  await ge.goto(`${BASE}/activities/${hostedByGe.id}`);
  await ge.locator('[data-testid="execution-form"]').waitFor();
  const offered = await ge.locator('input[name="execution"]').evaluateAll((els) => els.map((e) => e.value));
  assert.deepEqual(offered, ['confirmed', 'postponed', 'cancelled'], 'held only after confirmed');
  await ge.check('input[data-execution="postponed"]');
  await ge.click('[data-testid="set-execution"]');
  await ge.locator('[data-field-error="execution-reason"]').waitFor();
  await ge.fill('#execution-reason', 'The exercise area is flooded.');
  await ge.click('[data-testid="set-execution"]');
  await ge.locator('[data-testid="execution-status"][data-status="postponed"]').waitFor();
  assert.equal(await ge.locator('[data-testid="execution-reason"]').innerText(), 'The exercise area is flooded.');
  await assertAccessible(ge, 'the execution section of the host (ka)');
  await screenshot(ge, 'lifecycle-execution-ka');

  // Someone of GE confirms it meanwhile: the open page follows the live
  // stream at once, without a reload, and says who changed it.
  const current = await ok(ge, 'GET', `/api/v1/activities/${hostedByGe.id}`);
  await ok(t.geCoord.page, 'POST', `/api/v1/activities/${hostedByGe.id}/execution`, {
    body: { status: 'confirmed' }, version: current.version,
  });
  await ge.locator('[data-testid="execution-status"][data-status="confirmed"]').waitFor();
  await ge.locator('[data-testid="live-note"] p').waitFor();
  await ge.check('input[data-execution="held"]');
  await ge.click('[data-testid="set-execution"]');
  await ge.locator('[data-testid="execution-status"][data-status="held"]').waitFor();
  await ge.locator('[data-testid="execution-final"]').waitFor();

  // Each party writes its own after-action summary once held.
  await ge.fill('#summary', 'Held as planned; twelve officers took part.');
  await ge.click('[data-testid="save-summary"]');
  await ge.locator('[data-testid="summary-ge"]').waitFor();
  await az.reload();
  await az.locator('[data-testid="summary-ge"]').waitFor();
  assert.equal(await az.locator('[data-testid="execution-form"]').count(), 0);
  await az.locator('[data-testid="summary-form"]').waitFor();

  // AZ hosts the seminar and cancels it; the AZ planner carries it into next year's draft.
  const seminar = await ok(az, 'GET', `/api/v1/activities/${hostedByAz.id}`);
  await ok(az, 'POST', `/api/v1/activities/${hostedByAz.id}/execution`, {
    body: { status: 'cancelled', reason: 'Moved to next year.' }, version: seminar.version,
  });
  await ok(t.azCoord.page, 'POST', '/api/v1/plans', { body: { year: year + 1 } });
  await openPlan(az, year);
  await az.locator('[data-testid="carry"]').waitFor();
  assert.equal(await az.locator(`[data-carry="${hostedByGe.id}"]`).count(), 0, 'held: not carried over');
  await az.click('[data-testid="carry-over"]');
  await az.locator('[data-field-error="activities"]').waitFor();
  await az.check(`[data-carry="${hostedByAz.id}"]`);
  await assertAccessible(az, 'carrying over (az)');
  await az.click('[data-testid="carry-over"]');
  const link = az.locator('[data-testid="carried"] a[data-carried-id]');
  await link.waitFor();
  await link.click();
  await az.locator('[data-testid="consent-state"][data-state="draft"]').waitFor();
  const draft = await ok(az, 'GET', `/api/v1/activities/${new URL(az.url()).pathname.split('/').pop()}`);
  assert.equal(draft.year, year + 1);
  assert.equal(draft.carried_from, hostedByAz.id);
  await closeAll(t);
});

/** Lifecycle controls: none of them may show for a viewer. */
const CONTROLS = [
  'sign-form', 'sign', 'open-amendment', 'carry', 'carry-over', 'execution-form', 'set-execution',
  'summary-form', 'save-summary', 'propose-step', 'confirm-step', 'decline-step', 'withdraw-step',
].map((id) => `[data-testid="${id}"]`).join(', ');

/** An accepted activity of this year's (signed) demo plan hosted by `host`. */
async function demoActivity(page, host) {
  const list = await ok(page, 'GET', `/api/v1/plans/${THIS_YEAR}/activities?consent=accepted&host=${host}&limit=1`);
  assert.ok(list.items.length > 0, `this year's demo plan has an accepted activity hosted by ${host}`);
  return list.items[0];
}

test('a viewer sees signatures, versions, the comparison and execution, but no lifecycle control', async () => {
  const { page, context, assertNoProblems } = await openAs('az.viewer', 'en');
  for (const year of [THIS_YEAR - 1, THIS_YEAR]) {
    await openPlan(page, year);
    await page.locator('[data-testid="signed-version-hash"]').waitFor();
    assert.equal(await page.locator(CONTROLS).count(), 0, `plan ${year}`);
  }
  const activity = await demoActivity(page, 'az');
  await page.goto(`${BASE}/activities/${activity.id}`);
  await page.locator('[data-testid="execution-status"]').waitFor();
  assert.equal(await page.locator(CONTROLS).count(), 0, 'an activity hosted by the viewer\'s own party');
  await page.goto(`${BASE}/plans/${THIS_YEAR}/versions`);
  await page.locator('[data-testid="versions"]').waitFor();
  assert.equal(await page.locator(CONTROLS).count(), 0, 'versions');
  assertNoProblems();
  await context.close();
});

test('every lifecycle view passes axe and is photographed in every language', async () => {
  const { page, context, assertNoProblems } = await openAs('az.planner', 'en');
  const hosted = await demoActivity(page, 'az');
  const plan = await ok(page, 'GET', `/api/v1/plans/${THIS_YEAR}`);
  const views = [
    // Last year's closed plan: signed version and carrying over.
    ['closed-plan', `/plans/${THIS_YEAR - 1}`, '[data-testid="signed-version-hash"]'],
    // This year's plan, signed and being amended.
    ['amended-plan', `/plans/${THIS_YEAR}`, '[data-testid="amendment"]'],
    ['versions', `/plans/${THIS_YEAR}/versions`, '[data-testid="versions"]'],
    ['version', `/plans/${THIS_YEAR}/versions/1`, '[data-testid="snapshot"]'],
    ['compare', `/plans/${THIS_YEAR}/versions/compare?from=1&to=${plan.amendment + 1}`, '[data-testid="compare-summary"]'],
    ['execution', `/activities/${hosted.id}`, '[data-testid="execution"]'],
  ];
  for (const lang of LANGS) {
    await switchLanguage(page, lang);
    for (const [name, path, ready] of views) {
      await page.goto(`${BASE}${path}`);
      await page.locator(ready).first().waitFor();
      await page.waitForFunction(() => document.querySelector('.loading') === null);
      const text = await page.locator('main').innerText();
      assert.ok(!/\bKey::|\{[a-z]+\}/.test(text), `no untranslated placeholder on ${name} in ${lang}`);
      await assertAccessible(page, `${name} in ${lang}`);
      await screenshot(page, `lifecycle-${name}-${lang}`);
    }
  }
  await switchLanguage(page, 'en');
  assertNoProblems();
  await context.close();
});
