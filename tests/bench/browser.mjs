// The browser half of `cargo xtask bench`: drives Debian's Chromium through playwright-core and
// the DevTools protocol against a running baeum-server, and writes what it measured as JSON.
//
// These are measurements, not tests: nothing here passes or fails on a time. A step that cannot
// be measured (a feature the app does not have yet) is reported as "not measured" with the
// reason, never as a number.
//
// Environment (set by `cargo xtask bench`):
//   BAEUM_BENCH_SERVER_PORT  the server's loopback port
//   BAEUM_BENCH_RUNS         runs per timed measurement (5 for the report, 1 while developing)
//   BAEUM_BENCH_OUT          where to write the JSON
//   BAEUM_BENCH_FSRS_WASM_DIR the spaced-repetition workload built for the web (wasm-bindgen)
//   CHROMIUM                 the browser binary (default /usr/bin/chromium)
//   BAEUM_BENCH_ONLY         `first-visit`: only a first visit's bytes and times to data-ready
//                            (the catalogue part compares a 2,000-course catalogue with the real one)
//   BAEUM_BENCH_CATALOG_SEARCH with first-visit: also time searches on the catalogue page
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { ByteCountingProxy } from './byte_counting_proxy.mjs';
import { installPageProbes } from './page_probes.mjs';

const required = (name) => {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set: run the benchmark through cargo xtask bench`);
  return value;
};

const serverPort = Number(required('BAEUM_BENCH_SERVER_PORT'));
const runs = Math.max(1, Number(process.env.BAEUM_BENCH_RUNS || 5));
const outputPath = required('BAEUM_BENCH_OUT');
const serverUrl = `http://127.0.0.1:${serverPort}`;

// The DevTools presets, as Chromium defines them: throughput in bytes per second.
const PROFILES = {
  'slow-3g': { latency: 2000, downloadThroughput: 50_000, uploadThroughput: 50_000 },
  'slow-4g': { latency: 562.5, downloadThroughput: 180_000, uploadThroughput: 84_375 },
};
const CPU_SLOWDOWN = 4;
const READY_TIMEOUT_MS = 120_000;

const median = (values) => {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};
const percentile = (values, fraction) => {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(fraction * sorted.length) - 1)];
};
const round = (value, digits = 1) => (value === null ? null : Number(value.toFixed(digits)));
const notMeasured = (reason) => ({ measured: false, reason });

/**
 * Counts, over the DevTools protocol, the bytes of every response a page receives:
 * `encodedDataLength` from `Network.loadingFinished` (headers and body as received, so a
 * compressed body counts compressed). Responses answered by the service worker or the memory
 * and disk caches never touched the network and are summed apart. When the service worker
 * answers a request by fetching it itself, that fetch happens in the worker, which this page
 * session does not see: only the byte-counting proxy sees it.
 */
class ResponseByteCounter {
  static async attach(context, page) {
    const counter = new ResponseByteCounter(await context.newCDPSession(page));
    await counter.session.send('Network.enable');
    return counter;
  }

  constructor(session) {
    this.session = session;
    this.responses = new Map();
    this.reset();
    session.on('Network.responseReceived', ({ requestId, response }) => {
      this.responses.set(requestId, {
        url: response.url,
        status: response.status,
        local: Boolean(response.fromServiceWorker || response.fromDiskCache
          || response.fromPrefetchCache || response.fromMemoryCache),
      });
    });
    session.on('Network.loadingFinished', ({ requestId, encodedDataLength }) => {
      const response = this.responses.get(requestId) ?? { url: '(unknown)', status: 0, local: false };
      if (response.local) {
        this.localBytes += encodedDataLength;
        this.localResponses += 1;
      } else {
        this.networkBytes += encodedDataLength;
        this.files.push({ url: response.url.replace(/^https?:\/\/[^/]+/, ''), status: response.status, bytes: encodedDataLength });
      }
    });
  }

  reset() {
    this.networkBytes = 0;
    this.localBytes = 0;
    this.localResponses = 0;
    this.files = [];
  }

  snapshot() {
    // Course content: the packs, and home's courses (the catalogue as home asks for it).
    const isContent = (file) => file.url.startsWith('/content/') || file.url.startsWith('/api/catalog');
    const sum = (files) => files.reduce((total, file) => total + file.bytes, 0);
    return {
      devtools_network_bytes: this.networkBytes,
      devtools_app_file_bytes: sum(this.files.filter((file) => !isContent(file))),
      devtools_content_bytes: sum(this.files.filter(isContent)),
      devtools_local_responses: this.localResponses,
      devtools_local_bytes: this.localBytes,
      files: [...this.files].sort((a, b) => b.bytes - a.bytes),
    };
  }
}

async function launchBrowser() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    args: [
      '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync',
      // Headless Chromium has no audio device; a clip must still load and play.
      '--autoplay-policy=no-user-gesture-required',
    ],
  });
}

/** A fresh browser context: empty HTTP cache, no service worker, no IndexedDB. */
async function freshPage(browser, probeOptions = {}) {
  const context = await browser.newContext();
  await context.addInitScript(installPageProbes, probeOptions);
  const page = await context.newPage();
  return { context, page };
}

async function waitReady(page) {
  await page.waitForSelector('html[data-ready]', { timeout: READY_TIMEOUT_MS, state: 'attached' });
  return page.evaluate(() => window.__baeumBench.readyAt);
}

async function waitForServiceWorkerControl(page) {
  await page.evaluate(() => navigator.serviceWorker.ready.then(() => true));
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 60_000 });
}

async function throttle(session, profile) {
  if (profile) {
    await session.send('Network.emulateNetworkConditions', { offline: false, ...PROFILES[profile] });
  }
  await session.send('Emulation.setCPUThrottlingRate', { rate: CPU_SLOWDOWN });
}

/** The first lesson of the first course in the catalog, as the server has it. */
async function firstLesson() {
  const catalog = await (await fetch(`${serverUrl}/content/catalog.json`)).json();
  const course = catalog.courses[0];
  const manifest = await (await fetch(`${serverUrl}/content/${course.manifest}`)).json();
  const entry = manifest.units[0].lessons[0];
  const lesson = await (await fetch(`${serverUrl}/content/${entry.file}`)).json();
  return { courseId: course.id, lessonId: entry.id, lesson };
}

/**
 * 1. Bytes on the wire for a first visit to `/` with a cold cache, then for opening the first
 * lesson from there the way a learner does (course card, then lesson link), then for pressing
 * play on the lesson's first audio clip.
 *
 * Chromium offers brotli (and zstd) only to secure origins, which include 127.0.0.1 and any
 * HTTPS server; a school server on plain HTTP gets `gzip, deflate`. With `gzipOnly` the page's
 * requests say so, as they would there (the service worker's own requests are not changed).
 */
async function measureFirstLoadBytes(browser, proxy, first, { gzipOnly = false } = {}) {
  const { context, page } = await freshPage(browser);
  const counter = await ResponseByteCounter.attach(context, page);
  if (gzipOnly) {
    await counter.session.send('Network.setExtraHTTPHeaders', { headers: { 'Accept-Encoding': 'gzip, deflate' } });
  }
  proxy.reset();
  await page.goto(`${proxy.url}/`, { waitUntil: 'commit' });
  await waitReady(page);
  const untilReady = { devtools_network_bytes: counter.networkBytes, proxy_bytes_to_browser: proxy.bytesToBrowser };
  await waitForServiceWorkerControl(page);
  await proxy.waitForQuiet(1500);
  const shell = {
    ...counter.snapshot(),
    until_data_ready: untilReady,
    proxy_bytes_to_browser: proxy.bytesToBrowser,
    proxy_bytes_from_browser: proxy.bytesFromBrowser,
  };

  counter.reset();
  proxy.reset();
  await page.getByTestId(`course-${first.courseId}`).getByRole('link').first().click();
  await page.getByTestId(`lesson-link-${first.lessonId}`).click();
  await page.getByTestId('item').waitFor({ timeout: 60_000 });
  await proxy.waitForQuiet(1500);
  const lesson = {
    course: first.courseId,
    lesson: first.lessonId,
    ...counter.snapshot(),
    proxy_bytes_to_browser: proxy.bytesToBrowser,
    proxy_bytes_from_browser: proxy.bytesFromBrowser,
  };

  // The learner goes on through the lesson until the first item with a clip and presses play;
  // only the bytes from that press on are counted as the clip's.
  let audio = notMeasured(`no item of ${first.courseId}/${first.lessonId} has an audio clip`);
  for (const item of first.lesson.items) {
    const play = page.getByTestId('play-audio').first();
    if (await play.count() > 0) {
      counter.reset();
      proxy.reset();
      await play.click();
      await page.waitForFunction(() => {
        const element = document.querySelector('[data-testid=item] audio');
        return element && (element.readyState >= 4 || element.ended || element.error);
      }, null, { timeout: 60_000 });
      await proxy.waitForQuiet(1500);
      audio = {
        measured: true,
        item: item.id,
        ...counter.snapshot(),
        proxy_bytes_to_browser: proxy.bytesToBrowser,
        proxy_bytes_from_browser: proxy.bytesFromBrowser,
      };
      break;
    }
    await answer(page, item);
    await continueToNextItem(page);
  }
  await context.close();
  return { shell, lesson, audio };
}

/**
 * 1b. Everything a first visit receives, until the network is idle, when the page says the
 * learner saves data (`navigator.connection.saveData`, set by an init script): the service worker
 * then keeps no chunk beyond those opened (service-worker/chunks.js).
 */
async function measureFirstVisitSavingData(browser, proxy) {
  const { context, page } = await freshPage(browser);
  await context.addInitScript(() => {
    const connection = { saveData: true, type: 'wifi', effectiveType: '4g', addEventListener() {}, removeEventListener() {} };
    Object.defineProperty(Navigator.prototype, 'connection', { configurable: true, get: () => connection });
  });
  proxy.reset();
  await page.goto(`${proxy.url}/`, { waitUntil: 'commit' });
  await waitReady(page);
  await waitForServiceWorkerControl(page);
  await proxy.waitForQuiet(1500);
  const received = { proxy_bytes_to_browser: proxy.bytesToBrowser, proxy_bytes_from_browser: proxy.bytesFromBrowser };
  await context.close();
  return received;
}

/**
 * 2. Time from navigation start to `html[data-ready]`, cold cache, throttled; and the largest
 * contentful paint and layout shift of that first visit, read a second after it is ready (the
 * app's own paints by then are candidates too).
 */
async function measureColdStart(browser, proxy, profile) {
  const times = [];
  const paints = [];
  const shifts = [];
  for (let run = 0; run < runs; run += 1) {
    const { context, page } = await freshPage(browser);
    const session = await context.newCDPSession(page);
    await session.send('Network.enable');
    await throttle(session, profile);
    await page.goto(`${proxy.url}/`, { waitUntil: 'commit', timeout: READY_TIMEOUT_MS });
    times.push(await waitReady(page));
    await page.waitForTimeout(1000);
    const { largestPaint, layoutShift } = await page.evaluate(() => window.__baeumBench);
    if (largestPaint) paints.push(largestPaint);
    shifts.push(layoutShift);
    await context.close();
  }
  const elements = [...new Set(paints.map((paint) => paint.element))];
  return {
    runs: times.length,
    median_ms: round(median(times)),
    runs_ms: times.map((time) => round(time)),
    largest_paint_median_ms: round(median(paints.map((paint) => paint.at))),
    largest_paint_runs_ms: paints.map((paint) => round(paint.at)),
    largest_paint_element: elements.join(', '),
    layout_shift_worst: round(Math.max(...shifts), 4),
    layout_shift_runs: shifts.map((shift) => round(shift, 4)),
  };
}

/**
 * 3. After one online visit (service worker installed and in control), the network is switched
 * off and the page reloaded: time to `data-ready` and the bytes that crossed the network.
 */
async function measureOfflineRestart(browser, proxy) {
  const { context, page } = await freshPage(browser);
  const counter = await ResponseByteCounter.attach(context, page);
  await page.goto(`${proxy.url}/`, { waitUntil: 'commit' });
  await waitReady(page);
  await waitForServiceWorkerControl(page);
  await proxy.waitForQuiet(1500);
  await context.setOffline(true);
  await counter.session.send('Emulation.setCPUThrottlingRate', { rate: CPU_SLOWDOWN });
  const times = [];
  counter.reset();
  proxy.reset();
  for (let run = 0; run < runs; run += 1) {
    await page.reload({ waitUntil: 'commit', timeout: READY_TIMEOUT_MS });
    times.push(await waitReady(page));
  }
  await proxy.waitForQuiet(1000);
  const result = {
    runs: times.length,
    median_ms: round(median(times)),
    runs_ms: times.map((time) => round(time)),
    ...counter.snapshot(),
    proxy_bytes_to_browser: proxy.bytesToBrowser,
    proxy_bytes_from_browser: proxy.bytesFromBrowser,
  };
  await context.close();
  return result;
}

/** Waits for the page to paint twice, so Event Timing entries for what just happened arrive. */
async function settle(page) {
  await page.evaluate(() => new Promise((resolve) => {
    requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(resolve, 50)));
  }));
}

/** Takes the Event Timing entries gathered since the last call, one duration per interaction. */
async function drainInteractions(page) {
  const events = await page.evaluate(() => window.__baeumBench.events.splice(0));
  const byInteraction = new Map();
  for (const event of events) {
    if (!event.interactionId || !['click', 'keydown', 'pointerdown', 'pointerup', 'keyup'].includes(event.name)) continue;
    byInteraction.set(event.interactionId, Math.max(byInteraction.get(event.interactionId) ?? 0, event.duration));
  }
  return [...byInteraction.values()];
}

/** Presses "continue" and waits for the next item (or the lesson summary after the last). */
async function continueToNextItem(page) {
  const before = await page.evaluate(() => document.querySelector('[data-testid=player-position]')?.textContent ?? null);
  await page.getByTestId('continue').click();
  await page.waitForFunction((previous) => {
    const summary = document.querySelector('[data-testid=lesson-summary]');
    const position = document.querySelector('[data-testid=player-position]');
    return summary || (position && position.textContent !== previous);
  }, before);
}

/** Gives the right answer to `item` (as the end-to-end tests do) and waits for the feedback. */
async function answer(page, item) {
  const typeAnswer = async (text) => {
    await page.getByTestId('typed-answer').fill(text);
    await page.getByTestId('typed-answer').press('Enter');
  };
  switch (item.type) {
    case 'choice':
      await page.getByTestId(`option-${item.answer}`).click();
      break;
    case 'listening':
      if (item.response.mode === 'choice') await page.getByTestId(`option-${item.response.answer}`).click();
      else await typeAnswer(item.response.answer);
      break;
    case 'typed':
      await typeAnswer(item.answer);
      break;
    case 'fill_blank':
      if (item.options && item.options.length) await page.getByTestId(`option-${item.options.indexOf(item.answer)}`).click();
      else await typeAnswer(item.answer);
      break;
    case 'ordering':
      for (const word of item.words) {
        await page.getByTestId('word-bank').getByRole('button', { name: word, exact: true }).first().click();
      }
      await page.getByTestId('check').click();
      break;
    default:
      return false;
  }
  await page.getByTestId('feedback').waitFor();
  return true;
}

/**
 * 4. Event Timing over a whole lesson with the CPU slowed 4x: for each interaction the longest
 * click/keydown/pointer entry (the INP basis: input until the next paint), split into
 * "answer → feedback" and "continue → next item". Interactions faster than the 16 ms
 * threshold produce no entry and are counted as at most 16 ms.
 * Also 7a: the IndexedDB writes to the statement log the player makes while answering.
 */
async function measureLessonInteraction(browser, first) {
  const { context, page } = await freshPage(browser);
  const session = await context.newCDPSession(page);
  await page.goto(`${serverUrl}/courses/${first.courseId}/${first.lessonId}`, { waitUntil: 'commit' });
  await waitReady(page);
  await page.getByTestId('item').waitFor();
  await settle(page);
  await drainInteractions(page);
  await session.send('Emulation.setCPUThrottlingRate', { rate: CPU_SLOWDOWN });
  const answers = [];
  const continues = [];
  for (const item of first.lesson.items) {
    if (await answer(page, item)) {
      await settle(page);
      const durations = await drainInteractions(page);
      // Composing an ordering answer takes several taps; each is an interaction of its own.
      answers.push(...(durations.length ? durations : [null]));
    }
    await continueToNextItem(page);
    await settle(page);
    const durations = await drainInteractions(page);
    continues.push(durations.length ? Math.max(...durations) : null);
  }
  await page.getByTestId('lesson-summary').waitFor();
  await settle(page);
  const probes = await page.evaluate(() => ({
    statementWrites: window.__baeumBench.statementWrites,
    statementReads: window.__baeumBench.statementReads,
  }));
  await context.close();

  const summarize = (durations) => {
    // null means no entry: the interaction took less than the 16 ms threshold.
    const values = durations.map((duration) => duration ?? 16);
    return {
      interactions: durations.length,
      under_threshold: durations.filter((duration) => duration === null).length,
      median_ms: round(median(values)),
      max_ms: round(values.length ? Math.max(...values) : null),
      values_ms: durations.map((duration) => (duration === null ? '<16' : round(duration))),
    };
  };
  const recordAnswer = probes.statementWrites.length
    ? {
      measured: true,
      writes: probes.statementWrites.length,
      p95_ms: round(percentile(probes.statementWrites, 0.95)),
      median_ms: round(median(probes.statementWrites)),
      max_ms: round(Math.max(...probes.statementWrites)),
    }
    : notMeasured('playing a whole lesson wrote nothing to the IndexedDB statement log: '
      + 'the lesson player does not record answers in IndexedDB yet');
  return {
    interaction: {
      lesson: `${first.courseId}/${first.lessonId}`,
      items: first.lesson.items.length,
      answer_to_feedback: summarize(answers),
      continue_to_next_item: summarize(continues),
      all: summarize([...answers, ...continues]),
    },
    recordAnswer,
    statementReadsDuringLesson: probes.statementReads,
  };
}

/**
 * 7b. Home-screen ready time with a large statement history. It only means something when the
 * home screen reads the statement log, so that is checked first on a normal start; the history
 * is made of copies (with fresh ids) of a statement record the app itself wrote while playing a
 * lesson. Two times per start: `data-ready`, and the first appearance of the home screen's
 * progress section (`[data-testid=today]`), which is folded from the whole log.
 */
const HOME_PROGRESS_SELECTOR = '[data-testid=today]';
// With 100,000 statements one start takes about a minute at 4x slowdown, so this measurement
// takes at most three runs to keep the whole benchmark near ten minutes.
const historyRuns = Math.min(runs, 3);
async function measureHomeWithHistory(browser, first, sizes) {
  const { context, page } = await freshPage(browser, { watchSelectors: [HOME_PROGRESS_SELECTOR] });
  await page.goto(`${serverUrl}/`, { waitUntil: 'commit' });
  await waitReady(page);
  await page.waitForTimeout(1000);
  const reads = await page.evaluate(() => window.__baeumBench.statementReads);
  if (reads === 0) {
    await context.close();
    return notMeasured('the home screen does not read the IndexedDB statement log yet, '
      + 'so the size of the history cannot change its start time');
  }
  await page.goto(`${serverUrl}/courses/${first.courseId}/${first.lessonId}`, { waitUntil: 'commit' });
  await waitReady(page);
  for (const item of first.lesson.items) {
    await answer(page, item);
    await continueToNextItem(page);
  }
  await page.getByTestId('lesson-summary').waitFor();
  const session = await context.newCDPSession(page);
  const results = {};
  let stored = 0;
  for (const size of sizes) {
    stored = await page.evaluate(async ({ target }) => {
      const database = await new Promise((resolve, reject) => {
        const request = indexedDB.open('baeum');
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      });
      const read = (request) => new Promise((resolve, reject) => {
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      });
      const store = () => database.transaction('statements', 'readwrite').objectStore('statements');
      let count = await read(store().count());
      const cursor = await read(store().openCursor());
      if (!cursor) throw new Error('the statement log is empty after a lesson');
      const templateKey = String(cursor.key);
      const template = JSON.stringify(cursor.value);
      while (count < target) {
        const batch = Math.min(5000, target - count);
        await new Promise((resolve, reject) => {
          const transaction = database.transaction('statements', 'readwrite');
          const objectStore = transaction.objectStore('statements');
          for (let index = 0; index < batch; index += 1) {
            const key = crypto.randomUUID();
            objectStore.put(JSON.parse(template.replaceAll(templateKey, key)), key);
          }
          transaction.oncomplete = resolve;
          transaction.onerror = () => reject(transaction.error);
        });
        count += batch;
      }
      database.close();
      return count;
    }, { target: size });
    const times = [];
    const progressTimes = [];
    await session.send('Emulation.setCPUThrottlingRate', { rate: CPU_SLOWDOWN });
    // The statements were written straight into the log, without the order numbers the app
    // writes beside them, so the first visit folds the whole log once and saves the digest;
    // the runs after it read the digest, as every visit does in daily use.
    await page.goto(`${serverUrl}/`, { waitUntil: 'commit', timeout: READY_TIMEOUT_MS });
    await waitReady(page);
    await page.waitForSelector(HOME_PROGRESS_SELECTOR, { timeout: 5 * READY_TIMEOUT_MS });
    const fullFoldMs = await page.evaluate((selector) => window.__baeumBench.firstSeen[selector], HOME_PROGRESS_SELECTOR);
    for (let run = 0; run < historyRuns; run += 1) {
      await page.goto(`${serverUrl}/`, { waitUntil: 'commit', timeout: READY_TIMEOUT_MS });
      times.push(await waitReady(page));
      await page.waitForSelector(HOME_PROGRESS_SELECTOR, { timeout: 5 * READY_TIMEOUT_MS });
      progressTimes.push(await page.evaluate((selector) => window.__baeumBench.firstSeen[selector], HOME_PROGRESS_SELECTOR));
    }
    await session.send('Emulation.setCPUThrottlingRate', { rate: 1 });
    results[String(size)] = {
      statements: stored,
      runs: times.length,
      median_ms: round(median(times)),
      runs_ms: times.map((time) => round(time)),
      progress_shown_median_ms: round(median(progressTimes)),
      progress_shown_runs_ms: progressTimes.map((time) => round(time)),
      progress_shown_after_full_fold_ms: round(fullFoldMs),
    };
  }
  await context.close();
  return { measured: true, cpu_slowdown: CPU_SLOWDOWN, runs: historyRuns, by_history_size: results };
}

/**
 * FSRS scheduling in wasm: the workload of `crates/fsrs-bench`, built like the shipped client,
 * run in a blank page of the server's origin with the CPU at full speed and slowed down. The
 * module times itself with `performance.now()` (five runs each of the fold, `schedule` and
 * `review_queue`, medians) and returns its report as JSON text.
 */
async function measureFsrsInWasm(browser) {
  const wasmDir = process.env.BAEUM_BENCH_FSRS_WASM_DIR;
  const glue = wasmDir && join(wasmDir, 'baeum_fsrs_bench.js');
  if (!glue || !existsSync(glue)) {
    return notMeasured('the wasm build of crates/fsrs-bench is missing (cargo xtask bench builds it)');
  }
  const context = await browser.newContext();
  const page = await context.newPage();
  // The files are answered by the page's route, never by the server: the app's own files and
  // service worker stay out of it, and the page is otherwise empty.
  const benchPath = '/__bench/fsrs/';
  const types = { '.js': 'text/javascript', '.wasm': 'application/wasm', '/': 'text/html' };
  await page.route(`${serverUrl}${benchPath}**`, (route) => {
    const name = new URL(route.request().url()).pathname.slice(benchPath.length);
    if (name === '') {
      return route.fulfill({ contentType: types['/'], body: '<!doctype html><title>FSRS in wasm</title>' });
    }
    const file = join(wasmDir, name);
    if (!/^[a-z_]+\.(js|wasm)$/.test(name) || !existsSync(file)) return route.fulfill({ status: 404 });
    return route.fulfill({ contentType: types[name.slice(name.lastIndexOf('.'))], body: readFileSync(file) });
  });
  await page.goto(`${serverUrl}${benchPath}`);
  const session = await context.newCDPSession(page);
  const byCpuSlowdown = {};
  try {
    await page.evaluate(async (url) => {
      const module = await import(url);
      await module.default();
      window.fsrsBench = module;
    }, `${serverUrl}${benchPath}baeum_fsrs_bench.js`);
    for (const rate of [1, CPU_SLOWDOWN]) {
      await session.send('Emulation.setCPUThrottlingRate', { rate });
      byCpuSlowdown[rate] = JSON.parse(await page.evaluate(() => window.fsrsBench.measure_fsrs(Date.now())));
    }
  } finally {
    await context.close();
  }
  return { measured: true, by_cpu_slowdown: byCpuSlowdown };
}

/**
 * A first visit alone: the bytes received until `data-ready` (gzip, as from a plain-HTTP
 * school server), those of home's courses among them, and how many courses home lists.
 */
async function measureFirstVisit(browser, proxy) {
  const { context, page } = await freshPage(browser);
  const counter = await ResponseByteCounter.attach(context, page);
  await counter.session.send('Network.setExtraHTTPHeaders', { headers: { 'Accept-Encoding': 'gzip, deflate' } });
  await page.goto(`${proxy.url}/`, { waitUntil: 'commit' });
  await waitReady(page);
  const untilReady = counter.networkBytes;
  const { files } = counter.snapshot();
  const catalogFiles = files.filter((file) => file.url.startsWith('/api/catalog') || file.url.startsWith('/content/catalog'));
  const homeCourses = await page.locator('[data-testid=course-list] > li').count();
  await context.close();
  return {
    until_data_ready_bytes: untilReady,
    catalog_bytes: catalogFiles.reduce((total, file) => total + file.bytes, 0),
    catalog_files: catalogFiles,
    home_courses: homeCourses,
  };
}

/** Searches timed on the catalogue page: what a learner types. */
const CATALOG_SEARCHES = ['weather', 'weather 17', 'zzzz', ''];

/**
 * Times a search on the catalogue page with the CPU slowed 4× (the network not throttled):
 * from pressing Search to the results shown, read in the page. Online the server searches;
 * offline the app searches the cards kept on the device, here every course of the catalogue
 * (put there as if every page had been seen).
 */
async function measureCatalogSearch(browser, proxy) {
  const { context, page } = await freshPage(browser);
  const session = await context.newCDPSession(page);
  await page.goto(`${proxy.url}/catalog`, { timeout: READY_TIMEOUT_MS });
  await page.getByTestId('catalog-total').waitFor({ timeout: READY_TIMEOUT_MS });
  // Searches and waits for the answer shown; its time in ms, from the press to the frame
  // after the page changed (null if nothing changed within 30 s).
  const searchFor = async (words) => {
    await page.getByTestId('catalog-search').fill(words);
    return page.evaluate(() => new Promise((resolve) => {
      const button = document.querySelector('[data-testid=catalog-search-button]');
      const started = performance.now();
      // Leptos changes only what differs: the count, the cards. The button's own `disabled`
      // is left out.
      const observer = new MutationObserver(() => {
        observer.disconnect();
        requestAnimationFrame(() => setTimeout(() => resolve(performance.now() - started), 0));
      });
      observer.observe(document.querySelector('[data-testid=catalog-page]'), {
        childList: true, subtree: true, characterData: true, attributes: true, attributeFilter: ['data-total'],
      });
      setTimeout(() => { observer.disconnect(); resolve(null); }, 30_000);
      button.click();
    }));
  };
  const timeSearches = async () => {
    const results = [];
    for (const words of CATALOG_SEARCHES) {
      const times = [];
      // Each timed search follows one with other results, so that the page changes.
      const other = words === 'zzzz' ? '' : 'zzzz';
      for (let run = 0; run < runs + 1; run += 1) {
        await searchFor(other);
        const ms = await searchFor(words);
        // The first run warms up.
        if (run > 0 && ms !== null) times.push(ms);
      }
      const found = await page.getByTestId('catalog-total').getAttribute('data-total');
      results.push({ words, found: Number(found), median_ms: round(median(times)), runs_ms: times.map((time) => round(time)) });
    }
    return results;
  };
  await session.send('Emulation.setCPUThrottlingRate', { rate: CPU_SLOWDOWN });
  const online = await timeSearches();
  // Every course's card, as if every page had been seen.
  await session.send('Emulation.setCPUThrottlingRate', { rate: 1 });
  const cards = [];
  for (let pageNumber = 0; ; pageNumber += 1) {
    const answer = await (await fetch(`${serverUrl}/api/catalog?page=${pageNumber}`)).json();
    cards.push(...answer.courses);
    if (answer.courses.length < answer.page_size || pageNumber >= 500) break;
  }
  await page.evaluate((kept) => localStorage.setItem('baeum.catalog-cards', JSON.stringify(kept)), cards);
  await context.setOffline(true);
  await session.send('Emulation.setCPUThrottlingRate', { rate: CPU_SLOWDOWN });
  const offline = await timeSearches();
  await context.close();
  return { cpu_slowdown: CPU_SLOWDOWN, runs, kept_cards: cards.length, online, offline };
}

async function mainFirstVisitOnly() {
  const proxy = await ByteCountingProxy.start(serverPort);
  const browser = await launchBrowser();
  try {
    const firstVisit = await measureFirstVisit(browser, proxy);
    const coldStart = {};
    for (const profile of Object.keys(PROFILES)) {
      console.log(`bench (browser): first visit, ${profile}, CPU ${CPU_SLOWDOWN}x, ${runs} run(s)`);
      coldStart[profile] = { ...PROFILES[profile], cpu_slowdown: CPU_SLOWDOWN, ...(await measureColdStart(browser, proxy, profile)) };
    }
    const search = process.env.BAEUM_BENCH_CATALOG_SEARCH ? await measureCatalogSearch(browser, proxy) : null;
    writeFileSync(outputPath, `${JSON.stringify({ first_visit: firstVisit, cold_start: coldStart, catalog_search: search }, null, 2)}\n`);
  } finally {
    await browser.close();
    await proxy.close();
  }
}

async function main() {
  if (process.env.BAEUM_BENCH_ONLY === 'first-visit') return mainFirstVisitOnly();
  const started = Date.now();
  const proxy = await ByteCountingProxy.start(serverPort);
  const browser = await launchBrowser();
  const step = (name) => console.log(`bench (browser): ${name} (${((Date.now() - started) / 1000).toFixed(0)} s)`);
  try {
    const first = await firstLesson();
    step('first-load bytes, encodings as Chromium offers them here (brotli)');
    const bytes = await measureFirstLoadBytes(browser, proxy, first);
    step('first-load bytes, gzip only (a plain-HTTP school server)');
    const bytesGzip = await measureFirstLoadBytes(browser, proxy, first, { gzipOnly: true });
    step('first visit, saving data');
    const savingData = await measureFirstVisitSavingData(browser, proxy);
    const coldStart = {};
    for (const profile of Object.keys(PROFILES)) {
      step(`cold start, ${profile}, CPU ${CPU_SLOWDOWN}x, ${runs} run(s)`);
      coldStart[profile] = { ...PROFILES[profile], cpu_slowdown: CPU_SLOWDOWN, ...(await measureColdStart(browser, proxy, profile)) };
    }
    step(`offline restart, ${runs} run(s)`);
    const offline = { cpu_slowdown: CPU_SLOWDOWN, ...(await measureOfflineRestart(browser, proxy)) };
    step('lesson interaction (Event Timing)');
    const lessonRun = await measureLessonInteraction(browser, first);
    step('home screen with a large history');
    const homeWithHistory = await measureHomeWithHistory(browser, first, [10_000, 100_000]);
    step(`FSRS scheduling in wasm, CPU 1x and ${CPU_SLOWDOWN}x`);
    const fsrsWasm = await measureFsrsInWasm(browser);
    const report = {
      chromium_version: browser.version(),
      runs,
      first_load_bytes: bytes,
      first_load_bytes_gzip_only: bytesGzip,
      first_visit_saving_data: savingData,
      cold_start: coldStart,
      offline_restart: offline,
      lesson_interaction: { cpu_slowdown: CPU_SLOWDOWN, ...lessonRun.interaction },
      indexeddb_record_answer: lessonRun.recordAnswer,
      indexeddb_home_with_history: homeWithHistory,
      fsrs_wasm: fsrsWasm,
      seconds: Math.round((Date.now() - started) / 1000),
    };
    writeFileSync(outputPath, `${JSON.stringify(report, null, 2)}\n`);
    step('done');
  } finally {
    await browser.close();
    await proxy.close();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
