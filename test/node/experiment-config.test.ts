/**
 * `npm run experiment --preset <file.json>`: reading the config (pure) and building the
 * experiment for the page's environment. Refusals (exit 2) name the JSON problem or the field.
 */
import { describe, expect, it } from 'vitest';
import { DEFAULT_RUN_CONFIG } from '../../src/core/model/config';
import { lessonById } from '../../src/lessons';
import { buildExperiment, parseExperimentConfigText, runProblem, summaryPathOf, type ExperimentOptions } from '../../src/node/experiment';

const ENV = { hardwareConcurrency: 2, crossOriginIsolated: true, timerResolutionMs: 0.005 };

function refusal(text: string): string {
  const r = parseExperimentConfigText(text, 'cfg.json');
  if (r.ok) throw new Error('expected a refusal');
  return r.message;
}

describe('parseExperimentConfigText refuses', () => {
  it('text that is not JSON, with line and column', () => {
    expect(refusal('{\n  "base": {"records": 1000,}\n}')).toBe('cfg.json: not valid JSON at line 2, column 28: expected a property name in double quotes but found "}"');
    expect(refusal('')).toBe('cfg.json: not valid JSON at line 1, column 1: the file ends before the data is complete');
  });

  it('JSON that is not an object', () => {
    expect(refusal('[1, 2]')).toBe('cfg.json: expected an object with an experiment config ({"base": {…}, "sweep": […], …}), got an array');
    expect(refusal('null')).toBe('cfg.json: expected an object with an experiment config ({"base": {…}, "sweep": […], …}), got null');
  });

  it('a runs export in place of a config', () => {
    expect(refusal('{"format": "parallel-playground-runs", "runs": []}')).toBe(
      'cfg.json: this is a runs export, not an experiment config (take "experiment" from one of its runs)',
    );
  });

  it('fields of the wrong type or unknown, by path', () => {
    expect(refusal('{"base": {"workers": "2"}}')).toBe('cfg.json: not an experiment config: base.workers: expected number, got string');
    expect(refusal('{"base": {"worker": 2}}')).toBe('cfg.json: not an experiment config: base.worker: unknown field (not part of the record format)');
    expect(refusal('{"sweep": [{"param": "cores", "values": [1]}]}')).toMatch(/^cfg\.json: not an experiment config: sweep\[0\]\.param: expected \("records" \| .*, got "cores"$/);
  });
});

describe('parseExperimentConfigText accepts', () => {
  it('a config with no base: every base field is the playground default', () => {
    const r = parseExperimentConfigText('{"sweep": [{"param": "workers", "values": [1, 2]}]}', 'cfg.json');
    expect(r).toEqual({ ok: true, experiment: { base: { ...DEFAULT_RUN_CONFIG }, sweep: [{ param: 'workers', values: [1, 2] }], warmups: 1, repetitions: 5 } });
  });

  it('a partial config: base fields and the experiment fields left out take the playground defaults', () => {
    const r = parseExperimentConfigText('{"base": {"records": 5000, "workers": 2}, "repetitions": 3}', 'cfg.json');
    expect(r).toEqual({
      ok: true,
      experiment: { base: { ...DEFAULT_RUN_CONFIG, records: 5000, workers: 2 }, sweep: [], warmups: 1, repetitions: 3 },
    });
  });
});

describe('buildExperiment', () => {
  const config = (path = 'cfg.json'): ExperimentOptions => ({ preset: { kind: 'config', path }, budget: 'quick', budgetGiven: false, out: 'x.csv', format: 'csv' });

  it("refuses a value this page's environment does not allow, naming the field", () => {
    const parsed = parseExperimentConfigText('{"base": {"workers": 9}}', 'cfg.json');
    if (!parsed.ok) throw new Error(parsed.message);
    expect(buildExperiment(config('dir/cfg.json'), ENV, parsed.experiment)).toEqual({ ok: false, message: 'cfg.json: workers: Workers must be an integer from 1 to 8' });
  });

  it('refuses shared memory on a page that is not cross-origin isolated', () => {
    const parsed = parseExperimentConfigText('{"base": {"shipping": "shared"}}', 'cfg.json');
    if (!parsed.ok) throw new Error(parsed.message);
    const r = buildExperiment(config(), { ...ENV, crossOriginIsolated: false }, parsed.experiment);
    expect(r.ok).toBe(false);
    expect(!r.ok && r.message).toMatch(/^cfg\.json: shipping: /);
  });

  it("uses the lesson's preset for this environment and budget, with --reps replacing the repetitions", () => {
    const lesson = lessonById('overhead-small-batches')!;
    const r = buildExperiment({ preset: { kind: 'lesson', id: lesson.id }, budget: 'thorough', budgetGiven: true, reps: 2, out: 'x.json', format: 'json' }, ENV);
    expect(r).toEqual({ ok: true, experiment: { ...lesson.preset(ENV, 'thorough'), repetitions: 2 } });
  });
});

describe('the outcome and the files', () => {
  it('fails a run that did not complete, or has a wrong digest', () => {
    expect(runProblem('cancelled', undefined, null)).toBe('the run ended cancelled');
    expect(runProblem('failed', 'Worker 0 failed: boom', null)).toBe('the run ended failed: Worker 0 failed: boom');
    expect(runProblem('complete', undefined, null)).toBe('the run completed but the page returned no record');
  });

  it('puts the summary beside the samples', () => {
    expect(summaryPathOf('out/run.csv')).toBe('out/run.summary.csv');
  });
});
