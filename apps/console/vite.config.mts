/**
 * The console: `vite` (dev server with hot reload) or `vite build` + `vite preview` (what the browser tests
 * serve). Both proxy the graph and the gateway's development-token endpoint, so the browser talks to one
 * origin and the gateway needs no CORS entry for the console.
 *   CONSOLE_GATEWAY  where the gateway listens (default http://127.0.0.1:4000)
 *   CONSOLE_PORT     where the console listens (default 4200)
 */
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';

const gateway = process.env['CONSOLE_GATEWAY'] ?? 'http://127.0.0.1:4000';
const port = Number(process.env['CONSOLE_PORT'] ?? 4200);
const proxy = {
  '/graphql': { target: gateway, changeOrigin: true },
  '/ide/dev-token': { target: gateway, changeOrigin: true },
};
const root = fileURLToPath(new URL('.', import.meta.url));

/**
 * How the built console is cached: files under /assets/ carry a content hash in their name, so a browser
 * keeps them a year without asking again (`immutable`); index.html names the current hashes, so it is
 * revalidated on every load (`no-cache`) and a new release is picked up at once. (vite preview already
 * gzips text answers.)
 */
export const CACHE_CONTROL = { hashedAsset: 'public, max-age=31536000, immutable', page: 'no-cache' };

function cacheHeaders(): Plugin {
  return {
    name: 'console-cache-headers',
    configurePreviewServer(server) {
      server.middlewares.use((request, response, next) => {
        const path = (request.url ?? '/').split('?')[0] ?? '/';
        if (path.startsWith('/graphql') || path.startsWith('/ide/')) return next();
        response.setHeader('Cache-Control', path.startsWith('/assets/') ? CACHE_CONTROL.hashedAsset : CACHE_CONTROL.page);
        next();
      });
    },
  };
}

export default defineConfig({
  root,
  base: '/',
  plugins: [react(), cacheHeaders()],
  server: { host: '127.0.0.1', port, strictPort: true, proxy },
  preview: { host: '127.0.0.1', port, strictPort: true, proxy },
  build: {
    outDir: fileURLToPath(new URL('../../dist/apps/console', import.meta.url)),
    emptyOutDir: true,
    // What each entry loads first is measured and held to a budget by build-budget.js (manifest below).
    manifest: true,
    chunkSizeWarningLimit: 4000,
  },
});
