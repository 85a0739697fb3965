/**
 * Breaks a Chromium trace (bench/map-frames.ts with MAP_FRAMES_TRACE) down by the renderer main
 * thread's long tasks: for each task over `min` ms (default 50), its start, wall and CPU time, the events
 * directly under it and the JavaScript functions that took its time (self time from the trace's
 * CPU profile samples). `node bench/long-tasks.mjs TRACE.json [min]`.
 */
import { readFileSync } from 'node:fs';

const [file, minText] = process.argv.slice(2);
const min = Number(minText ?? 50) * 1000;
const events = JSON.parse(readFileSync(file, 'utf8'));
const list = Array.isArray(events) ? events : events.traceEvents;
const names = new Map(list.filter((e) => e.name === 'thread_name').map((e) => [`${e.pid}:${e.tid}`, e.args.name]));
const main = [...names].filter(([, name]) => name === 'CrRendererMain').map(([key]) => key);
const onMain = list.filter((e) => main.includes(`${e.pid}:${e.tid}`));
const runs = onMain.filter((e) => e.ph === 'X' && (e.name === 'RunTask' || e.name === 'ThreadControllerImpl::RunTask') && e.dur >= min);
// The outermost of nested task events only.
const tasks = runs.filter((e) => !runs.some((o) => o !== e && o.ts <= e.ts && o.ts + o.dur >= e.ts + e.dur && (o.dur > e.dur || o.ts < e.ts)));

// CPU profile of the main thread: its `Profile` event's id names the `ProfileChunk`s (emitted on
// the profiler's own thread); sample times add up `timeDeltas` from the profile's start time.
const nodes = new Map();
const samples = [];
for (const profile of list.filter((x) => x.name === 'Profile' && main.includes(`${x.pid}:${x.tid}`))) {
  let t = profile.args.data.startTime;
  for (const e of list.filter((x) => x.name === 'ProfileChunk' && x.pid === profile.pid && x.id === profile.id)) {
    const data = e.args.data;
    for (const node of data.cpuProfile?.nodes ?? []) nodes.set(node.id, node);
    const deltas = data.timeDeltas ?? [];
    (data.cpuProfile?.samples ?? []).forEach((id, i) => {
      t += deltas[i];
      samples.push({ id, t });
    });
  }
}
const label = (id) => {
  const n = nodes.get(id);
  if (!n) return `#${id}`;
  const f = n.callFrame;
  return `${f.functionName || '(anonymous)'} ${String(f.url ?? '')
    .split('/')
    .pop()}:${(f.lineNumber ?? -1) + 1}`;
};
for (const task of tasks) {
  console.log(
    `\n== task at ${((task.ts - tasks[0].ts) / 1000).toFixed(0)} ms, ${(task.dur / 1000).toFixed(1)} ms wall, ${((task.tdur ?? NaN) / 1000).toFixed(1)} ms CPU`,
  );
  const inside = onMain.filter((e) => e !== task && e.ph === 'X' && e.ts >= task.ts && e.ts + (e.dur ?? 0) <= task.ts + task.dur && (e.dur ?? 0) >= 2000);
  for (const e of inside.slice(0, 25))
    console.log(`  ${(e.dur / 1000).toFixed(1).padStart(7)} ms  ${e.name} ${e.args?.data?.functionName ?? e.args?.data?.url ?? ''}`);
  const self = new Map();
  for (const s of samples) if (s.t >= task.ts && s.t <= task.ts + task.dur) self.set(label(s.id), (self.get(label(s.id)) ?? 0) + 1);
  const top = [...self].sort((a, b) => b[1] - a[1]).slice(0, 15);
  if (top.length) console.log('  samples (self):', top.map(([k, v]) => `\n    ${String(v).padStart(5)}  ${k}`).join(''));
  // Inclusive: every function on a sample's stack counts it once.
  const total = new Map();
  for (const s of samples) {
    if (s.t < task.ts || s.t > task.ts + task.dur) continue;
    const seen = new Set();
    for (let id = s.id; id !== undefined; id = nodes.get(id)?.parent) seen.add(label(id));
    for (const k of seen) total.set(k, (total.get(k) ?? 0) + 1);
  }
  const inclusive = [...total].sort((a, b) => b[1] - a[1]).slice(0, Number(process.env.INCLUSIVE ?? 25));
  if (inclusive.length) console.log('  samples (inclusive):', inclusive.map(([k, v]) => `\n    ${String(v).padStart(5)}  ${k}`).join(''));
}
console.log(`\n${tasks.length} tasks over ${min / 1000} ms on the main thread`);
// On a loaded machine a task's wall time includes waiting for a core; its thread time (tdur) does not.
const cpu = runs.filter((e) => !runs.some((o) => o !== e && o.ts <= e.ts && o.ts + o.dur >= e.ts + e.dur && (o.dur > e.dur || o.ts < e.ts)));
const byCpu = cpu.filter((e) => e.tdur !== undefined).sort((a, b) => b.tdur - a.tdur);
console.log(
  `longest by CPU time: ${byCpu
    .slice(0, 8)
    .map((e) => `${(e.tdur / 1000).toFixed(1)} ms (wall ${(e.dur / 1000).toFixed(1)}, at ${((e.ts - tasks[0].ts) / 1000).toFixed(0)} ms)`)
    .join('; ')}`,
);

// `STACKS=name` prints the distinct stacks of the samples whose own function is `name` (within long tasks).
if (process.env.STACKS) {
  const stacks = new Map();
  for (const task of tasks)
    for (const s of samples) {
      if (s.t < task.ts || s.t > task.ts + task.dur || !label(s.id).startsWith(process.env.STACKS + ' ')) continue;
      const frames = [];
      for (let id = s.id; id !== undefined; id = nodes.get(id)?.parent) frames.push(label(id));
      const key = frames.slice(0, 12).join(' < ');
      stacks.set(key, (stacks.get(key) ?? 0) + 1);
    }
  for (const [k, v] of [...stacks].sort((a, b) => b[1] - a[1]).slice(0, 8)) console.log(`${v}: ${k}\n`);
}
