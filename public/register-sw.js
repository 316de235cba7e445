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
