/**
 * "Your data" on the real engine: a file picked through the file input is previewed with
 * its column types, grouped on 2 workers with the answer checked, and bad files get a
 * message naming where they are wrong; Cancel stops the run.
 */
import { flushSync } from 'svelte';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { liveWorkerCount } from '../../src/engine';
import { captureEnvironment } from '../../src/engine/environment';
import { DataFileState } from '../../src/state/data-file.svelte';
import DataPanel from '../../src/ui/data/DataPanel.svelte';
import { generateCsvFile } from '../../src/bench/data-csv';
import { generateCsv } from '../core/userdata/userdata-test-helpers';
import { byId, render, seriousViolations, typeInto } from './helpers';

let cleanup: (() => void) | undefined;
afterEach(() => {
  cleanup?.();
  cleanup = undefined;
});
afterAll(() => {
  expect(liveWorkerCount()).toBe(0);
});

function mountPanel(): { data: DataFileState; target: HTMLElement } {
  const data = new DataFileState(captureEnvironment());
  const view = render(DataPanel, { data });
  cleanup = () => {
    data.cancel();
    view.destroy();
  };
  return { data, target: view.target };
}

/** Sets a file on the panel's file input as a person choosing it would. */
function choose(target: HTMLElement, file: File): void {
  const input = byId<HTMLInputElement>(target, 'data-file');
  const dt = new DataTransfer();
  dt.items.add(file);
  input.files = dt.files;
  input.dispatchEvent(new Event('change', { bubbles: true }));
}

async function settled(data: DataFileState): Promise<void> {
  await vi.waitFor(() => expect(data.preview !== undefined || data.problem !== undefined).toBe(true), { timeout: 5000 });
  flushSync();
}

function text(target: HTMLElement, testId: string): string {
  const el = target.querySelector(`[data-testid="${testId}"]`);
  if (!el) throw new Error(`no [data-testid="${testId}"]`);
  return el.textContent ?? '';
}

async function runToEnd(target: HTMLElement, data: DataFileState): Promise<void> {
  target.querySelector<HTMLButtonElement>('[data-testid="data-run"]')!.click();
  await vi.waitFor(() => expect(data.status).not.toBe('running'), { timeout: 20_000 });
  flushSync();
}

const TRICKY = 'city,note,amount,qty\r\n"Zürich, CH","said ""hi""",1.25,2\r\n日本,"line1\r\nline2",-2.5,1\r\n🙂,"a\nb",0.125,4\r\n日本,,7,3\r\n';

describe('Your data', () => {
  it('previews a CSV with its types, groups it on 2 workers and shows the checked answer', async () => {
    const { data, target } = mountPanel();
    choose(target, new File([TRICKY], 'sales.csv'));
    await settled(data);
    expect(data.problem).toBeUndefined();
    const types = [...target.querySelectorAll('[data-testid="data-type"]')].map((e) => e.textContent);
    expect(types).toEqual(['text', 'text', 'decimal', 'integer']);
    expect(target.querySelectorAll('[data-testid="data-preview"] tbody tr')).toHaveLength(4);
    expect(data.groupBy).toBe('city');
    expect(data.aggregate).toEqual(['amount', 'qty']);
    // Total only the amount.
    const boxes = target.querySelectorAll<HTMLInputElement>('[data-testid="data-aggregate"]');
    boxes[1].click();
    flushSync();
    expect(data.aggregate).toEqual(['amount']);
    target.querySelector<HTMLInputElement>('[data-testid="data-main-thread"]')!.click();
    flushSync();
    expect(data.mainThread).toBe(true);
    data.repetitions = 2;
    flushSync();
    await runToEnd(target, data);
    expect(data.status).toBe('done');
    expect(text(target, 'data-digest')).toContain('Parallel answer = sequential answer');
    const rows = [...target.querySelectorAll('[data-testid="data-answer"] tbody tr')].map((tr) =>
      [...tr.querySelectorAll('td')].map((td) => td.textContent),
    );
    // Most records first: 日本 has 2.
    expect(rows).toEqual([
      ['日本', '2', '4.500', '-2.500', '7.000'],
      ['Zürich, CH', '1', '1.250', '1.250', '1.250'],
      ['🙂', '1', '0.125', '0.125', '0.125'],
    ]);
    expect(text(target, 'data-timings')).toMatch(/Speedup/);
    expect(text(target, 'data-main')).toMatch(/ms .* MB\/s/);
    expect(text(target, 'data-phases')).toMatch(/compute/);
    expect(data.answerCsv()).toBe('city,count,amount_sum,amount_min,amount_max\r\nZürich, CH,1,1.250,1.250,1.250\r\n日本,2,4.500,-2.500,7.000\r\n🙂,1,0.125,0.125,0.125\r\n'.replace('Zürich, CH,', '"Zürich, CH",'));
    expect(await seriousViolations(target)).toEqual([]);
  });

  it('refuses workers and repetitions out of range, naming the range, with Run disabled', async () => {
    const { data, target } = mountPanel();
    choose(target, new File([TRICKY], 'sales.csv'));
    await settled(data);
    const run = () => target.querySelector<HTMLButtonElement>('[data-testid="data-run"]')!;
    expect(run().disabled).toBe(false);
    typeInto(byId<HTMLInputElement>(target, 'data-workers'), '0');
    expect(text(target, 'data-workers-error')).toBe(`workers must be an integer from 1 to ${data.maxWorkers}`);
    expect(run().disabled).toBe(true);
    typeInto(byId<HTMLInputElement>(target, 'data-workers'), '2');
    typeInto(byId<HTMLInputElement>(target, 'data-repetitions'), '201');
    expect(text(target, 'data-repetitions-error')).toBe('repetitions must be an integer from 1 to 200');
    expect(run().disabled).toBe(true);
  });

  it('runs the parse job: every record read and checked, the columns totalled in one row', async () => {
    const { data, target } = mountPanel();
    choose(target, new File([TRICKY], 'sales.csv'));
    await settled(data);
    const job = byId<HTMLSelectElement>(target, 'data-job');
    job.value = 'parse';
    job.dispatchEvent(new Event('change', { bubbles: true }));
    flushSync();
    expect(target.querySelector('#data-group-by')).toBeNull();
    data.repetitions = 1;
    await runToEnd(target, data);
    expect(data.status).toBe('done');
    const head = [...target.querySelectorAll('[data-testid="data-answer"] thead th')].map((th) => th.textContent);
    expect(head).toEqual(['(all records)', 'count', 'amount_sum', 'amount_min', 'amount_max', 'qty_sum', 'qty_min', 'qty_max']);
    const rows = [...target.querySelectorAll('[data-testid="data-answer"] tbody tr')].map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent));
    expect(rows).toEqual([['', '4', '5.875', '-2.500', '7.000', '10', '1', '4']]);
    expect(text(target, 'data-digest')).toContain('Parallel answer = sequential answer');
  });

  it('names the line and byte of an unclosed quote past the preview rows, and the row and column of a non-numeric value', async () => {
    const { data, target } = mountPanel();
    const good = generateCsv(3, 30, '\n', false, true);
    choose(target, new File([good + '"never closed,x,1,2\nk,n,3,4\n'], 'bad.csv'));
    await settled(data);
    expect(data.problem).toBeUndefined(); // the preview's rows are fine
    data.repetitions = 1;
    await runToEnd(target, data);
    expect(data.status).toBe('failed');
    const lines = good.split('\n').length; // the header, 30 rows, then the bad line
    expect(text(target, 'data-problem')).toBe(
      `This file cannot be read: a quoted field is never closed: its opening quote (line ${lines}, row 31, byte ${new TextEncoder().encode(good).length}).`,
    );
    expect(data.view).toBeUndefined();

    choose(target, new File([good + 'k,n,twelve,4\n'], 'nan.csv'));
    await settled(data);
    data.groupBy = 'key';
    await runToEnd(target, data);
    expect(text(target, 'data-problem')).toMatch(/"twelve" in column "a" is not a number .*\(line \d+, row 31, byte \d+\)/);
  });

  it('an empty file, a file without a header and a file of unknown format get a clear message', async () => {
    const { data, target } = mountPanel();
    choose(target, new File([''], 'empty.csv'));
    await settled(data);
    expect(text(target, 'data-problem')).toBe('This file cannot be read: the file is empty: it needs a header line and data lines (line 1, byte 0).');
    expect(target.querySelector('[data-testid="data-run"]')).toBeNull();

    choose(target, new File(['1,2.5\n3,4\n'], 'numbers.csv'));
    await settled(data);
    expect(text(target, 'data-problem')).toMatch(/^This file cannot be read: .*line 1, byte 0/);

    choose(target, new File(['{"k":"a","v":1}\n{"k":"b","v":2}\n'], 'export.txt'));
    await settled(data);
    expect(text(target, 'data-problem')).toContain('choose its format');
    const format = byId<HTMLSelectElement>(target, 'data-format');
    format.value = 'ndjson';
    format.dispatchEvent(new Event('change', { bubbles: true }));
    await vi.waitFor(() => expect(data.preview).toBeDefined());
    flushSync();
    expect(data.problem).toBeUndefined();
    expect([...target.querySelectorAll('[data-testid="data-type"]')].map((e) => e.textContent)).toEqual(['text', 'integer']);
  });

  it('sweeps the job over prefixes of the file, smallest first, each ending on a record', async () => {
    const { data, target } = mountPanel();
    const { file, records } = generateCsvFile(4_000_000, 1_000_000);
    choose(target, file);
    await settled(data);
    data.repetitions = 1;
    flushSync();
    target.querySelector<HTMLButtonElement>('[data-testid="data-sweep"]')!.click();
    await vi.waitFor(() => expect(data.status).not.toBe('running'), { timeout: 30_000 });
    flushSync();
    expect(data.status).toBe('done');
    const rows = data.sweepRows!;
    expect(rows.map((r) => r.bytes)).toEqual([...rows.map((r) => r.bytes)].sort((a, b) => a - b));
    expect(rows.length).toBe(3);
    expect(rows.at(-1)).toMatchObject({ bytes: file.size, records });
    expect(rows[0].records).toBeGreaterThan(0);
    expect(target.querySelectorAll('[data-testid="data-sweep-table"] tbody tr')).toHaveLength(3);
    expect(target.querySelector('[data-testid="data-sweep-result"] canvas')).not.toBeNull();
    expect(text(target, 'data-pays-from')).toMatch(/^\s*Parallel (measurably pays from [\d,]+ records|does not measurably pay)/);
    expect(data.answerCsv()).toContain('city,count,amount_sum');
    expect(await seriousViolations(target)).toEqual([]);
  });

  it('Cancel stops the run and ends its workers', async () => {
    const { data, target } = mountPanel();
    choose(target, new File([generateCsv(9, 20_000, '\n', false, true)], 'big.csv'));
    await settled(data);
    data.repetitions = 200;
    flushSync();
    target.querySelector<HTMLButtonElement>('[data-testid="data-run"]')!.click();
    await vi.waitFor(() => expect(data.done).toBeGreaterThan(1), { timeout: 10_000 });
    flushSync();
    target.querySelector<HTMLButtonElement>('[data-testid="data-cancel"]')!.click();
    await vi.waitFor(() => expect(data.status).toBe('cancelled'));
    flushSync();
    expect(text(target, 'data-cancelled')).toContain('Cancelled');
    expect(liveWorkerCount()).toBe(0);
  });
});
