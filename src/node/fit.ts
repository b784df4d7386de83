/**
 * `npm run -s fit -- <file.csv>`: fits Amdahl, Karp–Flatt and the USL to scaling data
 * measured anywhere and prints the analysis as JSON on stdout.
 *
 * Exit status: 0 analysed; 1 the file was read but refused (the message on stderr names
 * line and column); 2 bad arguments or an unreadable path (usage on stderr).
 *
 * JSON has no Infinity: a non-finite number (Amdahl's ceiling when p = 1) is written as the
 * string "Infinity" rather than null, so it cannot be mistaken for a missing value.
 */
import { readFileSync, statSync } from 'node:fs';
import { basename } from 'node:path';
import { checkFileSize, parseScalingCsv } from '../core/fit/fit-input';
import { analyseScaling } from '../core/fit/fit-analysis';

const USAGE = `usage: npm run -s fit -- <file.csv>
       npx tsx src/node/fit.ts <file.csv>

Fits Amdahl's law, Karp–Flatt's serial fraction and the Universal Scalability Law to
scaling data and prints the analysis as JSON on stdout.

The file has a header row, then one row per measurement. Columns (case-insensitive):
  n           worker count (or: workers, threads, cores, processes)
  throughput  work per unit time (or: rate, x), or
  time_ms     wall time in milliseconds (or: time, ms, elapsed_ms)
separated by comma, semicolon, tab or pipe. Blank lines and lines starting with # are
skipped; repeated n values are repetitions (their median is used). At least 3 distinct n.

Exit status: 0 analysed, 1 file refused (line and column on stderr),
2 bad arguments or unreadable file.`;

/** The exit code and what to print; kept apart from `process` so the logic reads top to bottom. */
interface Outcome {
  code: 0 | 1 | 2;
  stdout?: string;
  stderr?: string;
}

function usage(problem?: string): Outcome {
  return { code: 2, stderr: problem ? `fit: ${problem}\n\n${USAGE}\n` : `${USAGE}\n` };
}

function replacer(_key: string, value: unknown): unknown {
  return typeof value === 'number' && !Number.isFinite(value) ? String(value) : value;
}

function run(args: readonly string[]): Outcome {
  const files: string[] = [];
  for (const arg of args) {
    if (arg === '--help' || arg === '-h') return usage();
    if (arg === '--') continue;
    if (arg.startsWith('-') && arg.length > 1) return usage(`unknown option ${arg}`);
    files.push(arg);
  }
  if (files.length === 0) return usage('no file given');
  if (files.length > 1) return usage(`one file at a time, got ${files.length}`);
  const [path] = files;

  let text: string;
  try {
    const stat = statSync(path);
    if (!stat.isFile()) return usage(`cannot read ${path}: not a file`);
    // Refuse before reading: no point loading a huge file only to reject it.
    const tooLarge = checkFileSize(stat.size);
    if (tooLarge) return { code: 1, stderr: `fit: ${basename(path)}: ${tooLarge.message}\n` };
    text = readFileSync(path, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException | undefined)?.code;
    return usage(`cannot read ${path}${code ? ` (${code})` : ''}`);
  }

  const parsed = parseScalingCsv(text);
  if (!parsed.ok) return { code: 1, stderr: `fit: ${basename(path)}: ${parsed.message}\n` };
  return { code: 0, stdout: `${JSON.stringify(analyseScaling(parsed), replacer, 2)}\n` };
}

const outcome = run(process.argv.slice(2));
if (outcome.stdout) process.stdout.write(outcome.stdout);
if (outcome.stderr) process.stderr.write(outcome.stderr);
process.exitCode = outcome.code;
