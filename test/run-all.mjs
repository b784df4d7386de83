// Runs every test the project has, then prints one plain summary line
// "N passed, N failed, N skipped" for CI. Three vitest runs, one after the other: the Node unit
// and in-browser tests first, then the end-to-end tests against the built app in Chromium, then
// the built app in Chromium, Firefox and WebKit (engine after engine) — each alone, because
// lessons and timing-sensitive checks need the machine's cores to themselves.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx';
const extraArgs = process.argv.slice(2);

const build = spawnSync(npx, ['vite', 'build', '--logLevel', 'warn'], { stdio: 'inherit' });
if (build.status !== 0) {
  console.error('vite build failed: the e2e tests need the built app.');
  console.log('0 passed, 1 failed');
  process.exit(1);
}

const dir = mkdtempSync(join(tmpdir(), 'pp-test-'));
const env = { ...process.env, FORCE_COLOR: process.env.CI ? '0' : process.env.FORCE_COLOR };
const totals = { passed: 0, failed: 0, skipped: 0 };
let allOk = true;

for (const [name, projects] of [
  ['unit+browser', ['--project', 'unit', '--project', 'browser']],
  ['e2e', ['--project', 'e2e']],
  ['engines', ['--project', 'engines']],
]) {
  const jsonFile = join(dir, `${name}.json`);
  const run = spawnSync(
    npx,
    ['vitest', 'run', ...projects, ...(extraArgs.length ? ['--passWithNoTests'] : []), '--reporter=default', '--reporter=json', `--outputFile.json=${jsonFile}`, ...extraArgs],
    { stdio: 'inherit', env },
  );
  if (run.status !== 0) allOk = false;
  try {
    const results = JSON.parse(readFileSync(jsonFile, 'utf8'));
    totals.passed += results.numPassedTests ?? 0;
    totals.failed += results.numFailedTests ?? 0;
    totals.skipped += (results.numPendingTests ?? 0) + (results.numTodoTests ?? 0);
    // A file that fails to load counts no test; make sure it still counts as a failure.
    totals.failed += (results.testResults ?? []).filter(
      (r) => r.status === 'failed' && (r.assertionResults ?? []).length === 0,
    ).length;
  } catch (err) {
    console.error(`Could not read vitest's results for ${name} (${err instanceof Error ? err.message : err}).`);
    totals.failed += 1;
  }
}
rmSync(dir, { recursive: true, force: true });

console.log(`${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
process.exit(allOk && totals.failed === 0 ? 0 : 1);
