import { defineConfig } from 'vite';

// The client lives in client/ and imports shared/ by relative path; the server serves dist/client.
export default defineConfig({
  root: 'client',
  // Absolute, because invite links (/join/CODE) load the page from a sub-path.
  base: '/',
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
