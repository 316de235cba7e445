// The learners' wasm chunks in the service worker: which are kept for offline use, and when they
// are fetched. `cargo xtask` writes this file to dist/sw-chunks-<hash>.js with this build's lists
// in front (xtask/src/app_chunks.rs):
//   var APP_CHUNKS = { offline: { "<file>": <gzip bytes>, … }, rest: { … } };
// and workbox-config.cjs imports it into sw.js, whose Workbox precache holds the shell alone.
//
// - Installing, the worker fetches the offline set (the course, lesson, review and Device pages,
//   the sync engine, the progress digest's reading and the recount: what a learner needs to use
//   the app offline), unless the learner saves data (the page then fetches the engine's and the
//   digest's chunks after the first answer it records, which the fetch handler below keeps):
//   `navigator.connection.saveData`, or a connection the browser reports as cellular, seen here
//   or by the page (register-sw.js notes the page's view in the cache baeum-data-plan, since a
//   worker may see another connection object than the page).
// - Any chunk a page fetches is answered from the cache, else fetched and kept: a page opened
//   once opens offline.
// - The Device page asks for the status and for the whole app (src/offline_app.rs); the page
//   asks for the offline set again on each start when not saving data, which fills in what an
//   install under saveData, or a failed fetch, left out.
// - Activating, chunks of older builds are dropped.
/* global APP_CHUNKS */
'use strict';

var CHUNKS_CACHE = 'baeum-chunks';
var DATA_PLAN_CACHE = 'baeum-data-plan';
var DATA_PLAN_KEY = '/data-plan';

var OFFLINE_CHUNKS = Object.keys(APP_CHUNKS.offline);
var ALL_CHUNKS = OFFLINE_CHUNKS.concat(Object.keys(APP_CHUNKS.rest));

function chunkBytes(name) {
  return APP_CHUNKS.offline[name] || APP_CHUNKS.rest[name] || 0;
}

/** The chunk a same-origin URL names, if it is one of this build's. */
function chunkNamed(url) {
  if (url.origin !== self.location.origin) return null;
  var name = url.pathname.slice(1);
  return ALL_CHUNKS.indexOf(name) >= 0 ? name : null;
}

function chunkUrl(name) {
  return new URL('/' + name, self.location.origin).href;
}

function savingData() {
  var connection = self.navigator.connection;
  if (connection && (connection.saveData || connection.type === 'cellular')) return Promise.resolve(true);
  return caches.open(DATA_PLAN_CACHE)
    .then(function (cache) { return cache.match(DATA_PLAN_KEY); })
    .then(function (noted) { return noted ? noted.text() : 'full'; })
    .then(function (plan) { return plan === 'save'; });
}

function missing(names) {
  return caches.open(CHUNKS_CACHE).then(function (cache) {
    return Promise.all(names.map(function (name) {
      return cache.match(chunkUrl(name), { ignoreVary: true }).then(function (hit) { return hit ? null : name; });
    }));
  }).then(function (names) { return names.filter(Boolean); });
}

// One fetch per chunk at a time, whoever asks (an install, the page, the Device page's button).
var fetching = {};

function keepOne(cache, name) {
  if (!fetching[name]) {
    fetching[name] = cache.add(chunkUrl(name)).then(
      function () { delete fetching[name]; return true; },
      function (error) {
        delete fetching[name];
        console.warn('chunk not kept for offline use', name, error);
        return false;
      });
  }
  return fetching[name];
}

/** Fetches and keeps those of `names` not kept yet; resolves (never rejects) when all are tried. */
function keep(names) {
  return Promise.all([caches.open(CHUNKS_CACHE), missing(names)]).then(function (opened) {
    var cache = opened[0];
    return Promise.all(opened[1].map(function (name) { return keepOne(cache, name); }));
  });
}

/** What is not on the device yet, of the whole app's chunks, in bytes and files. */
function status() {
  return missing(ALL_CHUNKS).then(function (names) {
    return {
      missingBytes: names.reduce(function (sum, name) { return sum + chunkBytes(name); }, 0),
      missingFiles: names.length,
      totalFiles: ALL_CHUNKS.length,
    };
  });
}

self.addEventListener('install', function (event) {
  // A chunk that cannot be fetched now does not stop the install: the shell works offline
  // without it, its page offers to try again, and the next start asks for it again.
  event.waitUntil(savingData()
    .then(function (save) { return save ? null : keep(OFFLINE_CHUNKS); })
    .catch(function (error) { console.warn('offline chunks not kept', error); }));
});

self.addEventListener('activate', function (event) {
  event.waitUntil(caches.open(CHUNKS_CACHE).then(function (cache) {
    return cache.keys().then(function (requests) {
      return Promise.all(requests
        .filter(function (request) { return !chunkNamed(new URL(request.url)); })
        .map(function (request) { return cache.delete(request); }));
    });
  }));
});

self.addEventListener('fetch', function (event) {
  var request = event.request;
  if (request.method !== 'GET' || !chunkNamed(new URL(request.url))) return;
  event.respondWith(caches.open(CHUNKS_CACHE).then(function (cache) {
    return cache.match(request, { ignoreVary: true }).then(function (hit) {
      if (hit) return hit;
      return fetch(request).then(function (response) {
        if (response.ok) event.waitUntil(cache.put(request, response.clone()));
        return response;
      });
    });
  }));
});

self.addEventListener('message', function (event) {
  var type = event.data && event.data.type;
  var reply = event.ports && event.ports[0];
  if (type === 'KEEP_OFFLINE_SET') {
    event.waitUntil(keep(OFFLINE_CHUNKS));
  } else if (type === 'APP_CHUNKS_STATUS' && reply) {
    event.waitUntil(status().then(function (answer) { reply.postMessage(answer); }));
  } else if (type === 'KEEP_WHOLE_APP' && reply) {
    event.waitUntil(keep(ALL_CHUNKS).then(status).then(function (answer) { reply.postMessage(answer); }));
  }
});
