import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

// The service serves dist/index.html at `/` and everything else under `/app/`
// (src/web/serve-web-ui.ts), so asset URLs are built with that base.
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: '/app/',
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    // Every browser that runs ES2022 modules knows modulepreload; the polyfill would be dead weight.
    modulePreload: { polyfill: false },
  },
  server: {
    // UI work with live reload: `npx vite --config web/vite.config.ts` serves the page at
    // http://localhost:5173/app/ and sends the API calls to a service started with `npm start`.
    // These are the only API paths the page calls.
    proxy: Object.fromEntries(['/assessments', '/review-due', '/calibration'].map((path) => [path, 'http://localhost:3000'])),
  },
});
