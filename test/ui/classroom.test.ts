import Papa from 'papaparse';
import { Chart as ChartJs } from 'chart.js';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { userEvent } from 'vitest/browser';
import { CLASSROOM_COLUMNS } from '../../src/core/io/classroom';
import { classroom } from '../../src/state/classroom.svelte';
import App from '../../src/ui/App.svelte';
import { machineLinks } from '../helpers/classroom-machines';
import { render, seriousViolations, typeInto } from './helpers';
import { captureDownloads } from './history-helpers';
import '../../src/ui/global.css';

let cleanup: (() => void) | undefined;
afterEach(() => {
  vi.restoreAllMocks();
  cleanup?.();
  classroom.clear();
  history.replaceState(null, '', location.pathname + location.search);
});

describe('Classroom', () => {
  it('imports 50 machines’ links, draws one line per machine, sorts the table and exports a merged CSV', async () => {
    const links = machineLinks(50);
    const r = render(App, { runner: async () => ({ status: 'complete' }) });
    cleanup = r.destroy;
    const target = r.target;
    await userEvent.click(target.querySelector<HTMLButtonElement>('[data-testid="view-classroom"]')!);
    await expect.poll(() => target.querySelector('[data-testid="classroom-paste"]')).not.toBeNull();

    typeInto(target.querySelector<HTMLTextAreaElement>('[data-testid="classroom-paste"]')! as unknown as HTMLInputElement, `${links.join('\n')}\n${links[7]}`);
    await userEvent.click(target.querySelector<HTMLButtonElement>('[data-testid="classroom-add"]')!);
    await expect.poll(() => target.querySelectorAll('[data-testid="classroom-table"] tbody tr').length).toBe(50);
    expect(target.querySelector('[data-testid="classroom-notice"]')!.textContent).toContain('Added 50 machines; 1 already here (pasted, link 51). 50 in all.');

    const canvases = [...target.querySelectorAll('canvas')];
    expect(canvases).toHaveLength(2);
    for (const canvas of canvases) await expect.poll(() => ChartJs.getChart(canvas)).toBeDefined();
    const speedup = ChartJs.getChart(canvases[0])!;
    // 50 machines and the ideal line; the legend names machine, browser and cores.
    expect(speedup.data.datasets).toHaveLength(51);
    expect(speedup.data.datasets[1].label).toBe('machine 1 — Firefox 133 · 4 cores');

    expect(await seriousViolations(target)).toEqual([]);

    await userEvent.click(target.querySelector<HTMLButtonElement>('[data-testid="classroom-sort-cores"]')!);
    const cores = () => [...target.querySelectorAll('[data-testid="classroom-table"] tbody tr td:first-of-type')].map((td) => Number(td.textContent));
    expect(cores().slice(0, 3)).toEqual([16, 16, 16]);
    await userEvent.click(target.querySelector<HTMLButtonElement>('[data-testid="classroom-sort-cores"]')!);
    expect(cores().slice(0, 3)).toEqual([2, 2, 2]);

    const downloads = captureDownloads();
    await userEvent.click(target.querySelector<HTMLButtonElement>('[data-testid="classroom-csv"]')!);
    await expect.poll(() => downloads.files.length).toBe(1);
    const parsed = Papa.parse<Record<string, string>>(await downloads.text(0), { header: true, skipEmptyLines: true });
    expect(parsed.errors).toEqual([]);
    expect(parsed.meta.fields).toEqual([...CLASSROOM_COLUMNS]);
    expect(parsed.data).toHaveLength(50 * 12);
    expect(new Set(parsed.data.map((row) => row.machine_id)).size).toBe(50);
    expect(parsed.data[12 * 49]).toMatchObject({ machine: 'machine 49 — Firefox 133 · 4 cores', hardware_concurrency: '4', browser: 'Firefox' });

    // A machine's name opens its result on its own, read-only, with "Run this on my machine".
    const second = [...target.querySelectorAll<HTMLButtonElement>('[data-testid="classroom-open"]')].find((b) => b.textContent === 'machine 1 — Firefox 133 · 4 cores')!;
    await userEvent.click(second);
    await expect.poll(() => target.querySelector('[data-testid="shared-machine"]')?.textContent).toBe(
      '4 cores reported · Firefox 133 · cross-origin isolated · timer step 0.005 ms',
    );
    expect(location.hash.startsWith('#share=')).toBe(true);
    expect(target.querySelector('[data-testid="shared-run-here"]')).not.toBeNull();
  });
});
