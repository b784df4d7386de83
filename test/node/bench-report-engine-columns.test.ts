import { describe, expect, it } from 'vitest';
import { cannotRun } from '../../src/node/bench/engines';
import { FIGURES } from '../../src/node/bench/figures';
import { judge, unavailable, type EngineRun } from '../../src/node/bench/report';
import { enginesSection } from '../../src/node/bench/report-markdown';

const coldPool = FIGURES.find((f) => f.id === 'cold-pool')!;
const smallTasks = FIGURES.find((f) => f.id === 'small-tasks')!;
const coldPoolRaw = (ms: number) => ({ series: { engine: [ms], reference: [ms], ratio: [1] }, notes: [], info: {} });
const run = (engine: EngineRun['engine'], version: string, coldMs: number, sharedMemory: boolean, cores: number, timerMs: number): EngineRun => ({
  engine,
  version,
  cores,
  crossOriginIsolated: true,
  sharedMemory,
  timerResolutionMs: timerMs,
  userAgent: '',
  figures: [
    judge(coldPool, coldPoolRaw(coldMs), 1),
    sharedMemory
      ? judge(smallTasks, { series: { atomics: [1e5], workerpool: [1e4], ratio: [12] }, notes: [], info: {} }, 1)
      : unavailable(smallTasks, engine, cannotRun(smallTasks, engine, { sharedMemory })!),
  ],
});

describe('BENCHMARKS.md in several engines', () => {
  const md = enginesSection([run('chromium', 'Chromium 156.0.1', 40, true, 2, 0.005), run('webkit', 'WebKitGTK 2.50.6', 25, false, 4, 1)]).join('\n');

  it('has one column per engine, headed by its version', () => {
    expect(md).toContain('| figure | target | Chromium 156.0.1 | WebKitGTK 2.50.6 |');
    expect(md).toContain('| `small-tasks` | ≥ 10× workerpool | 12.00× met | cannot run: no SharedArrayBuffer in this engine');
  });

  it('reads what the differences teach from the numbers', () => {
    expect(md).toContain('- **Workers start fastest in webkit:** a cold pool ready in webkit 25.0 ms, chromium 40.0 ms');
    expect(md).toContain('chromium 2, webkit 4');
    expect(md).toContain('chromium 5.00 µs, webkit 1000 µs');
    expect(md).toContain('chromium yes, webkit no');
  });
});
