/** `npm run experiment` argument parsing (a pure function): every refusal (exit 2) names the argument. */
import { describe, expect, it } from 'vitest';
import { parseExperimentArgs } from '../../src/node/experiment';

const IDS = ['overhead-small-batches', 'amdahl-wall'];

function refusal(...argv: string[]): string {
  const r = parseExperimentArgs(argv, IDS);
  if (r.ok) throw new Error(`expected a refusal for ${argv.join(' ')}`);
  return r.message;
}

describe('parseExperimentArgs refuses', () => {
  it('an unknown option', () => {
    expect(refusal('--preset', 'amdahl-wall', '--out', 'x.csv', '--fast')).toBe('unknown option --fast');
    expect(refusal('--presets=amdahl-wall')).toBe('unknown option --presets');
  });

  it('a bare argument', () => {
    expect(refusal('amdahl-wall', '--out', 'x.csv')).toBe('unexpected argument "amdahl-wall" (give the preset with --preset)');
  });

  it('a missing --preset', () => {
    expect(refusal('--out', 'x.csv')).toBe('--preset is required: a lesson id or a config .json file');
  });

  it('an option without its value', () => {
    expect(refusal('--preset')).toBe('--preset needs a value');
    expect(refusal('--preset', '--out', 'x.csv')).toBe('--preset needs a value');
    expect(refusal('--preset', 'amdahl-wall', '--out=')).toBe('--out needs a value');
  });

  it('an option given twice', () => {
    expect(refusal('--preset', 'amdahl-wall', '--out', 'a.csv', '--out', 'b.csv')).toBe('--out is given twice');
  });

  it('an unknown lesson id, listing the valid ones', () => {
    expect(refusal('--preset', 'amdahl', '--out', 'x.csv')).toBe(
      '--preset: unknown lesson id "amdahl"; valid ids: overhead-small-batches, amdahl-wall (or a path to a config .json)',
    );
  });

  it('--quick together with --thorough', () => {
    expect(refusal('--preset', 'amdahl-wall', '--quick', '--thorough', '--out', 'x.csv')).toBe(
      '--quick and --thorough cannot be used together: pick one budget',
    );
  });

  it('a budget with a config file', () => {
    expect(refusal('--preset', 'my.json', '--thorough', '--out', 'x.csv')).toBe(
      '--thorough applies to lesson presets only: a config .json sets its own points (use --reps for repetitions)',
    );
  });

  it('a value on a switch', () => {
    expect(refusal('--preset', 'amdahl-wall', '--quick=yes', '--out', 'x.csv')).toBe('--quick takes no value (got "--quick=yes")');
  });

  it('--reps that is not an integer from 1 to 200', () => {
    for (const bad of ['0', '201', '1.5', 'abc', '-3', '1e2', ' 5']) {
      expect(refusal('--preset', 'amdahl-wall', '--reps', bad, '--out', 'x.csv')).toBe(`--reps must be an integer from 1 to 200 (got "${bad}")`);
    }
  });

  it('a missing --out', () => {
    expect(refusal('--preset', 'amdahl-wall')).toBe('--out is required: the .csv or .json file to write');
  });

  it('an --out that is neither .csv nor .json', () => {
    expect(refusal('--preset', 'amdahl-wall', '--out', 'runs.txt')).toBe('--out must end in .csv or .json (got "runs.txt")');
    expect(refusal('--preset', 'amdahl-wall', '--out', 'csv')).toBe('--out must end in .csv or .json (got "csv")');
  });
});

describe('parseExperimentArgs accepts', () => {
  it('a lesson with the defaults: quick budget, no --reps, CSV by extension', () => {
    expect(parseExperimentArgs(['--preset', 'amdahl-wall', '--out', 'out/x.CSV'], IDS)).toEqual({
      ok: true,
      options: { preset: { kind: 'lesson', id: 'amdahl-wall' }, budget: 'quick', budgetGiven: false, out: 'out/x.CSV', format: 'csv' },
    });
  });

  it('--name=value forms, --thorough, --reps and a JSON output', () => {
    expect(parseExperimentArgs(['--', '--preset=overhead-small-batches', '--thorough', '--reps=200', '--out=r.json'], IDS)).toEqual({
      ok: true,
      options: { preset: { kind: 'lesson', id: 'overhead-small-batches' }, budget: 'thorough', budgetGiven: true, reps: 200, out: 'r.json', format: 'json' },
    });
  });

  it('a path as a config file, whatever its name says', () => {
    const r = parseExperimentArgs(['--preset', 'configs/mine.JSON', '--reps', '1', '--out', 'x.csv'], IDS);
    expect(r.ok && !r.help && r.options.preset).toEqual({ kind: 'config', path: 'configs/mine.JSON' });
    const dir = parseExperimentArgs(['--preset', './amdahl-wall', '--out', 'x.csv'], IDS);
    expect(dir.ok && !dir.help && dir.options.preset).toEqual({ kind: 'config', path: './amdahl-wall' });
  });

  it('--help, before the values are checked', () => {
    expect(parseExperimentArgs(['--help'], IDS)).toEqual({ ok: true, help: true });
    expect(parseExperimentArgs(['--reps', 'abc', '-h'], IDS)).toEqual({ ok: true, help: true });
  });
});
