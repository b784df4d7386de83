/**
 * The built app, served with the isolation headers, in Chromium, Firefox and WebKit (Safari's
 * engine): the environment panel shows what the page really has; the default run completes
 * with correct digests; every strategy × shipping × scheduling either completes correctly or
 * is disabled up front with its reason; every lesson in quick mode ends with a computed
 * verdict; a run is exported as JSON and imported back; no page errors, no CSP violations.
 * Engines run one after another (the runs need the cores to themselves).
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { DEFAULT_RUN_CONFIG } from '../../src/core/model/config';
import type { ExperimentConfig, RunConfig } from '../../src/core/model/types';
import { LESSONS } from '../../src/lessons';
import { launchEngine, type EnginePage } from '../../src/node/engines/drivers';
import { ENGINES } from '../../src/node/engines/find-engines';
import { chooseFile, click, openApp, pageFacts, recorded, runExperiment, runFromButton, screenshotPath, text, waitFor, type PageFacts } from './steps';

const baseUrl = inject('baseUrl');
/** Lessons in Chromium are covered by test/e2e/lessons-all-quick.test.ts on the same build. */
const LESSON_ENGINES = new Set(['firefox', 'webkit']);
const LESSON_TIMEOUT_MS = 120_000;

function small(patch: Partial<RunConfig>): ExperimentConfig {
  return {
    base: { ...DEFAULT_RUN_CONFIG, records: 20_000, workers: 2, batchSize: 2_000, poolLife: 'cold', ...patch },
    sweep: [],
    warmups: 0,
    repetitions: 1,
  };
}

for (const engine of ENGINES) {
  describe.sequential(`the built app in ${engine}`, () => {
    let page: EnginePage;
    let facts: PageFacts;

    beforeAll(async () => {
      page = await launchEngine(engine);
      console.log(`[engines] ${engine}: ${page.version}`);
      await openApp(page, baseUrl);
      facts = await pageFacts(page);
      console.log(`[engines] ${engine}: ${JSON.stringify(facts)}`);
    }, 60_000);

    afterAll(async () => {
      await page?.close();
    });

    it('shows what the page really has: isolation and SharedArrayBuffer as detected', async () => {
      expect(facts.isolated, 'the preview server sends COOP/COEP').toBe(true);
      expect(facts.shownIsolated).toBe('yes');
      expect(facts.shownSab).toBe(facts.sharedArrayBuffer ? 'yes' : 'no');
    });

    it('completes the default run with correct digests', async () => {
      const run = await runFromButton(page);
      expect(run.error).toBe('');
      expect(run.status).toBe('complete');
      expect(run.correct).toBe(true);
      await page.screenshot(screenshotPath(`${engine}-playground`));
    }, 150_000);

    it('runs every strategy, shipping mode and scheduling correctly, or disables it up front with the reason', async () => {
      const cases: Partial<RunConfig>[] = [
        { strategy: 'main' },
        { strategy: 'main-async' },
        { strategy: 'worker-seq' },
      ];
      for (const shipping of ['copy', 'transfer', 'shared', 'generate-in-worker'] as const) {
        for (const scheduling of ['static', 'dynamic'] as const) cases.push({ strategy: 'pool', shipping, scheduling });
      }
      const outcomes: string[] = [];
      for (const c of cases) {
        const what = `${c.strategy}${c.shipping ? ` ${c.shipping} ${c.scheduling}` : ''}`;
        if (c.shipping === 'shared' && !facts.sharedArrayBuffer) {
          // Disabled before Run: the option cannot be chosen, and the form says why.
          const disabled = await page.eval<boolean>(`document.querySelector('#shipping option[value="shared"]').disabled`);
          expect(disabled, `${engine}: shared must be disabled without SharedArrayBuffer`).toBe(true);
          expect(await text(page, 'shipping-unavailable')).toMatch(/Not here: “shared”, because .*SharedArrayBuffer/);
          outcomes.push(`${what}: disabled`);
          continue;
        }
        const out = await runExperiment(page, small(c));
        outcomes.push(`${what}: ${out.status}${out.allCorrect ? ', correct' : ''}`);
        expect(out.error, what).toBeNull();
        expect(out.status, what).toBe('complete');
        expect(out.allCorrect, `${what}: ${out.messages.join('; ')}`).toBe(true);
      }
      console.log(`[engines] ${engine} matrix:\n  ${outcomes.join('\n  ')}`);
    }, 300_000);

    it('exports the stored runs as JSON and imports them back', async () => {
      await click(page, 'view-history');
      await waitFor(page, `!!document.querySelector('[data-testid="export-json"]') && !document.querySelector('[data-testid="export-json"]').disabled`, 'the history');
      const stored = await waitFor<number>(page, `(() => { const m = /([\\d,]+) stored/.exec(document.querySelector('[data-testid="history-count"]').textContent); return m ? Number(m[1].replace(/,/g, '')) : 0; })()`, 'stored runs');
      expect(stored).toBeGreaterThan(0);
      // Catch the download: the export hands a Blob to URL.createObjectURL.
      await page.eval(`(() => {
        window.__ppBlobs = [];
        const orig = URL.createObjectURL.bind(URL);
        URL.createObjectURL = (b) => { window.__ppBlobs.push(b); return orig(b); };
        return true;
      })()`);
      await click(page, 'export-json');
      const exported = await waitFor<string>(page, `window.__ppBlobs.length ? window.__ppBlobs[0].text() : ''`, 'the JSON export');
      expect(JSON.parse(exported).runs.length).toBe(stored);
      await click(page, 'clear-all');
      await waitFor(page, `!!document.querySelector('[data-testid="confirm-ok"]')`, 'the confirm dialog');
      await click(page, 'confirm-ok');
      await waitFor(page, `/^0 stored/.test(document.querySelector('[data-testid="history-count"]').textContent.trim())`, 'an empty history');
      await chooseFile(page, 'import-file', 'backup.json', exported, 'application/json');
      const notice = await waitFor<string>(page, `(() => { const t = document.querySelector('[data-testid="history-notice"]').textContent; return /Imported/.test(t) ? t : ''; })()`, 'the import notice');
      expect(notice).toContain(`Imported ${stored} run${stored === 1 ? '' : 's'} from “backup.json”`);
      expect(await text(page, 'history-count')).toMatch(new RegExp(`^${stored} stored`));
      await click(page, 'view-playground');
    }, 120_000);

    if (LESSON_ENGINES.has(engine)) {
      it('ends every lesson in quick mode with a computed verdict', async () => {
        await click(page, 'view-lessons');
        await waitFor(page, `!!document.querySelector('[data-testid="lesson-list"]')`, 'the lesson list');
        const lines: string[] = [];
        for (const lesson of LESSONS) {
          await click(page, `lesson-item-${lesson.id}`);
          await waitFor(page, `!!document.querySelector('[data-testid="lesson-page"][data-lesson="${lesson.id}"]')`, `lesson ${lesson.id}`);
          await waitFor(page, `!document.querySelector('[data-testid="lesson-run"]').disabled`, 'the lesson’s Run button');
          const started = Date.now();
          await click(page, 'lesson-run');
          const end = await waitFor<{ status: string; problem: string; headline: string; reason: string }>(
            page,
            `(() => {
              const p = document.querySelector('[data-testid="lesson-page"][data-lesson="${lesson.id}"]');
              const problem = p.querySelector('[data-testid="lesson-problem"]');
              const s = document.querySelector('[data-testid="lesson-status-${lesson.id}"]').getAttribute('data-status');
              if (problem) return { status: 'problem', problem: problem.textContent, headline: '', reason: '' };
              if (s !== 'reproduced' && s !== 'not-reproduced') return false;
              const v = p.querySelector('[data-testid="lesson-verdict"]');
              if (!v) return false;
              const r = v.querySelector('[data-testid="lesson-verdict-reason"]');
              return { status: s, problem: '', headline: v.querySelector('[data-testid="lesson-verdict-headline"]').textContent, reason: r ? r.textContent : '' };
            })()`,
            `lesson ${lesson.id}'s verdict`,
            LESSON_TIMEOUT_MS,
          );
          const seconds = ((Date.now() - started) / 1000).toFixed(1);
          lines.push(`${String(lesson.number).padStart(2)}. ${lesson.id.padEnd(28)} ${seconds.padStart(5)} s ${end.status}${end.reason ? ` — ${end.reason}` : ''}`);
          expect(end.problem, `${lesson.id} gave no verdict`).toBe('');
          expect(end.headline.length).toBeGreaterThan(10);
          if (end.status === 'not-reproduced') expect(end.reason).toMatch(/^Why not: .{10,}/);
        }
        console.log(`[engines] ${engine} lessons (quick):\n  ${lines.join('\n  ')}`);
        await click(page, 'view-playground');
      }, LESSON_TIMEOUT_MS * 10);
    }

    it('ran without page errors or CSP violations', async () => {
      const r = await recorded(page);
      expect(r.csp).toEqual([]);
      expect(r.errors).toEqual([]);
      expect(page.driverErrors()).toEqual([]);
    });
  });
}
