/** `npm run experiment -- --trace / --share`: what the run also writes or prints, checked before anything runs. */
import { describe, expect, it } from 'vitest';
import { parseExperimentArgs } from '../../src/node/experiment';

const IDS = ['amdahl-wall'];

describe('parseExperimentArgs --trace', () => {
  it('takes a .json path beside --out', () => {
    const r = parseExperimentArgs(['--preset', 'amdahl-wall', '--out', 'runs/a.csv', '--trace', 'runs/a.trace.json'], IDS);
    expect(r).toEqual({
      ok: true,
      options: { preset: { kind: 'lesson', id: 'amdahl-wall' }, budget: 'quick', budgetGiven: false, out: 'runs/a.csv', format: 'csv', trace: 'runs/a.trace.json' },
    });
  });

  it('leaves it out when not asked', () => {
    const r = parseExperimentArgs(['--preset', 'amdahl-wall', '--out', 'a.csv'], IDS);
    expect(r.ok && !r.help && 'trace' in r.options).toBe(false);
  });

  it('refuses another extension, the --out file itself, and a missing value', () => {
    expect(parseExperimentArgs(['--preset', 'amdahl-wall', '--out', 'a.csv', '--trace', 'a.trace'], IDS)).toEqual({
      ok: false,
      message: '--trace must end in .json (got "a.trace")',
    });
    expect(parseExperimentArgs(['--preset', 'amdahl-wall', '--out', 'a.json', '--trace=./a.json'], IDS)).toEqual({
      ok: false,
      message: '--trace must name another file than --out (both are "a.json")',
    });
    expect(parseExperimentArgs(['--preset', 'amdahl-wall', '--out', 'a.csv', '--trace'], IDS)).toEqual({
      ok: false,
      message: '--trace needs a value',
    });
  });
});

describe('parseExperimentArgs --share', () => {
  it('is a switch that asks for the link on stdout', () => {
    const r = parseExperimentArgs(['--preset', 'amdahl-wall', '--out', 'a.json', '--share'], IDS);
    expect(r.ok && !r.help && r.options.share).toBe(true);
    expect(parseExperimentArgs(['--preset', 'amdahl-wall', '--out', 'a.json', '--share=yes'], IDS)).toEqual({
      ok: false,
      message: '--share takes no value (got "--share=yes")',
    });
  });
});
