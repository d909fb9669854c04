// Where the web app benchmark's time goes: with `CONCORD_BENCH_PROFILE=DIR`,
// `e2e/bench/spa.mjs` records a Chromium trace of every page load (timeline
// events and the V8 sampling profiler) and writes, per view, a summary of the
// main thread between the list's response and the painted frame: self time
// per trace event (script, style, layout, paint, GC) and per sampled function
// (wasm functions keep their names only in a build whose wasm-opt kept them).
// Tracing slows the page, so the timings of a profiled run are not the
// benchmark's.
import { writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';

const CATEGORIES = [
  'devtools.timeline', 'disabled-by-default-devtools.timeline', 'blink.user_timing',
  'v8.execute', 'disabled-by-default-v8.cpu_profiler', 'toplevel', 'v8', 'blink',
];

/** Starts tracing `page`. */
export async function startProfile(browser, page) {
  await browser.startTracing(page, { categories: CATEGORIES });
}

/**
 * Stops tracing and returns the summary of the window between the user
 * timing marks `concord-list-end` and `concord-painted`.
 */
export async function stopProfile(browser) {
  const trace = JSON.parse((await browser.stopTracing()).toString());
  const events = trace.traceEvents ?? trace;
  const mark = (name) => events.find((e) => e.name === name && e.cat.includes('blink.user_timing'));
  const from = mark('concord-list-end');
  const to = mark('concord-painted');
  if (!from || !to) return { error: 'marks not found' };
  const pid = from.pid;
  const main = events.find((e) => e.ph === 'M' && e.name === 'thread_name' && e.pid === pid && e.args.name === 'CrRendererMain');
  const tid = main ? main.tid : from.tid;
  const lo = from.ts;
  const hi = to.ts;
  // Trace events: complete events of the main thread, nested by time.
  const spans = events
    .filter((e) => e.pid === pid && e.tid === tid && e.ph === 'X' && e.dur !== undefined)
    .sort((a, b) => a.ts - b.ts || b.dur - a.dur);
  const self = new Map();
  const stack = [];
  const clip = (e) => Math.max(0, Math.min(e.ts + e.dur, hi) - Math.max(e.ts, lo));
  for (const e of spans) {
    while (stack.length && stack[stack.length - 1].ts + stack[stack.length - 1].dur <= e.ts) stack.pop();
    const parent = stack[stack.length - 1];
    const inside = clip(e);
    if (parent) self.set(parent.name, (self.get(parent.name) ?? 0) - inside);
    self.set(e.name, (self.get(e.name) ?? 0) + inside);
    stack.push(e);
  }
  // The main thread's tasks in the window: when (ms after the list's
  // response), how long, and their biggest inner events.
  const tasks = spans
    .filter((e) => e.name === 'ThreadControllerImpl::RunTask' && e.ts + e.dur > lo && e.ts < hi && e.dur > 1000)
    .map((t) => {
      const inner = spans.filter((e) => e !== t && e.ts >= t.ts && e.ts + e.dur <= t.ts + t.dur && e.dur > 2000 && e.name !== 'RunTask');
      const names = [...new Set(inner.map((e) => `${e.name} ${(e.dur / 1000).toFixed(0)}`))].slice(0, 6);
      return [+((t.ts - lo) / 1000).toFixed(1), +(t.dur / 1000).toFixed(1), names.join(', ')];
    });
  const byEvent = [...self.entries()].filter(([, us]) => us > 200).sort((a, b) => b[1] - a[1]).map(([n, us]) => [n, +(us / 1000).toFixed(1)]);
  // The sampling profiler: self and total time per function in the window.
  const nodes = new Map();
  const profile = events.find((e) => e.name === 'Profile' && e.pid === pid && e.tid === tid);
  let time = profile?.args.data.startTime ?? 0;
  const samples = [];
  for (const e of events) {
    if (e.pid !== pid || e.name !== 'ProfileChunk' || e.id !== profile?.id) continue;
    const data = e.args.data;
    for (const n of data.cpuProfile?.nodes ?? []) nodes.set(n.id, n);
    const ids = data.cpuProfile?.samples ?? [];
    const deltas = data.timeDeltas ?? [];
    for (let i = 0; i < ids.length; i += 1) {
      time += deltas[i] ?? 0;
      samples.push([time, ids[i]]);
    }
  }
  const name = (n) => {
    const f = n.callFrame;
    const file = (f.url ?? '').split('/').pop();
    return `${f.functionName || '(anonymous)'}${file ? ` ${file}` : ''}`;
  };
  const selfFn = new Map();
  const totalFn = new Map();
  samples.sort((a, b) => a[0] - b[0]);
  for (let i = 0; i < samples.length; i += 1) {
    const [t, id] = samples[i];
    const next = samples[i + 1]?.[0] ?? t;
    if (t < lo || t > hi) continue;
    const dt = Math.min(next, hi) - t;
    let n = nodes.get(id);
    if (!n) continue;
    selfFn.set(name(n), (selfFn.get(name(n)) ?? 0) + dt);
    const seen = new Set();
    while (n) {
      const k = name(n);
      if (!seen.has(k)) totalFn.set(k, (totalFn.get(k) ?? 0) + dt);
      seen.add(k);
      n = n.parent !== undefined ? nodes.get(n.parent) : null;
    }
  }
  const top = (m, k) => [...m.entries()].sort((a, b) => b[1] - a[1]).slice(0, k).map(([n, us]) => [n, +(us / 1000).toFixed(1)]);
  return { windowMs: +((hi - lo) / 1000).toFixed(1), tasks, byEvent, selfFn: top(selfFn, 40), totalFn: top(totalFn, 40) };
}

/** Writes a view's summaries into `dir`. */
export function writeProfiles(dir, view, summaries) {
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, `${view}.json`), JSON.stringify(summaries, null, 1));
}
