import { realpathSync } from 'node:fs';
import { pathToFileURL } from 'node:url';

/**
 * Runs a command-line tool's main when its module is the one Node was started with (and not
 * when a test imports it), exiting with main's code; an unexpected throw prints and exits 1.
 */
export function runIfEntryPoint(tool: string, moduleUrl: string, main: (argv: string[]) => Promise<number>): void {
  const entry = process.argv[1];
  let isEntry = false;
  try {
    isEntry = !!entry && pathToFileURL(realpathSync(entry)).href === moduleUrl;
  } catch {
    isEntry = false;
  }
  if (!isEntry) return;
  main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (err: unknown) => {
      process.stderr.write(`${tool}: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
      process.exit(1);
    },
  );
}
