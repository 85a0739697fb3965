/**
 * Plain static HTTP servers for the security tests: no Content-Security-Policy or any other
 * header of ours, as a static host (a bucket, GitHub Pages, `python -m http.server`) serves the
 * built app, plus a recorder that counts every request and WebSocket upgrade it receives.
 */
import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import { extname, join, normalize } from 'node:path';

const TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
  '.json': 'application/json',
  '.arrow': 'application/vnd.apache.arrow.file',
};

/** A running server on 127.0.0.1 and its base URL (ending in '/'). */
export interface Running {
  readonly url: string;
  readonly port: number;
  close(): Promise<void>;
}

function listen(server: Server): Promise<Running> {
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      resolve({ url: `http://127.0.0.1:${port}/`, port, close: () => new Promise((done) => server.close(() => done())) });
    }),
  );
}

/** Serves the files under `root` with a content type and nothing else: no CSP, no other security header. */
export function serveStatic(root: string): Promise<Running> {
  return listen(
    createServer(async (request, response) => {
      const path = normalize(decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname));
      const file = join(root, path.endsWith('/') ? `${path}index.html` : path);
      try {
        const body = await readFile(file);
        response.writeHead(200, { 'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream' }).end(body);
      } catch {
        response.writeHead(404).end();
      }
    }),
  );
}

/** A server that answers every request with 200 (CORS open, so a refusal cannot be the browser's) and records it. */
export async function serveRecorder(): Promise<Running & { readonly received: string[] }> {
  const received: string[] = [];
  const server = createServer((request, response) => {
    received.push(`${request.method} ${request.url}`);
    response.writeHead(200, { 'Access-Control-Allow-Origin': '*', 'Content-Type': 'text/plain' }).end('reached');
  });
  server.on('upgrade', (request, socket) => {
    received.push(`UPGRADE ${request.url}`);
    socket.destroy();
  });
  return { ...(await listen(server)), received };
}
