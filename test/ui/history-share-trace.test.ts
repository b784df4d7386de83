import { afterEach, describe, expect, it, vi } from 'vitest';
import { userEvent } from 'vitest/browser';
import { decodeShare, parseSharedJson, shareOfRun } from '../../src/core/io/share-link';
import { traceProblems } from '../helpers/trace-format';
import { captureDownloads, fabricate, mountHistory, notice, rowOf, type MountedHistory } from './history-helpers';

let mounted: MountedHistory | undefined;
afterEach(async () => {
  vi.restoreAllMocks();
  await mounted?.destroy();
  mounted = undefined;
});

async function openFirst(): Promise<MountedHistory> {
  const m = await mountHistory({ records: fabricate(1, { points: 3 }) });
  await expect.poll(() => m.target.querySelector('[data-testid="history-row"], .open')).not.toBeNull();
  await userEvent.click(rowOf(m.target, 'run-0000').querySelector<HTMLButtonElement>('.open')!);
  await expect.poll(() => m.target.querySelector('[data-testid="run-detail"]')).not.toBeNull();
  return m;
}

describe('an opened run: trace and share', () => {
  it('downloads a trace that passes the Trace Event format check, one process per point', async () => {
    mounted = await openFirst();
    const downloads = captureDownloads();
    await userEvent.click(mounted.target.querySelector<HTMLButtonElement>('[data-testid="run-export-trace"]')!);
    await expect.poll(() => downloads.files.length).toBe(1);
    expect(downloads.files[0].filename).toMatch(/^parallel-playground-run-run-0000-trace-.*\.json$/);
    const trace = JSON.parse(await downloads.text(0));
    expect(traceProblems(trace)).toEqual([]);
    expect(new Set(trace.traceEvents.map((e: { pid: number }) => e.pid))).toEqual(new Set([1, 2, 3]));
    expect(notice(mounted.target)).toContain('Saved the trace of');
  });

  it('copies a share link and saves a share file that both read back as the run’s shared result', async () => {
    mounted = await openFirst();
    const record = (await mounted.history.get('run-0000'));
    if (!record.ok) throw new Error(record.message);
    const copied: string[] = [];
    vi.spyOn(navigator.clipboard, 'writeText').mockImplementation(async (text) => void copied.push(text));
    await userEvent.click(mounted.target.querySelector<HTMLButtonElement>('[data-testid="run-share-link"]')!);
    await expect.poll(() => copied.length).toBe(1);
    expect(decodeShare(copied[0])).toEqual({ ok: true, value: shareOfRun(record.value) });
    expect(notice(mounted.target)).toContain('Copied a link to');

    const downloads = captureDownloads();
    await userEvent.click(mounted.target.querySelector<HTMLButtonElement>('[data-testid="run-share-file"]')!);
    await expect.poll(() => downloads.files.length).toBe(1);
    expect(parseSharedJson(await downloads.text(0))).toEqual({ ok: true, value: shareOfRun(record.value) });
  });

  it('a run over your code lists its input, shows the code, and offers no share link (the recipient would need the code)', async () => {
    const [record] = fabricate(1, { points: 2 });
    const source = 'export function init() { return 0 }\n// the kernel as it ran\n';
    record.input = { kind: 'kernel', source, sourceHash: '0123456789abcdef' };
    mounted = await mountHistory({ records: [record] });
    await expect.poll(() => mounted!.target.querySelector('.open')).not.toBeNull();
    expect(rowOf(mounted.target, 'run-0000').textContent).toContain('your kernel 01234567 over built-in records');
    await userEvent.click(rowOf(mounted.target, 'run-0000').querySelector<HTMLButtonElement>('.open')!);
    await expect.poll(() => mounted!.target.querySelector('[data-testid="run-detail"]')).not.toBeNull();
    const detail = mounted.target.querySelector('[data-testid="run-detail"]')!;
    expect(detail.querySelector('[data-testid="run-share-link"]')).toBeNull();
    expect(detail.querySelector('[data-testid="run-share-unavailable"]')?.textContent).toContain('this one needs your code');
    expect(detail.querySelector('[data-testid="run-kernel-source"] pre')?.textContent).toBe(source);
  });
});
