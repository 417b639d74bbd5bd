import path from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

/**
 * Two entries that never share a bundle: the phone app (residents, grid workers, patrol
 * volunteers) at / and the desk console at /desk. Heavy parts (charts, maps, uploads) are split
 * into chunks loaded on demand.
 */
export default defineConfig({
  root: path.resolve(import.meta.dirname, 'web'),
  plugins: [react()],
  build: {
    outDir: path.resolve(import.meta.dirname, 'web/dist'),
    emptyOutDir: true,
    manifest: true,
    target: 'es2022',
    chunkSizeWarningLimit: 1500,
    rollupOptions: {
      input: {
        mobile: path.resolve(import.meta.dirname, 'web/index.html'),
        desk: path.resolve(import.meta.dirname, 'web/desk.html'),
      },
      output: {
        // React and the query cache are the only code both entries share: one named chunk, cached once.
        manualChunks: (id: string) => (/node_modules\/(react|react-dom|scheduler|@tanstack)\//.test(id) ? 'react' : undefined),
      },
    },
  },
  server: { port: 5173 },
});
