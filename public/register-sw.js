// The service worker is registered outside the wasm so that it is in place even if the
// wasm fails to start. It tells the app about a waiting update with a DOM event; the app
// shows "update ready" and, when the learner agrees, posts SKIP_WAITING (see src/shell.rs).
//
// Before registering, the page notes whether the learner saves data (the browser's Save-Data
// setting, or a connection it reports as cellular: Chromium reports the type on Android and
// ChromeOS only) where the worker reads it when it installs: saving data, the worker fetches no
// chunk beyond those the learner opens (service-worker/chunks.js). Otherwise each start asks the
// worker to complete the chunks a learner needs offline.
function savesData() {
  var connection = navigator.connection;
  return !!(connection && (connection.saveData || connection.type === 'cellular'));
}

function noteDataPlan(save) {
  if (!('caches' in window)) return Promise.resolve();
  return caches.open('baeum-data-plan')
    .then(function (cache) { return cache.put('/data-plan', new Response(save ? 'save' : 'full')); })
    .catch(function (error) { console.warn('data plan not noted', error); });
}

if ('serviceWorker' in navigator) {
  window.addEventListener('load', function () {
    var save = savesData();
    noteDataPlan(save).then(function () {
      return navigator.serviceWorker.register('/sw.js');
    }).then(function (registration) {
      if (!save) {
        navigator.serviceWorker.ready.then(function (ready) {
          if (ready.active) ready.active.postMessage({ type: 'KEEP_OFFLINE_SET' });
        });
      }
      function announce(worker) {
        window.baeumWaitingWorker = worker;
        window.dispatchEvent(new Event('baeum-update-ready'));
      }
      if (registration.waiting && navigator.serviceWorker.controller) announce(registration.waiting);
      registration.addEventListener('updatefound', function () {
        var installing = registration.installing;
        if (!installing) return;
        installing.addEventListener('statechange', function () {
          if (installing.state === 'installed' && navigator.serviceWorker.controller) announce(installing);
        });
      });
    }).catch(function (error) { console.warn('service worker not registered', error); });
  });
}

// The teachers' app (/teach) is not precached: learners would download it for nothing. A
// teacher's visit keeps it for offline use instead, in the caches that workbox-config.cjs names:
// the newest /teach/index.html under the one key the service worker reads for every /teach
// address, stored only after every hashed file it names is stored, and the files of the page
// now open. Files of older versions are dropped.
// Trunk writes its file hash in hexadecimal without leading zeros: 16 digits or fewer.
var TEACHERS_APP_FILE = /\/teach\/[^/"']+-[0-9a-f]{1,16}[^/"']*\.(js|wasm|css)/g;

function keepTeachersAppForOffline() {
  if (!/^\/teach(\/|$)/.test(location.pathname) || !('caches' in window)) return;
  var openPageFiles = [];
  document.querySelectorAll('link[href], script[src]').forEach(function (element) {
    var url = new URL(element.getAttribute('href') || element.getAttribute('src'), location.href);
    if (url.origin === location.origin && url.pathname.match(TEACHERS_APP_FILE)) openPageFiles.push(url.href);
  });
  fetch('/teach/index.html', { cache: 'no-cache' }).then(function (response) {
    if (!response.ok) throw new Error('/teach/index.html answered ' + response.status);
    return response.clone().text().then(function (html) {
      var newestFiles = (html.match(TEACHERS_APP_FILE) || []).map(function (path) {
        return new URL(path, location.href).href;
      });
      var keep = openPageFiles.concat(newestFiles).filter(function (url, index, all) {
        return all.indexOf(url) === index;
      });
      return caches.open('baeum-teach-files').then(function (files) {
        return Promise.all(keep.map(function (url) {
          return files.match(url).then(function (hit) { return hit || files.add(url); });
        })).then(function () {
          return files.keys().then(function (stored) {
            return Promise.all(stored
              .filter(function (request) { return keep.indexOf(request.url) < 0; })
              .map(function (request) { return files.delete(request); }));
          });
        });
      }).then(function () {
        return caches.open('baeum-teach-page').then(function (page) {
          return page.put('/teach/index.html', response);
        });
      });
    });
  }).catch(function (error) { console.warn('teachers\' app not kept for offline use', error); });
}
window.addEventListener('load', keepTeachersAppForOffline);
