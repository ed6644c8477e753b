// A tiny static server for dist/ mounted under a sub-path, as a course site or a repository's
// pages would serve the build (the app must not assume it lives at the root).
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, resolve } from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.json': 'application/json',
  '.webmanifest': 'application/manifest+json',
};

export interface StaticServer {
  /** The mount's URL, with a trailing slash. */
  url: string;
  close(): Promise<void>;
}

/** Serves `root` at http://127.0.0.1:PORT/MOUNT/ on a free port; anything else is a 404. */
export async function serveStatic(root: string, mount: string): Promise<StaticServer> {
  const base = `/${mount.replace(/^\/|\/$/g, '')}/`;
  const server: Server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    if (!path.startsWith(base)) return void res.writeHead(404).end();
    const rel = normalize(path.slice(base.length) || 'index.html');
    const file = resolve(join(root, rel));
    if (!file.startsWith(resolve(root)) || !existsSync(file) || !statSync(file).isFile())
      return void res.writeHead(404).end();
    res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
    createReadStream(file).pipe(res);
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}${base}`,
    close: () => new Promise((done) => server.close(() => done())),
  };
}
