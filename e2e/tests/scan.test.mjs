// A board you can scan and controls that explain the rules (issue 17, items
// 6 and 3): the columns in one row with sticky headings at 1440×900, a
// colour and an icon per consent state, swimlanes, a compact density, one
// column at a time on a phone (390×844) with the filters folded away; the
// filters following the user from view to view; a search that applies as
// the user types; a table that fits and sorts by every column it shows; a
// signed plan's activities without Edit, Withdraw or the consent form (and
// the reason said); "Propose: agreed" disabled with what blocks it; a
// planner told who decides consent. Every view passes axe; the board is
// photographed at both sizes in az and ka.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  BASE, launch, api, openAs as openAsIn, switchLanguage, assertAccessible, screenshot, signedInPage, ok,
} from '../lib/harness.mjs';

const DEMO_YEAR = new Date().getFullYear() + 1;
const DESKTOP = { width: 1440, height: 900 };
const PHONE = { width: 390, height: 844 };
let browser;

before(async () => {
  browser = await launch();
});

after(async () => {
  await browser?.close();
});

/** A fresh page at `viewport`, signed in as `username`, in `lang`. */
async function openAt(username, lang, viewport) {
  const opened = await signedInPage(browser, username, { viewport });
  await switchLanguage(opened.page, lang);
  return opened;
}

// The board draws the cards beyond the first screen in the frames after its
// first, `aria-busy` until then: wait for all of them.
async function openBoard(page, query = '') {
  await page.goto(`${BASE}/plans/${DEMO_YEAR}/board${query}`);
  await page.locator('[data-testid="board"]:not([aria-busy="true"]) .activity-card').first().waitFor();
}

test('the board: one row of columns with sticky headings, a colour and an icon per state, counts, lanes, compact', async () => {
  const { page, context, assertNoProblems } = await openAt('az.coordinator', 'en', DESKTOP);
  await openBoard(page);
  const board = page.locator('[data-testid="board"]');
  const columns = board.locator('[data-column]');
  assert.equal(await columns.count(), 8, 'one column per consent state');

  // One row: every column's top at the same height, the row scrolling sideways.
  const tops = await columns.evaluateAll((cols) => cols.map((c) => Math.round(c.getBoundingClientRect().top)));
  assert.equal(new Set(tops).size, 1, `column tops ${tops}`);
  const widths = await board.evaluate((b) => ({ scroll: b.scrollWidth, client: b.clientWidth }));
  assert.ok(widths.scroll > widths.client, 'the row is wider than the page: it scrolls sideways');
  const pageWidth = await page.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(pageWidth <= DESKTOP.width, 'the page itself never scrolls sideways');

  // Sticky headings: scrolled down inside the board, the headings stay at its top.
  const heads = board.locator('.column-head');
  assert.deepEqual(
    [...new Set(await heads.evaluateAll((hs) => hs.map((h) => getComputedStyle(h).position)))],
    ['sticky'],
  );
  const scrolled = await board.evaluate((b) => {
    if (b.scrollHeight <= b.clientHeight + 50) return null;
    b.scrollTop = 400;
    const head = [...b.querySelectorAll('.column')]
      .sort((x, y) => y.getBoundingClientRect().height - x.getBoundingClientRect().height)[0]
      .querySelector('.column-head');
    return Math.abs(head.getBoundingClientRect().top - b.getBoundingClientRect().top);
  });
  if (scrolled !== null) assert.ok(scrolled < 2, `the heading sticks to the board's top (${scrolled}px off)`);
  await board.evaluate((b) => { b.scrollTop = 0; });

  // A colour and an icon per state: rejected and withdrawn never look like accepted.
  const look = (state) => board.locator(`[data-column="${state}"] .column-head`).evaluate((h) => ({
    icon: h.querySelector('.state-icon').textContent,
    colour: getComputedStyle(h).color,
    background: getComputedStyle(h).backgroundColor,
  }));
  const accepted = await look('accepted');
  for (const other of ['rejected', 'withdrawn']) {
    const seen = await look(other);
    assert.notEqual(seen.icon, accepted.icon, `${other} has its own icon`);
    assert.notEqual(seen.colour, accepted.colour, `${other} has its own colour`);
    assert.notEqual(seen.background, accepted.background, `${other} has its own background`);
  }
  const icons = await board.locator('.column-head .state-icon').allTextContents();
  assert.equal(new Set(icons).size, 8, 'eight different icons');
  // A card carries its state's colour too.
  const cardColour = async (state) => {
    const card = board.locator(`[data-column="${state}"] .activity-card`).first();
    return (await card.count()) ? card.evaluate((c) => getComputedStyle(c).borderLeftColor) : null;
  };
  const [acceptedCard, rejectedCard] = [await cardColour('accepted'), await cardColour('rejected')];
  if (acceptedCard && rejectedCard) assert.notEqual(acceptedCard, rejectedCard);

  // The counts in the headings add up to the cards.
  const counts = await board.locator('.column-head .count').evaluateAll((cs) => cs.map((c) => Number(c.dataset.count)));
  assert.equal(counts.reduce((a, b) => a + b, 0), await board.locator('.activity-card').count());
  await assertAccessible(page, 'the board at 1440×900');

  // Swimlanes by area, then by host party (in the address, so a link keeps them).
  await page.selectOption('#board-lanes', 'area');
  await page.waitForURL((url) => url.searchParams.get('lanes') === 'area');
  await board.locator('.lane').first().waitFor();
  const lanes = await board.locator('.lane').count();
  assert.ok(lanes >= 2, `several area lanes (${lanes})`);
  assert.equal(await board.locator('.lane').first().locator('[data-column]').count(), 8);
  await assertAccessible(page, 'the board in swimlanes by area');
  await page.selectOption('#board-lanes', 'host');
  await page.waitForURL((url) => url.searchParams.get('lanes') === 'host');
  await page.waitForFunction(() => [...document.querySelectorAll('.lane')].every((l) => ['az', 'ge'].includes(l.dataset.lane)));
  assert.ok((await board.locator('.lane').count()) <= 2);
  await page.selectOption('#board-lanes', '');
  await page.waitForURL((url) => !url.searchParams.has('lanes'));

  // The compact density hides the details line and is remembered.
  const meta = board.locator('.activity-card .meta').first();
  assert.ok(await meta.isVisible());
  await page.check('#board-compact');
  await page.locator('[data-testid="board"][data-density="compact"]').waitFor();
  assert.ok(!(await meta.isVisible()), 'compact cards hide the details line');
  await page.reload();
  await page.locator('[data-testid="board"][data-density="compact"]').waitFor();
  await page.uncheck('#board-compact');
  await page.locator('[data-testid="board"][data-density="normal"]').waitFor();
  assertNoProblems();
  await context.close();
});

test('the board is photographed at 1440×900 and 390×844 in az and ka; a phone shows one column and folds the filters', async () => {
  for (const lang of ['az', 'ka']) {
    const wide = await openAt('az.planner', lang, DESKTOP);
    await openBoard(wide.page);
    await wide.page.waitForFunction(() => document.querySelector('.loading') === null);
    await screenshot(wide.page, `board-1440-${lang}`);
    wide.assertNoProblems();
    await wide.context.close();

    const { page, context, assertNoProblems } = await openAt('az.planner', lang, PHONE);
    await openBoard(page);
    // The filters are folded away behind a disclosure.
    const fold = page.locator('details.filters-fold');
    assert.equal(await fold.evaluate((d) => d.open), false, 'the filters start folded on a phone');
    assert.ok(!(await page.locator('#filter-area').isVisible()));
    // One column at a time, chosen with the state switcher.
    const visible = () => page.locator('[data-testid="board"] [data-column]').evaluateAll(
      (cols) => cols.filter((c) => c.getBoundingClientRect().height > 0).map((c) => c.dataset.column),
    );
    const first = await visible();
    assert.equal(first.length, 1, `one column shown (${first})`);
    const switcher = page.locator('#board-column');
    assert.ok(await switcher.isVisible());
    assert.equal(await switcher.inputValue(), first[0]);
    const other = first[0] === 'accepted' ? 'pending' : 'accepted';
    await page.selectOption('#board-column', other);
    await page.waitForFunction((s) => document.querySelector('[data-testid="board"]').dataset.show === s, other);
    assert.deepEqual(await visible(), [other]);
    const fits = await page.locator('[data-testid="board"]').evaluate((b) => b.scrollWidth <= b.clientWidth + 1
      && b.getBoundingClientRect().right <= window.innerWidth);
    assert.ok(fits, 'the board fits the phone: nothing to scroll sideways');
    await assertAccessible(page, `the board on a phone in ${lang}`);
    await screenshot(page, `board-390-${lang}`);
    await fold.locator('summary').click();
    await page.locator('#filter-area').waitFor({ state: 'visible' });
    assertNoProblems();
    await context.close();
  }
});

test('filters follow the user from the board to the table, calendar, timeline and dashboard; the search applies while typing', async () => {
  const { page, context, assertNoProblems } = await openAt('az.coordinator', 'en', DESKTOP);
  await openBoard(page);
  await page.selectOption('#filter-area', 'logistics');
  await page.waitForURL((url) => url.searchParams.get('area') === 'logistics');
  for (const tab of ['table', 'calendar', 'timeline', 'dashboard', 'board']) {
    await page.click(`[data-tab="${tab}"]`);
    await page.waitForURL((url) => url.pathname.endsWith(`/${tab}`));
    assert.equal(new URL(page.url()).searchParams.get('area'), 'logistics', `${tab} keeps the filter`);
    await page.locator('#filter-area').waitFor();
    assert.equal(await page.inputValue('#filter-area'), 'logistics', `${tab} shows the filter`);
  }
  // Back from an activity, the board keeps its filters too.
  await page.locator('[data-testid="board"] .activity-card a.title').first().click();
  await page.waitForURL((url) => url.pathname.startsWith('/activities/'));
  await page.locator('.crumbs a').click();
  await page.waitForURL((url) => url.pathname.endsWith('/board'));
  assert.equal(new URL(page.url()).searchParams.get('area'), 'logistics', 'back to the board keeps the filter');
  await page.selectOption('#filter-area', '');
  await page.waitForURL((url) => !url.searchParams.has('area'));

  // The search applies as the user types, once typing pauses (no Enter):
  // one request for the whole word, none for its first letters.
  const searched = [];
  page.on('request', (r) => {
    const url = new URL(r.url());
    if (/\/activities(\/cards)?$/.test(url.pathname) && url.searchParams.has('q')) searched.push(url.searchParams.get('q'));
  });
  await page.locator('#filter-q').pressSequentially('zzzz-none', { delay: 40 });
  await page.waitForURL((url) => url.searchParams.get('q') === 'zzzz-none');
  await page.locator('[data-testid="empty"]').waitFor();
  assert.deepEqual(searched, ['zzzz-none'], 'debounced: only the finished word is searched');
  await page.fill('#filter-q', '');
  await page.waitForURL((url) => !url.searchParams.has('q'));
  await page.locator('[data-testid="board"]').waitFor();
  assertNoProblems();
  await context.close();
});

test('the table fits at 1440×900 and sorts by every column it shows', async () => {
  const { page, context, assertNoProblems } = await openAt('az.coordinator', 'en', DESKTOP);
  await page.goto(`${BASE}/plans/${DEMO_YEAR}/table`);
  const rows = page.locator('[data-testid="activity-table"] tbody tr');
  await rows.first().waitFor();
  const scroll = page.locator('.table-scroll');
  const fit = await scroll.evaluate((s) => ({ scroll: s.scrollWidth, client: s.clientWidth }));
  assert.ok(fit.scroll <= fit.client + 1, `the last column is not clipped (${fit.scroll} > ${fit.client})`);
  const shown = await page.locator('[data-testid="activity-table"] thead th[scope="col"]:not(.select)').count();
  const sorts = await page.locator('[data-testid="activity-table"] thead button[data-sort]').evaluateAll((bs) => bs.map((b) => b.dataset.sort));
  assert.equal(sorts.length, shown, 'every column shown has a sort button');
  for (const by of sorts) {
    await page.click(`button[data-sort="${by}"]`);
    await page.waitForURL((url) => url.searchParams.get('sort') === by);
    await page.locator(`th[aria-sort="ascending"] button[data-sort="${by}"]`).waitFor();
    await rows.first().waitFor();
    await page.click(`button[data-sort="${by}"]`);
    await page.waitForURL((url) => url.searchParams.get('sort') === `-${by}`);
    await page.locator(`th[aria-sort="descending"] button[data-sort="${by}"]`).waitFor();
    await rows.first().waitFor();
  }
  await assertAccessible(page, 'the sorted table');
  assertNoProblems();
  await context.close();
});

test('a signed (or closed) plan\'s activity offers no Edit, Withdraw or consent form, and says why', async () => {
  const planner = await openAt('az.planner', 'en', DESKTOP);
  const plans = await ok(planner.page, 'GET', '/api/v1/plans');
  // Signed plans of other tests if any, else the demo's closed plan of last year.
  const signed = plans.find((p) => p.state === 'signed') ?? plans.find((p) => p.state === 'closed');
  assert.ok(signed, 'the demo has a signed or closed plan');
  const list = await ok(planner.page, 'GET', `/api/v1/plans/${signed.year}/activities?consent=accepted&proposer=az&limit=1`);
  assert.ok(list.items.length > 0, 'the signed plan has an accepted AZ activity');
  const id = list.items[0].id;
  const controls = '[data-testid="edit"], [data-testid="withdraw"], [data-testid="share"], [data-testid="consent-panel"]';

  const { page } = planner;
  await page.goto(`${BASE}/activities/${id}`);
  await page.locator('[data-testid="edit-reason"]').waitFor();
  assert.equal(await page.locator(controls).count(), 0, 'the planner is offered nothing the rules refuse');
  assert.match(await page.locator('[data-testid="edit-reason"]').innerText(), /signed|closed/i);
  await assertAccessible(page, 'a signed plan\'s activity (planner)');
  planner.assertNoProblems();
  await planner.context.close();

  const coord = await openAt('az.coordinator', 'az', DESKTOP);
  await coord.page.goto(`${BASE}/activities/${id}`);
  await coord.page.locator('[data-testid="consent-reason"]').waitFor();
  assert.equal(await coord.page.locator(controls).count(), 0, 'the coordinator gets no consent form');
  coord.assertNoProblems();
  await coord.context.close();
});

test('"Propose: agreed" is disabled with its blockers named; a planner is told who decides consent', async () => {
  const azCoord = await openAsIn(browser, 'az.coordinator', 'en');
  const geCoord = await openAsIn(browser, 'ge.coordinator', 'en');
  const azPlanner = await openAsIn(browser, 'az.planner', 'en');
  const taken = new Set((await ok(azCoord.page, 'GET', '/api/v1/plans')).map((p) => p.year));
  let year = 2050;
  while (taken.has(year)) year += 1;
  const plan = await ok(azCoord.page, 'POST', '/api/v1/plans', { body: { year } });
  const proposed = await ok(azCoord.page, 'POST', `/api/v1/plans/${year}/transitions`, {
    body: { action: 'propose', to: 'negotiation' }, version: plan.version,
  });
  await ok(geCoord.page, 'POST', `/api/v1/plans/${year}/transitions`, { body: { action: 'confirm' }, version: proposed.version });
  const made = await ok(azPlanner.page, 'POST', `/api/v1/plans/${year}/activities`, {
    body: {
      title: 'Blocker probe', description: 'Made by the scan browser test.', area: 'logistics',
      form: 'official_visits_staff_meetings', host_party: 'ge', location: 'Tbilisi', month: 6, cost: 'shared',
    },
  });
  await ok(azPlanner.page, 'POST', `/api/v1/activities/${made.id}/share`, { version: made.version });

  const { page } = azCoord;
  await page.goto(`${BASE}/plans/${year}`);
  const propose = page.locator('[data-testid="propose-step"]');
  await propose.waitFor();
  assert.ok(await propose.isDisabled(), 'disabled while activities block agreement');
  const reason = page.locator('#propose-reason');
  assert.equal(await propose.getAttribute('aria-describedby'), 'propose-reason');
  const words = await reason.innerText();
  assert.match(words, /cannot be agreed yet/);
  assert.match(words, /await the consent of/);
  assert.match(words, /No activity has been accepted by both parties yet/);
  await assertAccessible(page, 'a plan page with a disabled step');

  // The planner, on the shared activity, is told who decides and where to read it.
  const p = azPlanner.page;
  await p.goto(`${BASE}/activities/${made.id}`);
  const who = p.locator('[data-testid="who-decides"]');
  await who.waitFor();
  assert.match(await who.innerText(), /coordinators/);
  assert.equal(await who.locator('a[href="/who"]').count(), 1, 'a link to "Who does what"');
  assert.equal(await p.locator('[data-testid="consent-panel"]').count(), 0);
  await who.locator('a').click();
  await p.waitForURL((url) => url.pathname === '/who');
  for (const opened of [azCoord, geCoord, azPlanner]) {
    opened.assertNoProblems();
    await opened.context.close();
  }
});
