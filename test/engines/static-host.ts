/**
 * A plain static file server, as GitHub Pages or a school's web space would be: no special
 * headers at all (no COOP/COEP, no CSP), the built app under a sub-path, revalidation with
 * ETag/304. It can be stopped and started again on the same port, to take the "network" away.
 */
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import { extname, join, normalize } from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.json': 'application/json',
  '.webmanifest': 'application/manifest+json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.map': 'application/json',
};

export interface StaticHost {
  /** The app's URL, ending in the sub-path and '/'. */
  url: string;
  /** Requests served so far (path names), to see what went to the network. */
  requests: string[];
  stop(): Promise<void>;
  start(): Promise<void>;
}

/** Serves `root` under `subPath` (e.g. '/playground/') on a free loopback port. */
export async function startStaticHost(root: string, subPath: string): Promise<StaticHost> {
  const requests: string[] = [];
  let server: Server | undefined;
  let port = 0;
  const handler = async (req: import('node:http').IncomingMessage, res: import('node:http').ServerResponse) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://host').pathname);
    requests.push(path);
    if (!path.startsWith(subPath)) {
      res.writeHead(404).end('not found');
      return;
    }
    let file = normalize(join(root, path.slice(subPath.length)));
    if (!file.startsWith(normalize(root))) {
      res.writeHead(403).end();
      return;
    }
    if (path.endsWith('/')) file = join(file, 'index.html');
    try {
      const st = await stat(file);
      if (!st.isFile()) throw new Error('not a file');
      const etag = `"${st.size}-${Math.round(st.mtimeMs)}"`;
      if (req.headers['if-none-match'] === etag) {
        res.writeHead(304, { etag }).end();
        return;
      }
      res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', etag, 'cache-control': 'no-cache' });
      createReadStream(file).pipe(res);
    } catch {
      res.writeHead(404).end('not found');
    }
  };
  const start = () =>
    new Promise<void>((resolve, reject) => {
      server = createServer((req, res) => void handler(req, res));
      server.once('error', reject);
      server.listen(port, '127.0.0.1', () => {
        port = (server!.address() as { port: number }).port;
        resolve();
      });
    });
  const stop = () =>
    new Promise<void>((resolve) => {
      if (!server) return resolve();
      server.closeAllConnections();
      server.close(() => resolve());
      server = undefined;
    });
  await start();
  return { url: `http://127.0.0.1:${port}${subPath}`, requests, stop, start };
}
