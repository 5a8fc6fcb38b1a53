import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

/** The API server the dev server forwards to; in production the server serves `dist` itself. */
const API_ORIGIN = 'http://localhost:3000';

export default defineConfig({
  plugins: [react()],
  server: {
    port: 5173,
    strictPort: true,
    proxy: {
      '/api': { target: API_ORIGIN, changeOrigin: true },
      // Host stays localhost:5173, matching the browser's Origin, which the server checks on
      // every Socket.IO handshake (it accepts the origin the request was sent to).
      '/socket.io': { target: API_ORIGIN, changeOrigin: false, ws: true },
    },
  },
  build: { outDir: 'dist', emptyOutDir: true },
});
