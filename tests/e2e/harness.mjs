// Shared set-up for the end-to-end tests: a real baeum-server on a free loopback port with its
// own copy of the built client and a fresh database, and Debian's Chromium driven by
// playwright-core (which never downloads a browser).
import { execFileSync, spawn } from 'node:child_process';
import { after, afterEach, before } from 'node:test';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { chromium } from 'playwright-core';

const required = (name) => {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set: run the end-to-end tests through cargo xtask test`);
  return value;
};

async function freePort() {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.unref();
    probe.on('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });
}

/**
 * A running baeum-server. `dist` is a private copy, so a test may change the deployment; with
 * `privateContent`, so is `content`, so a test may publish a new version of a course.
 */
export class ServerProcess {
  static async start({ privateContent = false } = {}) {
    const root = mkdtempSync(join(tmpdir(), 'baeum-e2e-'));
    const dist = join(root, 'dist');
    cpSync(required('BAEUM_DIST'), dist, { recursive: true });
    let content = required('BAEUM_CONTENT');
    if (privateContent) {
      content = join(root, 'content');
      cpSync(required('BAEUM_CONTENT'), content, { recursive: true });
    }
    const server = new ServerProcess(root, dist, content, await freePort());
    server.makeAdmin();
    await server.launch();
    return server;
  }

  /** Runs `baeum-server admin …` against this server's database; returns what it printed. */
  admin(...args) {
    return execFileSync(required('BAEUM_SERVER_BIN'), ['admin', ...args, '--data', join(this.root, 'data')], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
    });
  }

  /** Runs `baeum-server site …` against this server's database; returns what it printed. */
  site(...args) {
    return execFileSync(required('BAEUM_SERVER_BIN'), ['site', ...args, '--data', join(this.root, 'data'), '--content', this.content], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
    });
  }

  /** This server as a site's host name reaches it (`*.localhost` is this machine). */
  siteUrl(host) {
    return `http://${host}:${this.port}`;
  }

  /** Makes the school's first admin the way its IT person does (password from a file). */
  makeAdmin() {
    const passwordFile = join(this.root, 'admin-password.txt');
    writeFileSync(passwordFile, `${E2E_ADMIN.password}\n`);
    this.admin('create', E2E_ADMIN.username, '--password-file', passwordFile);
  }

  /** A one-time teacher invitation code, made on the server's command line. */
  inviteTeacher() {
    const printed = this.admin('invite-teacher');
    const code = printed.match(/[A-Z0-9]{4}(?:-[A-Z0-9]{4}){3}/);
    if (!code) throw new Error(`no invitation code in: ${printed}`);
    return code[0];
  }

  constructor(root, dist, content, port) {
    this.root = root;
    this.dist = dist;
    this.content = content;
    this.port = port;
    this.url = `http://127.0.0.1:${port}`;
    this.output = '';
  }

  async launch() {
    this.child = spawn(required('BAEUM_SERVER_BIN'), [
      '--addr', `127.0.0.1:${this.port}`,
      '--dist', this.dist,
      '--content', this.content,
      '--data', join(this.root, 'data'),
    ], { stdio: ['ignore', 'pipe', 'pipe'] });
    this.child.stdout.on('data', (chunk) => { this.output += chunk; });
    this.child.stderr.on('data', (chunk) => { this.output += chunk; });
    const deadline = Date.now() + 30_000;
    while (Date.now() < deadline) {
      if (this.child.exitCode !== null) throw new Error(`the server exited:\n${this.output}`);
      try {
        const response = await fetch(`${this.url}/api/health`);
        if (response.ok) return;
      } catch { /* not listening yet */ }
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw new Error(`the server did not answer within 30 s:\n${this.output}`);
  }

  /** Stops the server the way an operator does (SIGTERM) and waits for it to exit. */
  async stop() {
    if (!this.child || this.child.exitCode !== null) return;
    const exited = new Promise((resolve) => this.child.once('exit', resolve));
    this.child.kill('SIGTERM');
    await exited;
  }

  async dispose() {
    await this.stop();
    rmSync(this.root, { recursive: true, force: true });
  }
}

/**
 * Starts one server and one browser before the file's tests and stops them after. Returns the
 * object whose `server` and `browser` the tests use once they run. `whenStarted(running)`, if
 * given, runs in the same hook once both are up (a second top-level `before` is not ordered
 * after this one).
 *
 * A test during which any page or worker reported a Content-Security-Policy violation fails
 * (see `watchForCspViolations`), and so does the file if one is reported outside a test.
 */
export function serverAndBrowserForThisFile(whenStarted = async () => {}) {
  const running = { server: undefined, browser: undefined };
  before(async () => {
    running.server = await ServerProcess.start();
    running.browser = await launchBrowser();
    await whenStarted(running);
    failOnCspViolations('while the server and browser started');
  });
  afterEach(() => {
    // The browser's errors are no failure by themselves (a test may cause them on purpose),
    // but a failing test's log is often all there is to understand it by.
    const messages = browserMessages.splice(0).filter((line) => /^\S+ (error|uncaught):/.test(line));
    if (messages.length) console.error(`the browser's errors during this test:\n${messages.join('\n')}`);
    failOnCspViolations('during this test');
  });
  after(async () => {
    await running.browser?.close();
    await running.server?.dispose();
    failOnCspViolations('after the last test');
  });
  return running;
}

/**
 * Debian's Chromium, headless. Every context it opens (`browser.newContext`, and the one behind
 * `browser.newPage`) reports Content-Security-Policy violations to this harness, so no test's
 * page escapes the check.
 */
export async function launchBrowser() {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    args: [
      '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync',
      // A camera that shows a test pattern, allowed without asking (the verify page's scan).
      '--use-fake-device-for-media-stream', '--use-fake-ui-for-media-stream',
    ],
  });
  const newContext = browser.newContext.bind(browser);
  browser.newContext = async (options) => {
    const context = await newContext(options);
    await watchForCspViolations(context);
    keepBrowserMessages(context);
    return context;
  };
  // Playwright's own `newPage` opens a context this wrapper would not see.
  browser.newPage = async (options) => {
    const context = await browser.newContext(options);
    const page = await context.newPage();
    page.once('close', () => { context.close().catch(() => {}); });
    return page;
  };
  return browser;
}

/** The pages' and workers' latest warnings, errors and uncaught exceptions, oldest first. */
const browserMessages = [];

function keepBrowserMessages(context) {
  const keep = (line) => {
    browserMessages.push(`${new Date().toISOString()} ${line}`);
    if (browserMessages.length > 40) browserMessages.shift();
    // A panic stops the app's wasm for good, whatever the test goes on to check: said at once.
    if (/panicked|unreachable/.test(line)) console.error(`the browser reported: ${line}`);
  };
  context.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warning') keep(`${message.type()}: ${message.text()}`);
  });
  context.on('weberror', (error) => keep(`uncaught: ${error.error()}`));
}

/**
 * Waits for `locator`; when it never comes, fails naming what the page showed instead (the
 * item, the typed field, the focused element) and the browser's latest warnings and errors, so
 * a failure seen once in CI can be understood from its log alone.
 */
export async function waitOrExplain(page, locator, what) {
  try {
    await locator.waitFor();
  } catch (error) {
    const state = await page.evaluate(() => {
      const field = document.querySelector('[data-testid=typed-answer]');
      return {
        url: location.href,
        item: document.querySelector('[data-testid=item]')?.getAttribute('data-item-id') ?? null,
        position: document.querySelector('[data-testid=player-position]')?.textContent ?? null,
        typed: field ? { value: field.value, readOnly: field.readOnly } : null,
        focused: document.activeElement?.outerHTML.slice(0, 200) ?? null,
      };
    }).catch((stateError) => `(the page could not be read: ${stateError.message})`);
    error.message += `\nwhile waiting for ${what}; the page: ${JSON.stringify(state)}`
      + `\nthe browser's latest messages:\n${browserMessages.join('\n') || '(none)'}`;
    throw error;
  }
}

/** How a worker's listener marks a violation in its console. */
const CSP_VIOLATION_PREFIX = 'Content-Security-Policy violation: ';
/** Content-Security-Policy violations reported and not yet checked, oldest first. */
const cspViolations = [];
const cspViolationWaiters = [];

function recordCspViolation(violation) {
  cspViolations.push(violation);
  for (const waiter of cspViolationWaiters.splice(0)) waiter();
}

/**
 * Makes every page, frame and worker of `context` report Content-Security-Policy violations:
 * the `securitypolicyviolation` event in each document (listened to before any of the page's
 * own scripts run) and in each worker, the service worker among them (listened to as soon as
 * Playwright attaches to it), and Chromium's "Refused to …" console messages.
 */
async function watchForCspViolations(context) {
  await context.exposeBinding('__baeumCspViolation', ({ page }, violation) => {
    recordCspViolation({ ...violation, page: page?.url() });
  });
  await context.addInitScript(() => {
    globalThis.addEventListener('securitypolicyviolation', (event) => {
      globalThis.__baeumCspViolation?.({
        directive: event.effectiveDirective,
        blocked: event.blockedURI,
        source: `${event.sourceFile}:${event.lineNumber}`,
        sample: event.sample,
      });
    });
  });
  // Workers run no init script and cannot call a binding: their listener logs the violation,
  // which reaches the context's console events like a page's.
  const listenInWorker = (worker) => worker.evaluate((prefix) => {
    globalThis.addEventListener('securitypolicyviolation', (event) => {
      console.error(`${prefix}${JSON.stringify({
        directive: event.effectiveDirective,
        blocked: event.blockedURI,
        source: `${event.sourceFile}:${event.lineNumber}`,
      })}`);
    });
  }, CSP_VIOLATION_PREFIX).catch(() => { /* the worker stopped before it could listen: it runs nothing more */ });
  context.on('serviceworker', listenInWorker);
  context.serviceWorkers().forEach(listenInWorker);
  context.on('page', (page) => page.on('worker', listenInWorker));
  context.on('console', (message) => {
    const text = message.text();
    if (text.startsWith('Refused to') || text.startsWith(CSP_VIOLATION_PREFIX)) {
      recordCspViolation({ console: text, page: message.page()?.url() ?? message.worker?.()?.url() });
    }
  });
}

/** Takes the violations reported so far (they no longer fail the running test). */
export function takeCspViolations() {
  return cspViolations.splice(0);
}

/**
 * Waits until a reported violation matches `matches`, then takes all reported so far. Fails
 * after 15 s without one, naming what was reported instead.
 */
export async function waitForCspViolation(matches) {
  const givingUp = Date.now() + 15_000;
  while (!cspViolations.some(matches)) {
    const left = givingUp - Date.now();
    if (left <= 0) throw new Error(`no such violation was reported; reported: ${JSON.stringify(takeCspViolations())}`);
    await new Promise((resolve) => {
      const timer = setTimeout(resolve, left);
      cspViolationWaiters.push(() => { clearTimeout(timer); resolve(); });
    });
  }
  return takeCspViolations();
}

function failOnCspViolations(when) {
  const found = takeCspViolations();
  if (found.length) {
    throw new Error(`Content-Security-Policy violations ${when}:\n${found.map((violation) => JSON.stringify(violation)).join('\n')}`);
  }
}

/** Page object for the app shell. */
export class AppPage {
  constructor(page, baseUrl) {
    this.page = page;
    this.baseUrl = baseUrl;
  }

  async open(path = '/') {
    await this.page.goto(`${this.baseUrl}${path}`);
    await this.waitReady();
  }

  async waitReady() {
    await this.page.waitForSelector('html[data-ready]', { timeout: 30_000 });
  }

  /** Waits until the service worker is active and controls this page. */
  async waitForServiceWorker() {
    await this.page.evaluate(() => navigator.serviceWorker.ready.then(() => true));
    await this.page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 30_000 });
  }

  connection() { return this.page.getByTestId('connection'); }

  async navigate(linkName) {
    await this.page.getByRole('link', { name: linkName, exact: true }).click();
  }
}

/** The admin every test server starts with (made by `baeum-server admin create`). */
export const E2E_ADMIN = { username: 'e2e-admin', password: 'e2e admin password' };

/** Creates a learner account on the server through its API; returns its name and password. */
export async function createLearner(baseUrl, username) {
  const password = 'a long enough password';
  const response = await fetch(`${baseUrl}/api/accounts`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  if (response.status !== 201) {
    throw new Error(`account ${username} was not created: ${response.status} ${await response.text()}`);
  }
  return { username, password };
}

/** Signs `learner` in through the account panel on /me; returns the page object. */
export async function signInOnAccountPage(page, baseUrl, learner) {
  const app = new AppPage(page, baseUrl);
  await app.open('/me');
  await page.getByTestId('username').fill(learner.username);
  await page.getByTestId('password').fill(learner.password);
  await page.getByTestId('sign-in').click();
  await page.getByTestId('signed-in-as').waitFor();
  return app;
}

/**
 * Signs in on `path` (a page that shows the sign-in prompt to a signed-out visitor): through
 * the account panel when the app shows one, else by storing the session in IndexedDB where
 * the app reads it, as the account panel would.
 */
export async function signIn(page, app, path, signedOutTestId, username, password, session) {
  await app.open(path);
  await page.getByTestId(signedOutTestId).waitFor();
  if (await page.getByTestId('sign-in-form').count()) {
    await page.getByTestId('username').fill(username);
    await page.getByTestId('password').fill(password);
    await page.getByTestId('sign-in').click();
  } else {
    await page.evaluate((stored) => new Promise((resolve, reject) => {
      const opening = indexedDB.open('baeum');
      opening.onerror = () => reject(opening.error);
      opening.onsuccess = () => {
        const database = opening.result;
        const transaction = database.transaction('session', 'readwrite');
        transaction.objectStore('session').put(stored, 'current');
        transaction.oncomplete = () => { database.close(); resolve(); };
        transaction.onerror = () => reject(transaction.error);
      };
    }), session);
    await app.open(path);
  }
  await page.getByTestId(signedOutTestId).waitFor({ state: 'detached' });
}

/** Every page a learner can open, each with the test id to wait for before checking it. */
export const LEARNER_PAGES = [
  ['/', 'course-hangul'],
  ['/courses/hangul', 'download-status'],
  ['/courses/hangul/vowels-1', 'item'],
  ['/review', 'review-page'],
  ['/history', 'history-page'],
  ['/settings', 'downloaded-courses'],
  ['/me', 'account-page'],
  ['/classes', 'classes-signed-out'],
  ['/help', 'help-line'],
  ['/certificates', 'certificates-sign-in'],
  ['/verify', 'verify-page'],
  ['/teach', 'teach-signed-out'],
  ['/no-such-page', 'not-found'],
];

/** Opens each of LEARNER_PAGES in turn and, once it shows what it is for, runs `check(path)`. */
export async function visitEveryPage(page, baseUrl, check) {
  const app = new AppPage(page, baseUrl);
  for (const [path, readyTestId] of LEARNER_PAGES) {
    await app.open(path);
    await page.getByTestId(readyTestId).first().waitFor();
    await check(path);
  }
}

/**
 * Why the page scrolls sideways (its width and the first elements past the right edge), or
 * `null` when it does not.
 */
export async function sidewaysOverflow(page) {
  const overflow = await page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const wide = [...document.querySelectorAll('body *')]
      .filter((element) => element.getBoundingClientRect().right > width + 1 && getComputedStyle(element).position !== 'absolute')
      .map((element) => element.dataset.testid || element.className || element.tagName.toLowerCase())
      .slice(0, 5);
    return { scrollWidth: document.documentElement.scrollWidth, width, wide };
  });
  if (overflow.scrollWidth <= overflow.width) return null;
  return `${overflow.scrollWidth} px wide in ${overflow.width} px (${overflow.wide.join(', ')})`;
}

/** Reads a course's lessons straight from the server, so tests know the right answers. */
export async function fetchLesson(baseUrl, courseId, lessonId) {
  const catalog = await (await fetch(`${baseUrl}/content/catalog.json`)).json();
  const course = catalog.courses.find((entry) => entry.id === courseId);
  const manifest = await (await fetch(`${baseUrl}/content/${course.manifest}`)).json();
  const entry = manifest.units.flatMap((unit) => unit.lessons).find((lesson) => lesson.id === lessonId);
  return (await fetch(`${baseUrl}/content/${entry.file}`)).json();
}

/** How many lessons a course has, from the catalog, so that tests follow the content. */
export async function lessonCount(baseUrl, courseId) {
  const catalog = await (await fetch(`${baseUrl}/content/catalog.json`)).json();
  const course = catalog.courses.find((entry) => entry.id === courseId);
  return course.units.reduce((sum, unit) => sum + unit.lesson_count, 0);
}

/** Page object for the lesson player. */
export class LessonPlayerPage {
  constructor(page) {
    this.page = page;
  }

  item() { return this.page.getByTestId('item'); }

  /**
   * Waits for the lesson summary and then for the app to say the lesson is saved on the
   * device, which is when a learner may close the tab without losing the result.
   */
  async waitFinishedAndSaved() {
    await this.page.getByTestId('lesson-summary').waitFor();
    await this.page.locator('[data-testid=lesson-save-status][data-state=saved]').waitFor();
  }

  async currentItemId() {
    await this.item().waitFor();
    return this.item().getAttribute('data-item-id');
  }

  async continue() {
    const before = await this.page.getByTestId('player-position').innerText();
    await this.page.getByTestId('continue').click();
    await this.page.waitForFunction(
      (previous) => {
        const summary = document.querySelector('[data-testid=lesson-summary]');
        const position = document.querySelector('[data-testid=player-position]');
        return summary || (position && position.textContent !== previous);
      },
      before,
    );
  }

  async typeAnswer(text) {
    await this.page.getByTestId('typed-answer').fill(text);
    await this.page.getByTestId('typed-answer').press('Enter');
    await waitOrExplain(this.page, this.page.getByTestId('feedback'), `the feedback on "${text}"`);
  }

  async feedbackIsCorrect() {
    return (await this.page.getByTestId('feedback').getAttribute('data-correct')) === 'true';
  }

  /** Answers the current item correctly, whatever its kind, then continues. */
  async answerCorrectly(item) {
    const answer = item.answer;
    switch (item.type) {
      case 'choice':
        await this.page.getByTestId(`option-${answer}`).click();
        break;
      case 'listening':
        if (item.response.mode === 'choice') await this.page.getByTestId(`option-${item.response.answer}`).click();
        else await this.typeAnswer(item.response.answer);
        break;
      case 'typed':
        await this.typeAnswer(answer);
        break;
      case 'fill_blank':
        if (item.options && item.options.length) {
          await this.page.getByTestId(`option-${item.options.indexOf(answer)}`).click();
        } else {
          await this.typeAnswer(answer);
        }
        break;
      case 'ordering':
        for (const word of item.words) {
          await this.page.getByTestId('word-bank').getByRole('button', { name: word, exact: true }).first().click();
        }
        await this.page.getByTestId('check').click();
        break;
      default:
        break;
    }
    if (['choice', 'listening', 'typed', 'fill_blank', 'ordering'].includes(item.type)) {
      await waitOrExplain(this.page, this.page.getByTestId('feedback'), `the feedback on item ${item.id}`);
      if (!(await this.feedbackIsCorrect())) throw new Error(`item ${item.id} was judged wrong`);
    }
    await this.continue();
  }
}

const axeScript = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa'];

/**
 * The page's WCAG 2.2 A and AA violations as axe-core (from npm, injected into the page) finds
 * them, one line each: rule, impact, and the first offending elements.
 */
export async function axeViolations(page) {
  // Evaluated through the DevTools protocol: a <script> tag would be inline script, which the
  // page's Content-Security-Policy refuses.
  await page.evaluate(readFileSync(axeScript, 'utf8'));
  const violations = await page.evaluate(
    (tags) => window.axe.run(document, { runOnly: { type: 'tag', values: tags } }).then((result) => result.violations),
    WCAG_TAGS,
  );
  return violations.map((violation) => `${violation.id} (${violation.impact}): ${violation.help} — `
    + violation.nodes.slice(0, 3).map((node) => node.target.join(' ')).join(', '));
}
