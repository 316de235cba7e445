// A learner downloads a course, and it works with the school's server switched off: lessons,
// audio and saving answers. A download cut off in the middle resumes without fetching finished
// files again, a damaged file is fetched again and never stored, and deleting the downloads
// keeps the learner's progress.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  AppPage, LessonPlayerPage, ServerProcess, fetchLesson, lessonCount, serverAndBrowserForThisFile,
} from './harness.mjs';

const running = serverAndBrowserForThisFile();

/** Page object for a course page's download panel. */
class CourseDownloadPanel {
  constructor(page) {
    this.page = page;
  }

  status() { return this.page.getByTestId('download-status'); }

  async waitForStatus(pattern, timeout = 60_000) {
    await this.page.waitForFunction(
      (source) => new RegExp(source).test(document.querySelector('[data-testid=download-status]')?.textContent ?? ''),
      pattern.source,
      { timeout },
    );
  }

  async start() {
    await this.page.getByTestId('download-start').click();
  }
}

/** The content file a download request asks for (`/content/<name>?download`). */
const requestedFile = (route) => new URL(route.request().url()).pathname.replace('/content/', '');

/** Opens a course's page while nothing of it is downloaded; returns the app and the panel. */
async function openUndownloadedCourse(page, baseUrl, courseId) {
  const app = new AppPage(page, baseUrl);
  await app.open(`/courses/${courseId}`);
  const panel = new CourseDownloadPanel(page);
  await panel.waitForStatus(/^Not downloaded\./);
  return { app, panel };
}

/** The number of records in one of the app's IndexedDB stores. */
async function countRecords(page, storeName) {
  return page.evaluate((name) => new Promise((resolve, reject) => {
    const opening = indexedDB.open('baeum');
    opening.onerror = () => reject(opening.error);
    opening.onsuccess = () => {
      const request = opening.result.transaction(name).objectStore(name).count();
      request.onsuccess = () => { opening.result.close(); resolve(request.result); };
      request.onerror = () => reject(request.error);
    };
  }), storeName);
}

/** Whether the bytes stored under `fileName` hash to the name, computed in the page. */
async function storedFileMatchesItsName(page, storeName, fileName) {
  return page.evaluate(async ([name, key]) => {
    const bytes = await new Promise((resolve, reject) => {
      const opening = indexedDB.open('baeum');
      opening.onerror = () => reject(opening.error);
      opening.onsuccess = () => {
        const request = opening.result.transaction(name).objectStore(name).get(key);
        request.onsuccess = () => { opening.result.close(); resolve(request.result); };
        request.onerror = () => reject(request.error);
      };
    });
    if (!bytes) return false;
    const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes));
    const hex = [...digest].map((byte) => byte.toString(16).padStart(2, '0')).join('');
    return key.startsWith(hex);
  }, [storeName, fileName]);
}

test('a downloaded course works with the server switched off, audio included, and deleting it keeps progress', async () => {
  const lesson = await fetchLesson(running.server.url, 'hangul', 'batchim-2');
  const context = await running.browser.newContext();
  const page = await context.newPage();
  const app = new AppPage(page, running.server.url);
  await app.open('/courses/hangul');
  await app.waitForServiceWorker();

  const panel = new CourseDownloadPanel(page);
  await panel.waitForStatus(/^Not downloaded\. The whole course with audio is /);
  await panel.start();
  await panel.waitForStatus(/^Downloaded: .* on this device/);
  // The manifest, every lesson and every distinct clip are stored once each.
  assert.equal(await countRecords(page, 'lesson_files'), await lessonCount(running.server.url, 'hangul'));
  assert.ok(await countRecords(page, 'media_blobs') > 50);

  // No lesson was ever opened, so nothing but the download can answer now.
  await running.server.stop();
  try {
    await page.getByTestId('lesson-link-batchim-2').click();
    const player = new LessonPlayerPage(page);
    let clipChecked = false;
    for (const item of lesson.items) {
      assert.equal(await player.currentItemId(), item.id);
      if (!clipChecked && await page.locator('[data-testid=item] audio').count() > 0) {
        // The clip plays from the stored bytes.
        await page.waitForFunction(() => document.querySelector('[data-testid=item] audio')?.src.startsWith('blob:'));
        await page.evaluate(() => document.querySelector('[data-testid=item] audio').load());
        await page.waitForFunction(() => {
          const audio = document.querySelector('[data-testid=item] audio');
          return audio.readyState >= 1 && !audio.error && audio.duration > 0;
        });
        clipChecked = true;
      }
      await player.answerCorrectly(item);
    }
    await player.waitFinishedAndSaved();
    assert.ok(clipChecked, 'the lesson has a clip to play');
  } finally {
    await running.server.launch();
  }

  const statementsBefore = await countRecords(page, 'statements');
  assert.ok(statementsBefore > 0);
  await app.open('/courses/hangul');
  await panel.waitForStatus(/^Downloaded: /);
  await page.getByTestId('download-delete').click();
  await panel.waitForStatus(/^Not downloaded\./);
  assert.equal(await countRecords(page, 'lesson_files'), 0);
  assert.equal(await countRecords(page, 'media_blobs'), 0);
  assert.equal(await countRecords(page, 'statements'), statementsBefore);
  await context.close();
});

test('a cut-off download resumes without fetching finished files again; a damaged file is retried and never stored', async () => {
  // Without a service worker, every request the page makes passes through its routes.
  const context = await running.browser.newContext({ serviceWorkers: 'block' });
  const page = await context.newPage();
  const requests = new Map();
  let damagedFile = null;
  let cutOffFile = null;
  let cutOff = false;
  await page.route('**/content/*?download', async (route) => {
    const name = requestedFile(route);
    const count = (requests.get(name) ?? 0) + 1;
    requests.set(name, count);
    const distinct = requests.size;
    if (name.endsWith('.opus') && damagedFile === null) {
      // The first clip arrives truncated once.
      damagedFile = name;
      const response = await route.fetch();
      const body = await response.body();
      return route.fulfill({ response, body: body.subarray(0, Math.floor(body.length / 2)) });
    }
    if (!cutOff && distinct === 20) {
      // The connection drops on the 20th file.
      cutOff = true;
      cutOffFile = name;
      return route.abort('internetdisconnected');
    }
    return route.continue();
  });

  const { app, panel } = await openUndownloadedCourse(page, running.server.url, 'hangul');
  await panel.start();
  await panel.waitForStatus(/^Download stopped: the connection was lost/);
  assert.equal(requests.get(damagedFile), 2, 'the damaged clip was fetched again');
  assert.ok(await storedFileMatchesItsName(page, 'media_blobs', damagedFile), 'only the good copy is stored');

  // A reload (a closed tab, a restarted phone) and then resume.
  await page.reload();
  await app.waitReady();
  await panel.waitForStatus(/^Partly downloaded: /);
  await panel.start();
  await panel.waitForStatus(/^Downloaded: /);

  for (const [name, count] of requests) {
    const expected = name === damagedFile || name === cutOffFile ? 2 : 1;
    assert.equal(count, expected, `${name} was requested ${count} times`);
  }
  await context.close();
});

test('text only downloads the lessons without their audio, the audio can follow later, and the Device page deletes it', async () => {
  const context = await running.browser.newContext({ serviceWorkers: 'block' });
  const page = await context.newPage();
  const { app, panel } = await openUndownloadedCourse(page, running.server.url, 'science-basics');
  await page.getByTestId('download-text-only').click();
  await panel.waitForStatus(/^Text downloaded: .* The audio \(.*\) plays only when online\./);
  assert.equal(await countRecords(page, 'lesson_files'), await lessonCount(running.server.url, 'science-basics'));
  assert.equal(await countRecords(page, 'media_blobs'), 0);
  await page.getByTestId('download-start').click();
  await panel.waitForStatus(/^Downloaded: /);
  assert.ok(await countRecords(page, 'media_blobs') > 0);

  // The Device page lists the course with what it takes, and deletes it from there.
  await app.navigate('Device');
  const listed = page.getByTestId('downloaded-science-basics');
  await listed.waitFor();
  assert.match(await listed.innerText(), /: \d+(\.\d+)? (KB|MB)/);
  await listed.getByTestId('downloaded-delete').click();
  await page.getByTestId('downloaded-courses').filter({ hasText: 'No course is downloaded' }).waitFor();
  assert.equal(await countRecords(page, 'lesson_files'), 0);
  assert.equal(await countRecords(page, 'media_blobs'), 0);
  await context.close();
});

test('one unit downloads alone and says so, while the others still offer their download', async () => {
  const catalog = await (await fetch(`${running.server.url}/content/catalog.json`)).json();
  const [firstUnit, secondUnit] = catalog.courses.find((course) => course.id === 'survival-korean').units;
  const context = await running.browser.newContext({ serviceWorkers: 'block' });
  const page = await context.newPage();
  const { panel } = await openUndownloadedCourse(page, running.server.url, 'survival-korean');
  await page.getByTestId(`unit-download-${firstUnit.id}`).getByTestId('unit-download-start').click();
  await page.getByTestId(`unit-download-${firstUnit.id}`).filter({ hasText: 'on this device' }).waitFor({ timeout: 60_000 });
  await panel.waitForStatus(/^Partly downloaded: /);
  assert.equal(await countRecords(page, 'lesson_files'), firstUnit.lesson_count);
  assert.equal(await page.getByTestId(`unit-download-${secondUnit.id}`).getByTestId('unit-download-start').count(), 1);
  await context.close();
});

test('a download goes on while the learner opens a lesson, and the course page shows it again', async () => {
  const context = await running.browser.newContext({ serviceWorkers: 'block' });
  const page = await context.newPage();
  const requests = new Map();
  await page.route('**/content/*?download', async (route) => {
    const name = requestedFile(route);
    requests.set(name, (requests.get(name) ?? 0) + 1);
    // A slow link: the download is still running when the learner moves on.
    await new Promise((resolve) => setTimeout(resolve, 40));
    return route.continue();
  });
  const { panel } = await openUndownloadedCourse(page, running.server.url, 'hangul');
  await panel.start();
  await panel.waitForStatus(/^Downloading: /);
  await page.getByTestId('lesson-link-vowels-1').click();
  await page.getByTestId('item').waitFor();
  await page.goBack();
  await panel.waitForStatus(/^(Downloading|Downloaded): /);
  // No second download is offered while the first runs.
  if (/^Downloading/.test(await panel.status().innerText())) {
    assert.equal(await page.getByTestId('download-start').count(), 0);
  }
  await panel.waitForStatus(/^Downloaded: /);
  for (const [name, count] of requests) assert.equal(count, 1, `${name} was requested ${count} times`);
  assert.equal(await countRecords(page, 'lesson_files'), await lessonCount(running.server.url, 'hangul'));
  await context.close();
});

/**
 * Publishes a new version of a course in `content`, the way `cargo xtask content` would: one
 * lesson's text changes, so that lesson and the manifest get new hashed names and the catalog
 * points at the new manifest. Returns the two new file names.
 */
function publishChangedLesson(content, courseId, lessonId) {
  const write = (bytes, extension) => {
    const name = `${createHash('sha256').update(bytes).digest('hex')}.${extension}`;
    writeFileSync(join(content, name), bytes);
    return name;
  };
  const catalogPath = join(content, 'catalog.json');
  const catalog = JSON.parse(readFileSync(catalogPath, 'utf8'));
  const course = catalog.courses.find((entry) => entry.id === courseId);
  const manifest = JSON.parse(readFileSync(join(content, course.manifest), 'utf8'));
  const entry = manifest.units.flatMap((unit) => unit.lessons).find((lesson) => lesson.id === lessonId);
  const lesson = JSON.parse(readFileSync(join(content, entry.file), 'utf8'));
  lesson.title.en = `${lesson.title.en} (revised)`;
  const lessonBytes = Buffer.from(JSON.stringify(lesson));
  entry.file = write(lessonBytes, 'json');
  entry.size.text = lessonBytes.length;
  manifest.version += 1;
  course.version = manifest.version;
  course.manifest = write(Buffer.from(JSON.stringify(manifest)), 'json');
  writeFileSync(catalogPath, JSON.stringify(catalog));
  // The server prefers precompressed copies; the old ones would hide the new catalog.
  rmSync(`${catalogPath}.gz`, { force: true });
  rmSync(`${catalogPath}.br`, { force: true });
  return [course.manifest, entry.file];
}

test('when a downloaded course changes on the server, only the changed files are fetched', async () => {
  const server = await ServerProcess.start({ privateContent: true });
  const context = await running.browser.newContext({ serviceWorkers: 'block' });
  try {
    const page = await context.newPage();
    const requests = [];
    await page.route('**/content/*?download', (route) => {
      requests.push(requestedFile(route));
      return route.continue();
    });
    const { app, panel } = await openUndownloadedCourse(page, server.url, 'hangul');
    await panel.start();
    await panel.waitForStatus(/^Downloaded: /);
    const firstDownload = requests.length;

    const changed = publishChangedLesson(server.content, 'hangul', 'vowels-2');
    await app.open('/courses/hangul');
    await panel.waitForStatus(/^Partly downloaded: /);
    await panel.start();
    await panel.waitForStatus(/^Downloaded: /);
    assert.deepEqual(requests.slice(firstDownload).sort(), [...changed].sort(), 'only the new manifest and lesson');

    // The revised lesson opens from the device.
    await page.getByTestId('lesson-link-vowels-2').click();
    await page.getByTestId('item').waitFor();
    assert.ok(firstDownload > 100);
  } finally {
    await context.close();
    await server.dispose();
  }
});
