import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

/**
 * Serves the web app from the same port as the API: the built files in production, Vite with hot
 * reload in development (WEB_DEV=1, `npm run dev`). Any page address that is not a file gets its
 * entry page: /desk/... the desk console, everything else the phone app.
 */
const ROOT = path.resolve(import.meta.dirname, '../../../web');
const DIST = path.join(ROOT, 'dist');

export const entryFor = (url: string) => (url === '/desk' || url.startsWith('/desk/') ? 'desk.html' : 'index.html');

/** Returns the handler for page addresses, or undefined when there is no web app to serve. */
export async function registerWeb(
  app: FastifyInstance,
  dev: boolean,
): Promise<((request: FastifyRequest, reply: FastifyReply) => unknown) | undefined> {
  if (dev) {
    const { createServer } = await import('vite');
    const vite = await createServer({
      configFile: path.resolve(ROOT, '../vite.config.ts'),
      server: { middlewareMode: true },
      appType: 'custom',
    });
    await app.register((await import('@fastify/middie')).default);
    // Vite serves the modules and hot updates; a page address falls through to its entry page.
    app.use(vite.middlewares);
    app.addHook('onClose', () => vite.close());
    return async (request, reply) => {
      const html = await readFile(path.join(ROOT, entryFor(request.url.split('?')[0] ?? '/')), 'utf8');
      return reply.type('text/html').send(await vite.transformIndexHtml(request.url, html));
    };
  }
  if (!existsSync(path.join(DIST, 'index.html'))) return undefined;
  await app.register(fastifyStatic, {
    root: DIST,
    index: false,
    wildcard: false,
    // File names under assets/ carry a content hash: they never change.
    setHeaders: (response, file) => {
      response.header(
        'cache-control',
        file.includes(`${path.sep}assets${path.sep}`) ? 'public, max-age=31536000, immutable' : 'no-cache',
      );
    },
  });
  return (request, reply) => reply.header('cache-control', 'no-cache').sendFile(entryFor(request.url.split('?')[0] ?? '/'));
}
