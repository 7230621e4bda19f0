// Loopback static server for the backend pages: / → test/e2e/pages/, /vendor/<pkg>/… → node_modules/<pkg>/….
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const PAGES_DIR = fileURLToPath(new URL('./pages/', import.meta.url));
const MODULES_DIR = fileURLToPath(new URL('../../node_modules/', import.meta.url));
const TYPES = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8', '.json': 'application/json; charset=utf-8', '.svg': 'image/svg+xml',
  '.png': 'image/png', '.gif': 'image/gif', '.jpg': 'image/jpeg', '.woff': 'font/woff', '.woff2': 'font/woff2',
  '.ttf': 'font/ttf', '.map': 'application/json',
};

/** Resolve a URL path inside base, or null when it would escape it. */
function inside(base, urlPath) {
  const file = normalize(join(base, decodeURIComponent(urlPath)));
  return file.startsWith(base.endsWith(sep) ? base : base + sep) ? file : null;
}

/**
 * Start the server on 127.0.0.1 with a free port. Returns { url, port, close() }; url has no trailing slash.
 * `mounts` serves other folders: { '/': '<dir>' } → every path from that folder (with CORS, for module imports).
 */
export async function startServer({ port = 0, mounts = {} } = {}) {
  const server = createServer(async (req, res) => {
    const { pathname } = new URL(req.url ?? '/', 'http://127.0.0.1');
    if (pathname === '/favicon.ico') return void res.writeHead(204).end(); // no 404 noise in the console
    const mount = Object.keys(mounts).find((m) => pathname.startsWith(m));
    const file = mount ? inside(mounts[mount], pathname.slice(mount.length)) : pathname.startsWith('/vendor/')
      ? inside(MODULES_DIR, pathname.slice('/vendor/'.length))
      : inside(PAGES_DIR, pathname === '/' ? 'index.html' : pathname.slice(1));
    try {
      if (!file) throw Object.assign(new Error('outside'), { code: 'ENOENT' });
      const body = await readFile(file);
      const cors = mount ? { 'access-control-allow-origin': '*' } : {}; // a served build's modules, imported from the pages' origin
      res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-store', ...cors });
      res.end(body);
    } catch (e) {
      const missing = e.code === 'ENOENT' || e.code === 'EISDIR';
      res.writeHead(missing ? 404 : 500, { 'content-type': 'text/plain; charset=utf-8' });
      res.end(missing ? `not found: ${pathname}` : String(e));
    }
  });
  await new Promise((ok, fail) => server.once('error', fail).listen(port, '127.0.0.1', ok));
  const actual = server.address().port;
  return {
    url: `http://127.0.0.1:${actual}`,
    port: actual,
    close: () => new Promise((ok) => { server.closeAllConnections(); server.close(() => ok()); }),
  };
}
