// The web app's rendering benchmark, run by `cargo xtask bench` (through
// concord-bench, which seeds the plan and starts the release server): for the
// board and the table of a plan with hundreds of activities, the time from the
// moment the activity list's response has fully arrived to the next frame
// painted with it, over several fresh page loads in headless Chromium.
//
// How it is measured, in the page itself:
// - the list response's end is the Resource Timing entry's `responseEnd` of
//   the `/activities?` request (the browser's own clock);
// - a MutationObserver notices when the view's content is in the DOM; the
//   next `requestAnimationFrame` callback runs just before that frame is
//   painted, and a message posted from it runs just after the paint: that
//   moment ends the measurement.
// Prints one JSON line: {"views":[{"name":..,"runs":[ms,...]}], ...}.
import { launch, openPage, login, BASE } from '../lib/harness.mjs';

const YEAR = Number(process.env.CONCORD_BENCH_YEAR);
const RUNS = Number(process.env.CONCORD_BENCH_RUNS ?? 10);
const VIEWS = [
  { name: 'board', path: `/plans/${YEAR}/board`, ready: '[data-testid="board"]' },
  { name: 'table', path: `/plans/${YEAR}/table`, ready: '[data-testid="activity-table"] tbody tr' },
];

// Installed in every page before the app starts: resolves
// `window.__concordPainted` with the time just after the first frame that
// shows `selector`.
function watchPaint(selector) {
  window.__concordPainted = new Promise((resolve) => {
    const done = () => {
      requestAnimationFrame(() => {
        const channel = new MessageChannel();
        channel.port1.onmessage = () => resolve(performance.now());
        channel.port2.postMessage(null);
      });
    };
    const observer = new MutationObserver(() => {
      if (document.querySelector(selector)) {
        observer.disconnect();
        done();
      }
    });
    const start = () => observer.observe(document.documentElement, { childList: true, subtree: true });
    if (document.documentElement) start(); else document.addEventListener('DOMContentLoaded', start);
  });
}

const browser = await launch();
const { page, context } = await openPage(browser);
await login(page, 'az.planner');
const results = [];
for (const view of VIEWS) {
  const runs = [];
  let items = 0;
  for (let i = 0; i < RUNS; i += 1) {
    // A fresh page per run (same signed-in context): nothing cached in the app.
    const run = await context.newPage();
    await run.addInitScript(watchPaint, view.ready);
    await run.goto(`${BASE}${view.path}`);
    const measured = await run.evaluate(async () => {
      const painted = await window.__concordPainted;
      const list = performance
        .getEntriesByType('resource')
        .filter((e) => e.name.includes('/activities?'))
        .pop();
      return list ? { ms: painted - list.responseEnd } : null;
    });
    if (!measured) throw new Error(`${view.name}: no activity list request was seen`);
    items = await run.locator(view.name === 'board' ? '[data-testid="board"] a' : '[data-testid="activity-table"] tbody tr').count();
    runs.push(Math.round(measured.ms * 10) / 10);
    await run.close();
  }
  results.push({ name: view.name, runs, shown: items });
}
await context.close();
await browser.close();
console.log(JSON.stringify({ views: results }));
