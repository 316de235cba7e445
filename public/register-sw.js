// The service worker is registered outside the wasm so that it is in place even if the
// wasm fails to start. It tells the app about a waiting update with a DOM event; the app
// shows "update ready" and, when the learner agrees, posts SKIP_WAITING (see src/shell.rs).
if ('serviceWorker' in navigator) {
  window.addEventListener('load', function () {
    navigator.serviceWorker.register('/sw.js').then(function (registration) {
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
// teacher's visit keeps it for offline use instead: the page, under the one key the service
// worker reads for every /teach address, and the hashed files this page loaded, in the caches
// that workbox-config.cjs names. Files of older versions are dropped, so the cache holds one.
function keepTeachersAppForOffline() {
  if (!/^\/teach(\/|$)/.test(location.pathname) || !('caches' in window)) return;
  var hashedFile = /^\/teach\/[^/]+-[0-9a-f]{16}[^/]*\.(js|wasm|css)$/;
  var files = [];
  document.querySelectorAll('link[href], script[src]').forEach(function (element) {
    var url = new URL(element.getAttribute('href') || element.getAttribute('src'), location.href);
    if (url.origin === location.origin && hashedFile.test(url.pathname) && files.indexOf(url.href) < 0) {
      files.push(url.href);
    }
  });
  caches.open('baeum-teach-page')
    .then(function (cache) { return cache.add('/teach/index.html'); })
    .catch(function (error) { console.warn('teachers\' app page not kept for offline use', error); });
  caches.open('baeum-teach-files').then(function (cache) {
    return cache.keys().then(function (stored) {
      var removals = stored
        .filter(function (request) { return files.indexOf(request.url) < 0; })
        .map(function (request) { return cache.delete(request); });
      var additions = files.map(function (url) {
        return cache.match(url).then(function (hit) { return hit || cache.add(url); });
      });
      return Promise.all(removals.concat(additions));
    });
  }).catch(function (error) { console.warn('teachers\' app files not kept for offline use', error); });
}
window.addEventListener('load', keepTeachersAppForOffline);
