// The static first screen `index.html` carries (xtask/src/first_screen.rs): the course list is
// readable from the HTML alone, under the Content-Security-Policy, before (or without) the
// wasm; the app then takes its place without moving what it shows, and only then is ready.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { axeViolations, serverAndBrowserForThisFile } from './harness.mjs';

const running = serverAndBrowserForThisFile();

/** Home's courses on a first visit, as the server serves them. */
async function catalogCourses() {
  const catalog = await (await fetch(`${running.server.url}/api/catalog/home`)).json();
  assert.ok(catalog.courses.length >= 3, 'the sample courses are published');
  return catalog.courses;
}

test('with the wasm blocked, the course list is readable and styled from the HTML alone', async () => {
  const courses = await catalogCourses();
  const context = await running.browser.newContext({ serviceWorkers: 'block' });
  const page = await context.newPage();
  // Neither the app nor its stylesheets arrive: what shows is the page's own markup and CSS.
  await page.route((url) => /\.(wasm|css)$/.test(url.pathname), (route) => route.abort('internetdisconnected'));
  await page.goto(`${running.server.url}/`);
  const screen = page.getByTestId('first-screen');
  await screen.waitFor();

  for (const course of courses) {
    const card = page.getByTestId(`first-screen-course-${course.id}`);
    assert.ok(await card.isVisible(), `${course.id} is visible`);
    const link = card.getByRole('link', { name: course.title.en });
    assert.equal(await link.getAttribute('href'), `/courses/${course.id}`);
    const text = await card.innerText();
    assert.ok(text.includes(course.description.en), `${course.id}: ${text}`);
    assert.match(text, /\d+ units · \d+ lessons · [\d.]+ [kKM]B to download/);
    // Under it, the title in the language the course teaches: Korean, or Vietnamese.
    const taught = course.subject === 'vietnamese' ? 'vi' : 'ko';
    assert.equal(await card.locator(`[lang="${taught}"]`).innerText(), course.title[taught]);
  }
  assert.equal(await page.evaluate(() => document.documentElement.lang), 'en');
  assert.equal(await page.getByRole('heading', { level: 1 }).innerText(), 'Courses');
  // Styled by the inline rules (the stylesheets were refused): the header's colour and the
  // cards' panels. The harness fails the test on any policy violation, so the hash held.
  const styles = await page.evaluate(() => ({
    header: getComputedStyle(document.querySelector('.app-header')).backgroundColor,
    card: getComputedStyle(document.querySelector('.course-card')).backgroundColor,
    list: getComputedStyle(document.querySelector('.course-list')).display,
  }));
  assert.deepEqual(styles, { header: 'rgb(31, 95, 139)', card: 'rgb(243, 246, 248)', list: 'grid' });
  // Not the app: nothing says it is ready.
  assert.equal(await page.evaluate(() => document.documentElement.hasAttribute('data-ready')), false);
  assert.deepEqual(await axeViolations(page), [], 'the static screen passes axe');

  // Its links are plain links: the course opens with a page load, here again without the app.
  await page.getByTestId('first-screen-course-hangul').getByRole('link').click();
  await page.waitForURL(`${running.server.url}/courses/hangul`);
  await context.close();
});

/**
 * Installed before the page's scripts: the boxes of what the screen shows (header, its links,
 * the today panel, the heading, every course card) once the screen is parsed, the same boxes
 * of the app's elements when the screen goes, whether `data-ready` came before that, and every
 * layout shift.
 */
function recordTheTakeover() {
  const boxes = () => ['.app-header', '.app-header a', '.today', 'h1', '.course-card'].flatMap(
    (selector) => [...document.querySelectorAll(selector)].map((element) => {
      const { x, y, width, height } = element.getBoundingClientRect();
      return { selector, x, y, width, height };
    }),
  );
  const record = { screen: null, app: null, readyBeforeTakeover: null, shifts: [] };
  window.__takeover = record;
  document.addEventListener('DOMContentLoaded', () => { record.screen = boxes(); });
  // Mutation records arrive in the order the changes were made, so `data-ready` set in the
  // same task as the removal but after it is told apart from one set before.
  let readySeen = false;
  new MutationObserver((mutations, observer) => {
    for (const mutation of mutations) {
      if (mutation.type === 'attributes' && mutation.target === document.documentElement) readySeen = true;
      if ([...mutation.removedNodes].some((node) => node.id === 'first-screen')) {
        record.app = boxes();
        record.readyBeforeTakeover = readySeen;
        observer.disconnect();
        return;
      }
    }
  }).observe(document, { childList: true, subtree: true, attributes: true, attributeFilter: ['data-ready'] });
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) record.shifts.push(entry.value);
  }).observe({ type: 'layout-shift', buffered: true });
}

test('the app takes the screen\'s place without moving what it shows, and is ready only then', async () => {
  const context = await running.browser.newContext({ serviceWorkers: 'block' });
  await context.addInitScript(recordTheTakeover);
  const page = await context.newPage();
  await page.goto(`${running.server.url}/`);
  await page.waitForSelector('html[data-ready]', { timeout: 30_000 });
  await page.getByTestId('course-hangul').waitFor();

  assert.equal(await page.getByTestId('first-screen').count(), 0, 'the static screen is gone');
  assert.equal(await page.locator('#first-screen-style, style').count(), 0, 'and its styles');
  const record = await page.evaluate(() => window.__takeover);
  assert.equal(record.readyBeforeTakeover, false, 'data-ready waits until the app is shown');
  assert.ok(record.screen.filter((box) => box.selector === '.course-card').length >= 3, JSON.stringify(record.screen));
  // The app shows the same header, panel, heading and cards in the same places.
  const rounded = (boxes) => boxes.map((box) => ({
    ...box, x: Math.round(box.x), y: Math.round(box.y), width: Math.round(box.width), height: Math.round(box.height),
  }));
  // The app's header also holds the live sync indicator, a link after the navigation that the
  // page cannot know: each element the screen shows is compared with the app's in order.
  const screenBoxes = rounded(record.screen);
  const appBoxes = rounded(record.app);
  const appLinks = appBoxes.filter((box) => box.selector === '.app-header a');
  const screenLinks = screenBoxes.filter((box) => box.selector === '.app-header a');
  assert.equal(appLinks.length, screenLinks.length + 1, JSON.stringify(appLinks));
  const comparable = appBoxes.filter((box) => box !== appLinks[appLinks.length - 1]);
  assert.deepEqual(comparable, screenBoxes);
  assert.deepEqual(record.shifts, [], 'no layout shift');
  await context.close();
});

test('the app replaces the screen in the language it chooses', async () => {
  const context = await running.browser.newContext({ serviceWorkers: 'block', locale: 'ru-RU' });
  const page = await context.newPage();
  await page.goto(`${running.server.url}/`);
  await page.waitForSelector('html[data-ready]', { timeout: 30_000 });
  await page.getByTestId('course-hangul').waitFor();
  assert.equal(await page.evaluate(() => document.documentElement.lang), 'ru');
  assert.equal(await page.getByTestId('first-screen').count(), 0);
  assert.notEqual(await page.getByRole('heading', { level: 1 }).innerText(), 'Courses');
  await context.close();
});

/** The paths `page` requests from now on. */
function requestsOf(page) {
  const paths = [];
  page.on('request', (request) => paths.push(new URL(request.url()).pathname));
  return paths;
}

// Home's courses (the site's first ones; a first visit has no courses of its own).
const CATALOG = '/api/catalog/home';

test('the catalog, the main wasm and its scripts are preloaded, and no preload is fetched twice', async () => {
  const context = await running.browser.newContext({ serviceWorkers: 'block' });
  const page = await context.newPage();
  const fetched = requestsOf(page);
  const response = await page.goto(`${running.server.url}/`);
  const html = await response.text();
  await page.waitForSelector('html[data-ready]', { timeout: 30_000 });
  await page.getByTestId('course-hangul').waitFor();
  await page.waitForLoadState('networkidle');

  const preloaded = [...html.matchAll(/<link rel="(?:preload|modulepreload)" href="([^"]+)"/g)].map((match) => match[1]);
  assert.ok(preloaded.includes(CATALOG), `preloaded: ${preloaded}`);
  assert.ok(preloaded.some((path) => /^\/baeum-web-[0-9a-f]{1,16}_bg\.wasm$/.test(path)), `preloaded: ${preloaded}`);
  assert.ok(preloaded.some((path) => /^\/baeum-web-split-[0-9a-f]{1,16}\.js$/.test(path)), `preloaded: ${preloaded}`);
  assert.equal(preloaded.length, 4, `the catalog, the wasm, its glue and the chunk loader: ${preloaded}`);
  for (const path of preloaded.filter((each) => each !== CATALOG)) {
    assert.equal(fetched.filter((each) => each === path).length, 1, `${path} fetched once: ${fetched}`);
  }
  await context.close();

  // Home reads the catalog twice (its list and its progress); with the preload the page makes
  // no more requests for it than without, so the app's first fetch is the preload's answer.
  const withoutPreload = await running.browser.newContext({ serviceWorkers: 'block' });
  const plainPage = await withoutPreload.newPage();
  await plainPage.route(`${running.server.url}/`, async (route) => {
    const original = await route.fetch();
    const headers = { ...original.headers() };
    delete headers['content-encoding'];
    delete headers['content-length'];
    const body = (await original.text()).replace(/<link rel="preload" href="\/api\/catalog\/home"[^>]*>/, '');
    await route.fulfill({ status: original.status(), headers, body });
  });
  const fetchedWithoutPreload = requestsOf(plainPage);
  await plainPage.goto(`${running.server.url}/`);
  await plainPage.waitForSelector('html[data-ready]', { timeout: 30_000 });
  await plainPage.getByTestId('course-hangul').waitFor();
  await plainPage.waitForLoadState('networkidle');
  const count = (paths) => paths.filter((each) => each === CATALOG).length;
  assert.equal(count(fetched), count(fetchedWithoutPreload), `with: ${fetched}\nwithout: ${fetchedWithoutPreload}`);
  await withoutPreload.close();
});
