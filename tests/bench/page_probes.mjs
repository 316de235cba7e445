// Probes installed in every page before the app's own scripts run (Playwright's addInitScript).
// They record, inside the page and on the page's own clock:
// - when `<html data-ready>` appears, as milliseconds since navigation started;
// - the largest contentful paint (time and element) and the sum of layout shifts;
// - Event Timing entries (the basis of INP) for the lesson-interaction measurement;
// - how long each IndexedDB write to the statement log takes, from the `put`/`add` call to the
//   transaction's `complete` event (strict durability means the data is on disk by then), and
//   whether the app reads the statement log at all.
// Measuring in the page avoids counting the time the benchmark's own DevTools round trips take,
// which grows with the 4x CPU slowdown.
// `watchSelectors`: CSS selectors whose first appearance is timed too (`probes.firstSeen`), for
// content that appears after `data-ready`, such as the home screen's progress from the history.
export function installPageProbes({ watchSelectors = [] } = {}) {
  const probes = {
    readyAt: null,
    firstSeen: {},
    events: [],
    statementWrites: [],
    statementReads: 0,
  };
  Object.defineProperty(window, '__baeumBench', { value: probes });

  if (watchSelectors.length) {
    const selectorObserver = new MutationObserver(() => {
      for (const selector of watchSelectors) {
        if (!(selector in probes.firstSeen) && document.querySelector(selector)) {
          probes.firstSeen[selector] = performance.now();
        }
      }
      if (watchSelectors.every((selector) => selector in probes.firstSeen)) selectorObserver.disconnect();
    });
    selectorObserver.observe(document, { subtree: true, childList: true });
  }

  // Largest contentful paint (the last candidate before input counts) and the layout shifts
  // not caused by input, summed (CLS for a page this short-lived).
  probes.largestPaint = null;
  probes.layoutShift = 0;
  const describe = (element) => {
    if (!element) return 'removed';
    const name = element.dataset?.testid ? `[data-testid=${element.dataset.testid}]` : '';
    const within = element.closest?.('#first-screen') ? ' in the static first screen' : '';
    return `${element.tagName.toLowerCase()}${name}${within}`;
  };
  if (PerformanceObserver.supportedEntryTypes?.includes('largest-contentful-paint')) {
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) {
        probes.largestPaint = { at: entry.startTime, size: entry.size, element: describe(entry.element) };
      }
    }).observe({ type: 'largest-contentful-paint', buffered: true });
  }
  if (PerformanceObserver.supportedEntryTypes?.includes('layout-shift')) {
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) {
        if (!entry.hadRecentInput) probes.layoutShift += entry.value;
      }
    }).observe({ type: 'layout-shift', buffered: true });
  }

  const readyObserver = new MutationObserver(() => {
    if (probes.readyAt === null && document.documentElement?.hasAttribute('data-ready')) {
      probes.readyAt = performance.now();
      readyObserver.disconnect();
    }
  });
  readyObserver.observe(document, { subtree: true, attributes: true, attributeFilter: ['data-ready'] });

  if (typeof PerformanceObserver !== 'undefined'
      && PerformanceObserver.supportedEntryTypes?.includes('event')) {
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) {
        probes.events.push({
          name: entry.name,
          duration: entry.duration,
          interactionId: entry.interactionId,
          startTime: entry.startTime,
        });
      }
    }).observe({ type: 'event', durationThreshold: 16, buffered: true });
  }

  const STATEMENT_STORE = 'statements';
  const prototype = globalThis.IDBObjectStore?.prototype;
  if (prototype) {
    for (const method of ['put', 'add']) {
      const original = prototype[method];
      prototype[method] = function timedWrite(...args) {
        if (this.name === STATEMENT_STORE) {
          const started = performance.now();
          const transaction = this.transaction;
          if (!transaction.__baeumBenchTimed) {
            transaction.__baeumBenchTimed = true;
            transaction.addEventListener('complete', () => {
              probes.statementWrites.push(performance.now() - started);
            });
          }
        }
        return original.apply(this, args);
      };
    }
    for (const method of ['get', 'getAll', 'getAllKeys', 'openCursor', 'openKeyCursor', 'count']) {
      const original = prototype[method];
      if (!original) continue;
      prototype[method] = function countedRead(...args) {
        if (this.name === STATEMENT_STORE) probes.statementReads += 1;
        return original.apply(this, args);
      };
    }
    // Reads through an index of the statement log count as reads of the log.
    const indexPrototype = globalThis.IDBIndex?.prototype;
    for (const method of ['get', 'getAll', 'getAllKeys', 'openCursor', 'openKeyCursor', 'count']) {
      const original = indexPrototype?.[method];
      if (!original) continue;
      indexPrototype[method] = function countedIndexRead(...args) {
        if (this.objectStore?.name === STATEMENT_STORE) probes.statementReads += 1;
        return original.apply(this, args);
      };
    }
  }
}
