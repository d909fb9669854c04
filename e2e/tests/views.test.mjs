// The calendar, the timeline and the dashboard. The calendar and the
// timeline run on a plan of their own (created here, so test order does not
// matter); the dashboard is compared with the API's figures for that plan
// and for last year's closed demo plan (which nothing changes any more).
// Every view passes axe and is photographed in every language.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  BASE, launch, signedInPage, switchLanguage, assertAccessible, screenshot, api as call, openAs as openAsIn,
} from '../lib/harness.mjs';

const api = (page, method, path, body, ifMatch) => call(page, method, path, { body, ifMatch });
const openAs = (username, lang) => openAsIn(browser, username, lang);

const LANGS = ['en', 'az', 'ka'];
const THIS_YEAR = new Date().getFullYear();
const YEAR = THIS_YEAR + 8;
const CLOSED_YEAR = THIS_YEAR - 1;
const MARCH = { en: 'March', az: 'mart', ka: 'მარტი' };
let browser;
let ids;

before(async () => {
  browser = await launch();
});

after(async () => {
  await browser?.close();
});

function activity(title, area, schedule) {
  return {
    title, description: 'Planned for the calendar and timeline test.', area, form: 'conferences_seminars',
    host_party: 'ge', location: 'Tbilisi', cost: 'sending_party_pays', ...schedule,
  };
}

/**
 * The test's plan, once: an AZ coordinator creates it; an AZ planner drafts a
 * dated activity spanning 10–12 March (shared with Georgia) and a tentative
 * one for March (left a private draft).
 */
async function fixture() {
  if (ids) return ids;
  const coord = await signedInPage(browser, 'az.coordinator');
  const created = await api(coord.page, 'POST', '/api/v1/plans', { year: YEAR });
  assert.ok(created.status === 201 || created.status === 409, JSON.stringify(created.body));
  const planner = await signedInPage(browser, 'az.planner');
  const dated = await api(planner.page, 'POST', `/api/v1/plans/${YEAR}/activities`,
    activity('Cyber defence seminar', 'defence_cyber_security', { start_date: `${YEAR}-03-10`, end_date: `${YEAR}-03-12` }));
  assert.equal(dated.status, 201, JSON.stringify(dated.body));
  const shared = await api(planner.page, 'POST', `/api/v1/activities/${dated.body.id}/share`, undefined, dated.etag);
  assert.equal(shared.status, 200, JSON.stringify(shared.body));
  const tentative = await api(planner.page, 'POST', `/api/v1/plans/${YEAR}/activities`,
    activity('Medical services exchange', 'military_medical_services', { month: 3 }));
  assert.equal(tentative.status, 201, JSON.stringify(tentative.body));
  await coord.context.close();
  await planner.context.close();
  ids = { dated: dated.body.id, tentative: tentative.body.id };
  return ids;
}

test('the calendar shows a dated activity on its days and a tentative one under its month, in every language', async () => {
  const { dated, tentative } = await fixture();
  for (const lang of LANGS) {
    const { page, context, assertNoProblems } = await openAs('az.planner', lang);
    await page.goto(`${BASE}/plans/${YEAR}/calendar?month=3`);
    await page.locator('[data-testid="calendar"][data-month="3"]').waitFor();
    assert.match(await page.locator('#cal-title').innerText(), new RegExp(MARCH[lang]));
    const first = page.locator(`td[data-date="${YEAR}-03-10"] a[data-activity="${dated}"]`);
    await first.waitFor();
    for (const day of [11, 12]) {
      // A week row begins on Monday with the link again; other days are marked.
      const mark = new Date(Date.UTC(YEAR, 2, day)).getUTCDay() === 1 ? 'a' : '.cal-cont';
      assert.equal(await page.locator(`td[data-date="${YEAR}-03-${day}"] ${mark}[data-activity="${dated}"]`).count(), 1,
        'the days it spans are marked');
    }
    assert.equal(await page.locator(`td[data-date="${YEAR}-03-13"] [data-activity="${dated}"]`).count(), 0);
    assert.equal(await page.locator(`[data-testid="tentative"] a[data-activity="${tentative}"]`).count(), 1,
      'the tentative activity is listed under its month');
    assert.equal(await page.locator(`.calendar a[data-activity="${tentative}"]`).count(), 0, 'and not on a day');
    await assertAccessible(page, `the calendar (${lang})`);
    await screenshot(page, `views-calendar-${lang}`);

    // The month buttons and the filter bar's month select move together.
    await page.click('[data-testid="next-month"]');
    await page.locator('[data-testid="calendar"][data-month="4"]').waitFor();
    assert.equal(await page.locator('#filter-month').inputValue(), '4');
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Enter');
    await page.locator('[data-testid="calendar"][data-month="3"]').waitFor();

    if (lang === 'en') {
      // Keyboard: the entry is a link reached with Tab; Enter opens the activity.
      await page.locator(`td[data-date="${YEAR}-03-10"] a[data-activity="${dated}"]`).focus();
      await page.keyboard.press('Enter');
      await page.waitForURL((url) => url.pathname === `/activities/${dated}`);
    }
    assertNoProblems();
    await context.close();
  }

  // Georgia sees the shared activity, never Azerbaijan's private draft.
  const { page, context } = await openAs('ge.coordinator', 'ka');
  await page.goto(`${BASE}/plans/${YEAR}/calendar?month=3`);
  await page.locator(`td[data-date="${YEAR}-03-10"] a[data-activity="${dated}"]`).waitFor();
  assert.equal(await page.locator(`a[data-activity="${tentative}"]`).count(), 0);
  await context.close();
});

test('the timeline has a row per area with the activities as bars, the tentative one marked', async () => {
  const { dated, tentative } = await fixture();
  for (const lang of LANGS) {
    const { page, context, assertNoProblems } = await openAs('az.planner', lang);
    await page.goto(`${BASE}/plans/${YEAR}/timeline`);
    await page.locator('[data-testid="timeline"]').waitFor();
    await page.locator('.tl-bar').first().waitFor();
    assert.equal(await page.locator('.tl-row[data-area]').count(), 14, 'one row per area of co-operation');
    const bar = page.locator(`.tl-row[data-area="defence_cyber_security"] a.tl-bar[data-activity="${dated}"]`);
    assert.equal(await bar.count(), 1);
    assert.equal(await bar.evaluate((el) => el.classList.contains('tentative')), false);
    const month = page.locator(`.tl-row[data-area="military_medical_services"] a.tl-bar.tentative[data-activity="${tentative}"]`);
    assert.equal(await month.count(), 1, 'the month-only activity is a marked bar');
    assert.match(await month.textContent(), /~/);
    // The area's label is the agreed wording, in the page's language.
    // (waited for: the page may first render in the language it loaded with
    // and follow the switch a moment later; a label that never follows times out)
    const wording = { en: 'military medical services', az: 'hərbi tibb xidmətləri', ka: 'სამხედრო სამედიცინო მომსახურება' }[lang];
    await page.locator('#tl-military_medical_services', { hasText: wording }).waitFor();
    assert.equal(await page.locator('#tl-military_medical_services').innerText(), wording);
    await assertAccessible(page, `the timeline (${lang})`);
    await screenshot(page, `views-timeline-${lang}`);
    if (lang === 'ka') {
      await bar.click();
      await page.waitForURL((url) => url.pathname === `/activities/${dated}`);
    }
    assertNoProblems();
    await context.close();
  }
});

/** The figure shown for `key` in the chart `chart`. */
async function shown(page, chart, key) {
  return Number(await page.locator(`[data-chart="${chart}"] tr[data-key="${key}"] td`).getAttribute('data-value'));
}

function count(list, key) {
  return (list.find(([k]) => k === key) ?? [key, 0])[1];
}

test('the dashboard shows the API\'s counts and execution report, in every language', async () => {
  await fixture();
  for (const lang of LANGS) {
    const { page, context, assertNoProblems } = await openAs('az.planner', lang);

    // A plan in drafting: counts and reciprocity as the API gives them to this party.
    const counts = (await api(page, 'GET', `/api/v1/plans/${YEAR}/activities/counts`)).body;
    await page.goto(`${BASE}/plans/${YEAR}/dashboard`);
    await page.locator('[data-chart="consent"]').waitFor();
    assert.equal(Number(await page.locator('[data-testid="total"]').getAttribute('data-value')), counts.total);
    for (const state of ['draft', 'pending', 'accepted', 'rejected']) {
      assert.equal(await shown(page, 'consent', state), count(counts.by_consent, state), `consent ${state}`);
    }
    for (const area of ['defence_cyber_security', 'military_medical_services', 'logistics']) {
      assert.equal(await shown(page, 'area', area), count(counts.by_area, area), `area ${area}`);
    }
    assert.equal(await shown(page, 'form', 'conferences_seminars'), count(counts.by_form, 'conferences_seminars'));
    assert.equal(await shown(page, 'reciprocity', 'ge_hosted'), count(counts.by_host, 'ge'));
    assert.equal(await shown(page, 'reciprocity', 'az_sent'), count(counts.by_host, 'ge'));
    assert.equal(await shown(page, 'reciprocity', 'az_hosted'), count(counts.by_host, 'az'));
    assert.ok(counts.total >= 2 && count(counts.by_host, 'ge') >= 2, 'the fixture is counted');
    assert.equal(await page.locator('[data-testid="report"]').count(), 0, 'no report before signing');
    await assertAccessible(page, `the dashboard of a plan in drafting (${lang})`);

    // Last year's closed plan: its final execution report.
    const report = (await api(page, 'GET', `/api/v1/plans/${CLOSED_YEAR}/report`)).body;
    assert.equal(report.closed, true, 'the demo plan of last year is closed');
    await page.goto(`${BASE}/plans/${CLOSED_YEAR}/dashboard`);
    await page.locator('[data-testid="report"][data-closed="true"]').waitFor();
    const o = report.overall;
    for (const status of ['held', 'postponed', 'cancelled', 'open']) {
      assert.equal(await shown(page, 'execution', status), o[status], `execution ${status}`);
    }
    assert.equal(Number(await page.locator('[data-testid="rate"]').getAttribute('data-value')), Math.round(o.share_held * 100));
    for (const r of report.reciprocity) {
      assert.equal(await shown(page, 'signed-reciprocity', `${r.party}_hosted`), r.hosted);
      assert.equal(await shown(page, 'signed-reciprocity', `${r.party}_sent`), r.sent);
    }
    for (const f of report.by_area) {
      const cells = await page.locator(`[data-testid="report-area"] tr[data-key="${f.key}"] td[data-value]`)
        .evaluateAll((tds) => tds.map((td) => Number(td.dataset.value)));
      assert.deepEqual(cells, [f.total, f.held, f.postponed, f.cancelled, f.open], `report for ${f.key}`);
    }
    await assertAccessible(page, `the dashboard of a closed plan (${lang})`);
    await screenshot(page, `views-dashboard-${lang}`);
    assertNoProblems();
    await context.close();
  }
});

test('the plan page links to the calendar, the timeline and the dashboard', async () => {
  const { page, context } = await openAs('ge.viewer', 'az');
  await page.goto(`${BASE}/plans/${THIS_YEAR}`);
  for (const [tab, text] of [['calendar', 'Təqvim'], ['timeline', 'Zaman xətti'], ['dashboard', 'Göstəricilər']]) {
    const link = page.locator(`nav.tabs a[data-tab="${tab}"]`);
    assert.equal(await link.innerText(), text);
  }
  await page.click('nav.tabs a[data-tab="dashboard"]');
  await page.waitForURL((url) => url.pathname === `/plans/${THIS_YEAR}/dashboard`);
  await page.locator('[data-chart="area"]').waitFor();
  await context.close();
});
