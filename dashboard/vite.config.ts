import vue from '@vitejs/plugin-vue';
import { defineConfig } from 'vite';

export default defineConfig({
  plugins: [vue()],
  server: {
    // `pnpm --filter @hub/dashboard dev` next to a running server.
    proxy: { '/graphql': { target: 'http://localhost:4000', ws: true } },
  },
  build: { outDir: 'dist', emptyOutDir: true, sourcemap: true },
});
