// Awareness (issue 15) in the browser: a Georgian coordinator's open board
// follows the live stream, so an activity accepted by Azerbaijan moves
// column without a reload and the page says who changed it; an
// administrator registers a webhook to a receiver this test runs on
// 127.0.0.1, sees its secret once, and finds the signed deliveries in the
// log with their HTTP status, a refused one redelivered by hand. The plan
// is the test's own (the first free year from 2060), so the demo plan and
// the other tests are untouched.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { createHmac, timingSafeEqual } from 'node:crypto';
import {
  BASE, launch, api, openAs as openAsIn, switchLanguage, assertAccessible, screenshot, ok, freeYear,
} from '../lib/harness.mjs';

const openAs = (username, lang) => openAsIn(browser, username, lang);
let browser;
let receiver;

before(async () => {
  browser = await launch();
});

after(async () => {
  await browser?.close();
  receiver?.server.close();
});

/** A plan of the test's own in negotiation, with `n` activities shared by AZ. */
async function planWithShared(az, ge, planner, n) {
  const year = await freeYear(az, 2060, 2070);
  const plan = await ok(az, 'POST', '/api/v1/plans', { body: { year } });
  const proposed = await ok(az, 'POST', `/api/v1/plans/${year}/transitions`, {
    body: { action: 'propose', to: 'negotiation' }, version: plan.version,
  });
  await ok(ge, 'POST', `/api/v1/plans/${year}/transitions`, { body: { action: 'confirm' }, version: proposed.version });
  const shared = [];
  for (let i = 0; i < n; i += 1) {
    const made = await ok(planner, 'POST', `/api/v1/plans/${year}/activities`, {
      body: {
        title: `Awareness probe ${i + 1}`, description: 'Made by the awareness browser test.', area: 'logistics',
        form: 'official_visits_staff_meetings', host_party: 'ge', location: 'Tbilisi', month: 5 + i, cost: 'shared',
      },
    });
    shared.push(await ok(planner, 'POST', `/api/v1/activities/${made.id}/share`, { version: made.version }));
  }
  return { year, shared };
}

test('an activity accepted by the other party moves column on an open board, without reload, saying who did it', async () => {
  const azCoord = await openAs('az.coordinator', 'en');
  const azPlanner = await openAs('az.planner', 'en');
  const geCoord = await openAs('ge.coordinator', 'ka');
  const { year, shared: [activity] } = await planWithShared(azCoord.page, geCoord.page, azPlanner.page, 1);

  const g = geCoord.page;
  await g.goto(`${BASE}/plans/${year}/board`);
  const card = `[data-reference="${activity.reference}"]`;
  await g.locator(`[data-column="pending"] ${card}`).waitFor();
  // A mark that a reload would wipe.
  await g.evaluate(() => { globalThis.concordNoReload = true; });

  const me = await ok(azCoord.page, 'GET', '/api/v1/me');
  await ok(azCoord.page, 'POST', `/api/v1/activities/${activity.id}/consent`, {
    body: { decision: 'accept', comment: '' }, version: activity.version,
  });
  await g.locator(`[data-column="accepted_by_az"] ${card}`).waitFor({ timeout: 10_000 });
  assert.equal(await g.locator(`[data-column="pending"] ${card}`).count(), 0, 'the card left its column');
  assert.equal(await g.evaluate(() => globalThis.concordNoReload), true, 'the page was not reloaded');
  const note = g.locator('[data-testid="live-note"] p');
  await note.waitFor();
  const said = await note.innerText();
  assert.ok(said.includes(me.display_name), `the note names ${me.display_name}: "${said}"`);
  assert.match(said, /აზერბაიჯან/, `the note names the party in Georgian: "${said}"`);
  assert.match(said, /ახლახან/, 'just now, in Georgian');
  await assertAccessible(g, 'the board with a live note (ka)');
  await screenshot(g, 'live-board-moved-ka');
  for (const opened of [azCoord, azPlanner, geCoord]) {
    opened.assertNoProblems();
    await opened.context.close();
  }
});

/** A webhook receiver on 127.0.0.1: records each request; answers `statuses` in turn, then 200. */
function startReceiver(statuses) {
  const received = [];
  const waiting = [];
  const server = createServer((req, res) => {
    const chunks = [];
    req.on('data', (c) => chunks.push(c));
    req.on('end', () => {
      const status = statuses.shift() ?? 200;
      received.push({ headers: req.headers, body: Buffer.concat(chunks).toString('utf8'), status });
      res.writeHead(status, { 'content-type': 'text/plain' });
      res.end(status === 200 ? 'ok' : 'not now');
      for (const w of waiting.splice(0)) w();
    });
  });
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      resolve({
        server,
        received,
        url: `http://127.0.0.1:${server.address().port}/concord-hook`,
        /** Waits until `n` requests have come. */
        async count(n, timeout = 20_000) {
          const end = Date.now() + timeout;
          while (received.length < n) {
            if (Date.now() > end) throw new Error(`the receiver got ${received.length} of ${n} requests`);
            await new Promise((r) => { waiting.push(r); setTimeout(r, 250); });
          }
          return received;
        },
      });
    });
  });
}

/** Checks `X-Concord-Signature: t=<seconds>,v1=<hex HMAC-SHA256 of "<t>.<body>">`. */
function assertSigned(request, secret) {
  const header = request.headers['x-concord-signature'];
  assert.ok(header, 'the delivery is signed');
  const parts = Object.fromEntries(header.split(',').map((p) => p.split('=')));
  assert.match(parts.t, /^\d+$/);
  const expected = createHmac('sha256', secret).update(`${parts.t}.${request.body}`).digest();
  assert.ok(timingSafeEqual(Buffer.from(parts.v1, 'hex'), expected), 'the signature verifies with the secret shown once');
}

test('an administrator registers a webhook, sees the secret once, and finds the deliveries and a manual redelivery in the log (en, az, ka)', async () => {
  // The first delivery is refused with 500; the redelivery is taken.
  receiver = await startReceiver([500]);
  const admin = await openAs('az.administrator', 'en');
  const azCoord = await openAs('az.coordinator', 'en');
  const geCoord = await openAs('ge.coordinator', 'en');
  const azPlanner = await openAs('az.planner', 'en');
  const p = admin.page;
  await p.goto(`${BASE}/webhooks`);
  await p.locator('[data-testid="create-webhook"]').waitFor();
  for (const lang of ['en', 'az', 'ka']) {
    await switchLanguage(p, lang);
    await assertAccessible(p, `the webhooks page (${lang})`);
    await screenshot(p, `webhooks-${lang}`);
  }
  await switchLanguage(p, 'az');

  // Not https and not loopback: refused next to the field, in Azerbaijani.
  await p.fill('#webhook-url', 'http://example.org/hook');
  await p.click('[data-testid="create-webhook"] button[type="submit"]');
  const urlError = p.locator('[data-field-error="webhook-url"]');
  await urlError.waitFor();
  assert.doesNotMatch(await urlError.innerText(), /\b(the|must|only|address)\b/i, 'worded in Azerbaijani');

  await p.fill('#webhook-url', receiver.url);
  await p.click('[data-testid="create-webhook"] button[type="submit"]');
  const secretField = p.locator('[data-testid="webhook-secret"]');
  await secretField.waitFor();
  const secret = await secretField.inputValue();
  assert.ok(secret.length >= 32, 'a long secret');
  await assertAccessible(p, 'the secret shown once (az)');
  await screenshot(p, 'webhook-secret-az');
  const row = p.locator('[data-testid="webhooks"] tr[data-webhook]', { hasText: receiver.url });
  await row.waitFor();
  // Shown once: the list and a reload never show it again.
  const listed = await ok(p, 'GET', '/api/v1/webhooks');
  assert.ok(!JSON.stringify(listed).includes(secret), 'the API never gives the secret again');
  await p.reload();
  await row.waitFor();
  assert.equal(await p.locator('[data-testid="webhook-secret"]').count(), 0, 'gone after a reload');
  assert.ok(!(await p.content()).includes(secret));

  // An event of AZ's: a plan of the test's own, in negotiation, an activity shared.
  await planWithShared(azCoord.page, geCoord.page, azPlanner.page, 1);
  const [first] = await receiver.count(1);
  assertSigned(first, secret);
  const event = JSON.parse(first.body);
  assert.ok(event.event_id > 0 && event.event, JSON.stringify(event));
  assert.ok(!first.body.includes('Awareness probe'), 'a delivery names the change, never its content');

  // The log shows the refused delivery with its status code.
  await switchLanguage(p, 'ka');
  await row.locator('[data-testid="webhook-log"]').click();
  const log = p.locator('[data-testid="webhook-deliveries"]');
  const refused = log.locator(`tr[data-delivery]`, { has: p.locator('[data-testid="delivery-answer"]', { hasText: '500' }) }).first();
  await refused.waitFor();
  await assertAccessible(p, 'the delivery log (ka)');
  await screenshot(p, 'webhook-deliveries-ka');

  // Redelivered by hand: the receiver takes it, the log says delivered, 200.
  const before = receiver.received.length;
  await refused.locator('[data-testid="redeliver"]').click();
  await log.locator('[data-testid="message"]').waitFor();
  const again = (await receiver.count(before + 1))[before];
  assertSigned(again, secret);
  assert.equal(JSON.parse(again.body).event_id, event.event_id, 'the same event, sent again');
  const deliveryId = await refused.getAttribute('data-delivery');
  const delivered = log.locator(`tr[data-delivery="${deliveryId}"][data-status="delivered"]`);
  // The log is read when opened: open it again until the sender has been.
  for (let i = 0; i < 40 && (await delivered.count()) === 0; i += 1) {
    await p.waitForTimeout(500);
    await row.locator('[data-testid="webhook-log"]').click();
    await log.locator('tr[data-delivery]').first().waitFor();
  }
  await delivered.waitFor();
  assert.equal(await delivered.locator('[data-testid="delivery-answer"]').innerText(), '200');
  await switchLanguage(p, 'en');
  for (const opened of [admin, azCoord, geCoord, azPlanner]) {
    opened.assertNoProblems();
    await opened.context.close();
  }
});
