// The web app's rendering benchmark, run by `cargo xtask bench` (through
// concord-bench, which seeds the plan and starts the release server): for the
// board and the table of a plan with hundreds of activities, the time from the
// moment the activity list's response has fully arrived to the next frame
// painted with it, over several fresh page loads in headless Chromium.
//
// How it is measured, in the page itself:
// - the list response's end is the Resource Timing entry's `responseEnd` of
//   the list's request (`/activities/cards?`; `/activities?` before the
//   board and the table read cards) (the browser's own clock);
// - a MutationObserver notices when the view's content is in the DOM; the
//   next `requestAnimationFrame` callback runs just before that frame is
//   painted, and a message posted from it runs just after the paint: that
//   moment ends the measurement.
// Prints one JSON line: {"views":[{"name":..,"runs":[ms,...],"complete":[ms,...]}], ...}.
import { launch, openPage, login, BASE } from '../lib/harness.mjs';
import { startProfile, stopProfile, writeProfiles } from './profile.mjs';

const YEAR = Number(process.env.CONCORD_BENCH_YEAR);
const RUNS = Number(process.env.CONCORD_BENCH_RUNS ?? 10);
// A directory: profile every run into it (see profile.mjs).
const PROFILE = process.env.CONCORD_BENCH_PROFILE;
// `ready`: the view's content is shown; `complete`: all of it is drawn (the
// board draws the cards beyond the first screen in the frames after its
// first, and is `aria-busy` until then).
const VIEWS = [
  {
    name: 'board',
    path: `/plans/${YEAR}/board`,
    ready: '[data-testid="board"]',
    complete: '[data-testid="board"]:not([aria-busy="true"])',
  },
  {
    name: 'table',
    path: `/plans/${YEAR}/table`,
    ready: '[data-testid="activity-table"] tbody tr',
    complete: '[data-testid="activity-table"] tbody tr',
  },
];

// Installed in every page before the app starts: resolves
// `window.__concordPainted` with the time just after the first frame that
// shows `ready`, and `window.__concordComplete` after the first that shows
// `complete`.
function watchPaint([ready, complete]) {
  const afterPaint = (resolve) => {
    requestAnimationFrame(() => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => resolve(performance.now());
      channel.port2.postMessage(null);
    });
  };
  const waits = [ready, complete].map((selector) => {
    let resolve;
    const promise = new Promise((r) => { resolve = r; });
    return { selector, resolve, promise, seen: false };
  });
  [window.__concordPainted, window.__concordComplete] = waits.map((w) => w.promise);
  const observer = new MutationObserver(() => {
    for (const w of waits) {
      if (!w.seen && document.querySelector(w.selector)) {
        w.seen = true;
        afterPaint(w.resolve);
      }
    }
    if (waits.every((w) => w.seen)) observer.disconnect();
  });
  const start = () => observer.observe(document.documentElement, {
    childList: true, subtree: true, attributes: true, attributeFilter: ['aria-busy'],
  });
  if (document.documentElement) start(); else document.addEventListener('DOMContentLoaded', start);
}

const browser = await launch();
const { page, context } = await openPage(browser);
await login(page, 'az.planner');
const results = [];
for (const view of VIEWS) {
  const runs = [];
  const complete = [];
  const profiles = [];
  let items = 0;
  for (let i = 0; i < RUNS; i += 1) {
    // A fresh page per run (same signed-in context): nothing cached in the app.
    const run = await context.newPage();
    await run.addInitScript(watchPaint, [view.ready, view.complete]);
    if (PROFILE) await startProfile(browser, run);
    await run.goto(`${BASE}${view.path}`);
    const measured = await run.evaluate(async () => {
      const painted = await window.__concordPainted;
      const list = performance
        .getEntriesByType('resource')
        .filter((e) => /\/activities(\/cards)?\?/.test(e.name))
        .pop();
      if (!list) return null;
      performance.mark('concord-list-end', { startTime: list.responseEnd });
      performance.mark('concord-painted', { startTime: painted });
      const all = await window.__concordComplete;
      return { ms: painted - list.responseEnd, complete: all - list.responseEnd };
    });
    if (PROFILE) profiles.push({ ms: measured?.ms, ...(await stopProfile(browser)) });
    if (!measured) throw new Error(`${view.name}: no activity list request was seen`);
    items = await run.locator(view.name === 'board' ? '[data-testid="board"] a' : '[data-testid="activity-table"] tbody tr').count();
    runs.push(Math.round(measured.ms * 10) / 10);
    complete.push(Math.round(measured.complete * 10) / 10);
    await run.close();
  }
  if (PROFILE) writeProfiles(PROFILE, view.name, profiles);
  results.push({ name: view.name, runs, complete, shown: items });
}
await context.close();
await browser.close();
console.log(JSON.stringify({ views: results }));
