// Generates dist/sw.js from the files Trunk built, so the precache list is never kept by hand.
// Hashed files are not cache-busted again (their names already change with their content), so
// the service worker fills its precache from the HTTP cache on a learner's first visit instead
// of downloading the shell twice.
//
// The precache is the shell alone: the HTML, the main wasm and its scripts, the styles, the
// manifest and the icons, which the first load has fetched already. The learners' wasm chunks
// are the imported sw-chunks-<hash>.js's (service-worker/chunks.js): it fetches those a learner
// needs offline when it installs, unless the learner saves data, and every other one when it is
// first opened or when the learner asks for the whole app.
const { readdirSync } = require('node:fs');

const chunkScripts = readdirSync('dist').filter((name) => /^sw-chunks-[0-9a-f]{1,16}\.js$/.test(name));
if (chunkScripts.length !== 1) {
  throw new Error(`dist/ should hold one sw-chunks-<hash>.js (cargo xtask writes it), not ${chunkScripts.length}`);
}

/** A learners' wasm chunk: any wasm but the main module (the byte budget's test too). */
function isChunk(url) {
  return url.endsWith('.wasm') && !url.endsWith('_bg.wasm');
}

module.exports = {
  globDirectory: 'dist/',
  globPatterns: ['**/*.{html,js,wasm,css,webmanifest,png,svg}'],
  // The teachers' app (dist/teach/) is not precached: learners would download it for nothing.
  // Teachers' visits fill its runtime caches below. The translations are fetched by the app
  // itself, only the language in use, and kept in localStorage.
  globIgnores: ['sw.js', 'sw-chunks-*.js', 'teach/**', 'locales/**'],
  manifestTransforms: [
    async (entries) => ({ manifest: entries.filter((entry) => !isChunk(entry.url)), warnings: [] }),
  ],
  importScripts: [`/${chunkScripts[0]}`],
  swDest: 'dist/sw.js',
  dontCacheBustURLsMatching: /-[0-9a-f]{16,}/,
  maximumFileSizeToCacheInBytes: 5 * 1024 * 1024,
  // Every learner route loads the learners' app shell, online or not.
  navigateFallback: '/index.html',
  navigateFallbackDenylist: [/^\/api\//, /^\/xapi\//, /^\/content\//, /^\/teach(\/|$)/],
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
      // Every page of the teachers' app is its one index.html: from the network when it
      // answers, else the copy kept from the last online visit (under one key, so that any
      // /teach/… address opens offline once any of them was opened online; the page itself
      // stores it too, for the first visit, before this worker was in control).
      urlPattern: ({ request, url }) => request.mode === 'navigate' && /^\/teach(\/|$)/.test(url.pathname),
      handler: 'NetworkFirst',
      options: {
        cacheName: 'baeum-teach-page',
        networkTimeoutSeconds: 4,
        plugins: [{ cacheKeyWillBeUsed: async () => '/teach/index.html' }],
      },
    },
    {
      // The teachers' app's files are named by their hash and never change. Each teacher page
      // also stores its files and the newest version's, and drops older ones
      // (public/register-sw.js).
      urlPattern: /\/teach\/[^/]+-[0-9a-f]{1,16}[^/]*\.(js|wasm|css)$/,
      handler: 'CacheFirst',
      options: { cacheName: 'baeum-teach-files' },
    },
    {
      // The catalog is small and changes; prefer the network, fall back to the last copy.
      urlPattern: /\/content\/catalog\.json$/,
      handler: 'NetworkFirst',
      options: { cacheName: 'baeum-catalog', networkTimeoutSeconds: 4 },
    },
    {
      // Home's courses (the site's first ones and the device's own): the same; the app keeps
      // a copy itself, the worker answers the last one after 4 s on a link that hangs. Kept
      // under one key, whatever courses the address names.
      urlPattern: /\/api\/catalog\/home(\?[^/]*)?$/,
      handler: 'NetworkFirst',
      options: {
        cacheName: 'baeum-home',
        networkTimeoutSeconds: 4,
        plugins: [{ cacheKeyWillBeUsed: async () => '/api/catalog/home' }],
      },
    },
    {
      // Packs are named by their hash and never change.
      urlPattern: /\/content\/[0-9a-f]{64}\.(json|opus)$/,
      handler: 'CacheFirst',
      options: { cacheName: 'baeum-packs' },
    },
  ],
};
