/**
 * The console: `vite` (dev server with hot reload) or `vite build` + `vite preview` (what `npm start` and the
 * browser tests serve). Both proxy the graph and the gateway's development-token endpoint, so the browser
 * talks to one origin and the gateway needs no CORS entry for the console.
 *   CONSOLE_GATEWAY  where the gateway listens (default http://127.0.0.1:4000)
 *   CONSOLE_PORT     where the console listens (default 4200)
 */
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const gateway = process.env['CONSOLE_GATEWAY'] ?? 'http://127.0.0.1:4000';
const port = Number(process.env['CONSOLE_PORT'] ?? 4200);
const proxy = {
  '/graphql': { target: gateway, changeOrigin: true },
  '/ide/dev-token': { target: gateway, changeOrigin: true },
};
const root = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig({
  root,
  base: '/',
  plugins: [react()],
  server: { host: '127.0.0.1', port, strictPort: true, proxy },
  preview: { host: '127.0.0.1', port, strictPort: true, proxy },
  build: {
    outDir: fileURLToPath(new URL('../../dist/apps/console', import.meta.url)),
    emptyOutDir: true,
    chunkSizeWarningLimit: 4000,
  },
});
