import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { CLASSROOM_COLUMNS, classroomCsv, classroomLines, importIntoClassroom, sortLines } from '../../../src/core/io/classroom';
import { sharedJson } from '../../../src/core/io/share-link';
import { machineLinks, machineResult } from '../../helpers/classroom-machines';

describe('importIntoClassroom', () => {
  const links = machineLinks(4);

  it('reads pasted links and share files, recognising duplicates and naming bad inputs', () => {
    const first = importIntoClassroom([], [
      { source: 'pasted', text: `${links[0]}\n  ${links[1]}\n${links[0]}` },
      { source: 'machine-2.json', text: sharedJson(machineResult(2)) },
      { source: 'broken.json', text: '{"format": "parallel-playground-share"' },
    ]);
    expect(first.added).toBe(3);
    expect(first.machines.map((m) => m.name)).toEqual([
      'machine 0 — Chrome 140 · 2 cores',
      'machine 1 — Firefox 133 · 4 cores',
      'machine 2 — Safari 18 · 8 cores',
    ]);
    expect(first.duplicates).toEqual(['pasted, link 3']);
    expect(first.problems).toHaveLength(1);
    expect(first.problems[0].source).toBe('broken.json');
    expect(first.problems[0].message).toMatch(/^This is not a shared result: not valid JSON/);

    const second = importIntoClassroom(first.machines, [{ source: 'again', text: `${links[2]} ${links[3]} #share=AAAA` }]);
    expect([second.added, second.duplicates, second.machines.length]).toEqual([1, ['again, link 1'], 4]);
    expect(second.problems).toEqual([{ source: 'again, link 3', message: 'This shared link is damaged or incomplete (was it cut short when copied?).' }]);
  });
});

describe('classroomLines', () => {
  const { machines } = importIntoClassroom([], [{ source: 'pasted', text: machineLinks(4).join('\n') }]);
  const lines = classroomLines(machines);

  it('draws one line per machine: speedup over 1…8 workers, time over records at 8 workers', () => {
    expect(lines.map((l) => l.speedup.map((p) => p.workers))).toEqual(Array.from({ length: 4 }, () => [1, 2, 4, 8]));
    expect(lines.map((l) => [l.timeWorkers, l.time.map((p) => p.records)])).toEqual(
      Array.from({ length: 4 }, () => [8, [10_000, 100_000, 1_000_000]]),
    );
    const p = machines[3].shared.points.find((x) => x.index === 11)!; // 1,000,000 records × 8 workers
    expect(lines[3].speedup[3]).toEqual({ workers: 8, speedup: p.speedup, ci95: [p.speedupLo, p.speedupHi] });
  });

  it('finds each machine’s break-even and sorts by cores, browser or best speedup', () => {
    // Start-up costs more with more workers; the work shrinks with min(workers, cores): more cores, earlier break-even.
    // (Exact values follow the fixture's seeded noise in the plan's counterbalanced run order.)
    expect(lines.map((l) => l.breakEven)).toEqual(['≈ 55,557 records', '≈ 32,469 records', '≈ 27,337 records', '≈ 26,067 records']);
    expect(sortLines(lines, 'cores', true).map((l) => l.cores)).toEqual([16, 8, 4, 2]);
    expect(sortLines(lines, 'browser').map((l) => l.browser)).toEqual(['Chrome 140', 'Chrome 140', 'Firefox 133', 'Safari 18']);
    const bySpeedup = sortLines(lines, 'speedup', true).map((l) => l.bestSpeedup!);
    expect(bySpeedup).toEqual([...bySpeedup].sort((a, b) => b - a));
    // The cost model lets min(workers, cores) work in parallel: 8 and 16 cores tie at 8 workers (noise decides), then 4, then 2.
    expect(sortLines(lines, 'speedup', true).map((l) => l.cores).slice(2)).toEqual([4, 2]);
  });

  it('merges every machine’s points into one CSV with machine columns', () => {
    const parsed = Papa.parse<Record<string, string>>(classroomCsv(machines), { header: true, skipEmptyLines: true });
    expect(parsed.errors).toEqual([]);
    expect(parsed.meta.fields).toEqual([...CLASSROOM_COLUMNS]);
    expect(parsed.data).toHaveLength(4 * 12);
    const row = parsed.data[12 + 11];
    const p = machines[1].shared.points[11];
    expect(row).toMatchObject({
      machine_id: machines[1].id,
      machine: 'machine 1 — Firefox 133 · 4 cores',
      browser: 'Firefox',
      browser_version: '133',
      hardware_concurrency: '4',
      workers: '8',
      records: '1000000',
      median_ms: String(p.medianMs),
      speedup: String(p.speedup),
      all_correct: 'true',
    });
  });
});
