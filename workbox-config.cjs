// Generates dist/sw.js from the files Trunk built, so the precache list is never kept by hand.
// Hashed files are not cache-busted again (their names already change with their content), so
// the service worker fills its precache from the HTTP cache on a learner's first visit instead
// of downloading the shell twice.
module.exports = {
  globDirectory: 'dist/',
  globPatterns: ['**/*.{html,js,wasm,css,webmanifest,png,svg}'],
  globIgnores: ['sw.js'],
  swDest: 'dist/sw.js',
  dontCacheBustURLsMatching: /-[0-9a-f]{16,}/,
  maximumFileSizeToCacheInBytes: 5 * 1024 * 1024,
  // Every client route loads the app shell, online or not.
  navigateFallback: '/index.html',
  navigateFallbackDenylist: [/^\/api\//, /^\/xapi\//, /^\/content\//],
  // A new version waits until the learner chooses "Update now" (which posts SKIP_WAITING), so
  // an open lesson is never swapped out under them; the very first install takes control at
  // once so the next reload already works offline.
  skipWaiting: false,
  clientsClaim: true,
  inlineWorkboxRuntime: true,
  sourcemap: false,
  mode: 'production',
  runtimeCaching: [
    {
      // The catalog is small and changes; prefer the network, fall back to the last copy.
      urlPattern: /\/content\/catalog\.json$/,
      handler: 'NetworkFirst',
      options: { cacheName: 'baeum-catalog', networkTimeoutSeconds: 4 },
    },
    {
      // Packs are named by their hash and never change.
      urlPattern: /\/content\/[0-9a-f]{64}\.(json|opus)$/,
      handler: 'CacheFirst',
      options: { cacheName: 'baeum-packs' },
    },
  ],
};
