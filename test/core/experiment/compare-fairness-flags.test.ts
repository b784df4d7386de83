import { describe, expect, it } from 'vitest';
import { fairnessFlags, type ComparedRun } from '../../../src/core/experiment/compare-fairness';
import { ENVIRONMENT } from '../../helpers/run-records';

const FIREFOX = 'Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0';
const here: ComparedRun = { environment: ENVIRONMENT, experiment: { warmups: 1 } };

describe('fairnessFlags', () => {
  it('says nothing when the machine and the measuring conditions are the same', () => {
    expect(fairnessFlags(here, { environment: { ...ENVIRONMENT, deviceMemoryGiB: 16 }, experiment: { warmups: 1 } })).toEqual([]);
  });

  it('flags every difference that changes what a time means, in a fixed order', () => {
    const there: ComparedRun = {
      environment: { ...ENVIRONMENT, hardwareConcurrency: 8, userAgent: FIREFOX, crossOriginIsolated: false, timerResolutionMs: 0.1, appVersion: '0.2.0' },
      experiment: { warmups: 3 },
    };
    expect(fairnessFlags(here, there)).toEqual([
      { issue: 'cores', text: 'Different core counts reported (before 2, after 8): parallel points are limited by different hardware.' },
      { issue: 'browser', text: 'Different browsers (before Chrome 140, after Firefox 133): their JavaScript engines and workers differ.' },
      {
        issue: 'isolation',
        text: 'Cross-origin isolation differs (before isolated, after not isolated): shared memory and the finest timer exist only when isolated.',
      },
      { issue: 'timer', text: 'Different timer steps (before 0.005 ms, after 0.1 ms): short times are rounded differently.' },
      { issue: 'warmups', text: 'Different warm-ups (before 1, after 3): the code may be at a different stage of compilation.' },
      { issue: 'app-version', text: 'Different app versions (before 0.1.0, after 0.2.0): the engine measured may have changed.' },
    ]);
  });

  it('counts another major version of the same browser as another browser', () => {
    const newer = ENVIRONMENT.userAgent.replace('HeadlessChrome/140.0.0.0', 'Chrome/141.0.0.0');
    expect(fairnessFlags(here, { ...here, environment: { ...ENVIRONMENT, userAgent: newer } }).map((f) => f.text)).toEqual([
      'Different browsers (before Chrome 140, after Chrome 141): their JavaScript engines and workers differ.',
    ]);
  });

  it('flags runs over different inputs: a file against the generated records, or another kernel', () => {
    const file = { kind: 'data-file' as const, file: { name: 'a.csv', bytes: 2_500_000, format: 'csv' as const }, job: 'group' as const, groupBy: 'city', aggregate: ['amount'] };
    expect(fairnessFlags({ ...here, input: file }, here)).toEqual([
      {
        issue: 'input',
        text: 'Different inputs (before your data a.csv (2.5 MB, csv) · group by city, after the generated records): the times measure different work, even where the settings match.',
      },
    ]);
    expect(fairnessFlags({ ...here, input: file }, { ...here, input: { ...file, aggregate: ['amount'] } })).toEqual([]);
    const kernel = (sourceHash: string) => ({ kind: 'kernel' as const, source: 'x', sourceHash });
    expect(fairnessFlags({ ...here, input: kernel('00000000aaaaaaaa') }, { ...here, input: kernel('11111111aaaaaaaa') }).map((f) => f.text)).toEqual([
      'Different inputs (before your kernel 00000000 over built-in records, after your kernel 11111111 over built-in records): the times measure different work, even where the settings match.',
    ]);
  });
});
