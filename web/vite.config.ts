import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The console is served by the service itself (web/dist at /); `npm run dev -w web` proxies the API.
export default defineConfig({
  plugins: [react()],
  resolve: {
    // The leave-law rules the API enforces, imported as they are so the form checks exactly the same.
    alias: { '@server': fileURLToPath(new URL('../src', import.meta.url)) },
  },
  build: { outDir: 'dist', emptyOutDir: true, chunkSizeWarningLimit: 2000 },
  server: { proxy: { '/api': 'http://127.0.0.1:3000' } },
});
