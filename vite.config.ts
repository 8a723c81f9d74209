import { constants } from 'node:zlib';
import { defineConfig } from 'vite';
import { compression, defineAlgorithm } from 'vite-plugin-compression2';

// The client lives in client/ and imports shared/ by relative path; the server serves dist/client.
export default defineConfig({
  root: 'client',
  // Absolute, because invite links (/join/CODE) load the page from a sub-path.
  base: '/',
  // Every text file is compressed once, at build time, next to the original (x.js.br, x.js.gz):
  // the server (server/http/clientApp.ts) sends them as they are and spends no CPU per request.
  // Brotli at its best quality, gzip at its best for browsers without brotli.
  plugins: [
    compression({
      algorithms: [
        defineAlgorithm('brotliCompress', { params: { [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY } }),
        defineAlgorithm('gzip', { level: 9 }),
      ],
      logLevel: 'silent',
    }),
  ],
  build: {
    outDir: '../dist/client',
    // outDir is outside root, so Vite only empties it when told to.
    emptyOutDir: true,
    target: 'es2022',
    // Phaser is one pre-built 1.4 MB module that cannot be tree-shaken; it gets its own chunk.
    chunkSizeWarningLimit: 1600,
    rolldownOptions: {
      output: {
        codeSplitting: { groups: [{ name: 'phaser', test: /node_modules[\\/]phaser[\\/]/ }] },
      },
    },
  },
});
