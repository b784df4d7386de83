/**
 * A structural checker of the Chrome Trace Event format (JSON Object Format), written from
 * the format's specification, independent of the exporter: required fields per event phase,
 * metadata naming every process and thread used, and per-thread nesting (slices of one
 * thread form a stack: no partial overlaps). Returns every problem found, [] when valid.
 */

const METADATA_ARGS: Record<string, 'name' | 'labels' | 'sort_index'> = {
  process_name: 'name',
  thread_name: 'name',
  process_labels: 'labels',
  process_sort_index: 'sort_index',
  thread_sort_index: 'sort_index',
};

type Json = Record<string, unknown>;

const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const isInt = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v);
const isTime = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v) && v >= 0;

/** Every way `trace` departs from the format, one line each. */
export function traceProblems(trace: unknown): string[] {
  const problems: string[] = [];
  if (!isObject(trace) || !Array.isArray(trace.traceEvents)) return ['top level: expected an object with a traceEvents array'];
  if (trace.displayTimeUnit !== undefined && trace.displayTimeUnit !== 'ms' && trace.displayTimeUnit !== 'ns') {
    problems.push(`displayTimeUnit: expected "ms" or "ns", got ${JSON.stringify(trace.displayTimeUnit)}`);
  }
  const processNames = new Set<number>();
  const threadNames = new Set<string>();
  const slicesByThread = new Map<string, { i: number; startNs: number; endNs: number }[]>();
  trace.traceEvents.forEach((e: unknown, i: number) => {
    const at = `traceEvents[${i}]`;
    if (!isObject(e)) return problems.push(`${at}: expected an object`);
    if (typeof e.name !== 'string' || e.name === '') problems.push(`${at}.name: expected a non-empty string`);
    if (!isInt(e.pid)) problems.push(`${at}.pid: expected an integer`);
    if (!isInt(e.tid)) problems.push(`${at}.tid: expected an integer`);
    if (!isTime(e.ts)) problems.push(`${at}.ts: expected a finite number of µs ≥ 0`);
    if (e.ph === 'X') {
      if (typeof e.cat !== 'string') problems.push(`${at}.cat: expected a string`);
      if (!isTime(e.dur)) return problems.push(`${at}.dur: expected a finite number of µs ≥ 0`);
      if (e.args !== undefined && !isObject(e.args)) problems.push(`${at}.args: expected an object`);
      const key = `${String(e.pid)}/${String(e.tid)}`;
      let list = slicesByThread.get(key);
      if (!list) slicesByThread.set(key, (list = []));
      // Compare in whole nanoseconds: µs with three decimals are exact there.
      const startNs = Math.round((e.ts as number) * 1000);
      list.push({ i, startNs, endNs: startNs + Math.round(e.dur * 1000) });
    } else if (e.ph === 'M') {
      const field = typeof e.name === 'string' ? METADATA_ARGS[e.name] : undefined;
      if (!field) return problems.push(`${at}.name: unknown metadata event ${JSON.stringify(e.name)}`);
      const value = isObject(e.args) ? e.args[field] : undefined;
      if (field === 'sort_index' ? !isInt(value) : typeof value !== 'string' || value === '') {
        return problems.push(`${at}.args.${field}: missing or of the wrong type`);
      }
      if (e.name === 'process_name') processNames.add(e.pid as number);
      if (e.name === 'thread_name') threadNames.add(`${String(e.pid)}/${String(e.tid)}`);
    } else {
      problems.push(`${at}.ph: expected "X" or "M" (the phases this exporter uses), got ${JSON.stringify(e.ph)}`);
    }
  });
  for (const [key, slices] of slicesByThread) {
    if (!threadNames.has(key)) problems.push(`thread ${key}: has slices but no thread_name metadata`);
    if (!processNames.has(Number(key.split('/')[0]))) problems.push(`process ${key.split('/')[0]}: has slices but no process_name metadata`);
    const sorted = [...slices].sort((a, b) => a.startNs - b.startNs || b.endNs - a.endNs);
    const open: typeof sorted = [];
    for (const s of sorted) {
      while (open.length > 0 && open[open.length - 1].endNs <= s.startNs) open.pop();
      const parent = open[open.length - 1];
      if (parent && s.endNs > parent.endNs) {
        problems.push(`thread ${key}: traceEvents[${s.i}] starts inside traceEvents[${parent.i}] but ends after it`);
      }
      open.push(s);
    }
  }
  return problems;
}
