import vue from '@vitejs/plugin-vue';
import { defineConfig } from 'vite';

export default defineConfig({
  plugins: [vue()],
  server: {
    // `pnpm --filter @hub/dashboard dev` next to a running server.
    proxy: { '/graphql': { target: 'http://localhost:4000', ws: true }, '/api': 'http://localhost:4000' },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: true,
    // dist/.vite/manifest.json: which chunks each route loads, for the benchmark's size of the initial JavaScript.
    manifest: true,
    // The analyst's console (GraphiQL with its editor) is large by nature and loads only on its route.
    chunkSizeWarningLimit: 3000,
    rolldownOptions: {
      // ECharts in a chunk of its own and by its own name: loaded only by pages with charts,
      // and visible as such in the build's size report.
      output: { codeSplitting: { groups: [{ name: 'echarts', test: /node_modules[\\/](echarts|zrender)[\\/]/ }] } },
      onwarn(warning, warn) {
        // React libraries inside GraphiQL mark modules "use client"; meaningless outside server components.
        if (warning.code === 'MODULE_LEVEL_DIRECTIVE') return;
        warn(warning);
      },
    },
  },
});
