// The learner's history is theirs: saved as a file of xAPI statements, shown day by day, and
// imported on another device without duplicates.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import {
  AppPage, LessonPlayerPage, fetchLesson, lessonCount, serverAndBrowserForThisFile,
} from './harness.mjs';

const running = serverAndBrowserForThisFile();

test('a guest exports their history and imports it on another device, once', async () => {
  const lesson = await fetchLesson(running.server.url, 'hangul', 'vowels-1');
  const first = await running.browser.newContext({ acceptDownloads: true });
  const page = await first.newPage();
  const app = new AppPage(page, running.server.url);
  await app.open('/courses/hangul/vowels-1');
  const player = new LessonPlayerPage(page);
  for (const item of lesson.items) await player.answerCorrectly(item);
  await player.waitFinishedAndSaved();

  await app.open('/history');
  await page.getByTestId('history-day').first().waitFor();
  assert.match(await page.getByTestId('history-day').first().innerText(), /1 lesson completed/);
  const downloading = page.waitForEvent('download');
  await page.getByTestId('export-history').click();
  const file = await (await downloading).path();
  const statements = JSON.parse(readFileSync(file, 'utf8'));
  assert.equal(statements.length, lesson.items.length + 1);
  assert.ok(statements.every((statement) => statement.verb && statement.object && statement.actor));

  const second = await running.browser.newContext();
  const otherPage = await second.newPage();
  const otherApp = new AppPage(otherPage, running.server.url);
  await otherApp.open('/history');
  await otherPage.getByTestId('import-history').setInputFiles(file);
  await otherPage.getByTestId('import-result').waitFor();
  assert.match(await otherPage.getByTestId('import-result').innerText(), new RegExp(`^Imported ${statements.length};`));
  await otherPage.getByTestId('import-history').setInputFiles(file);
  await otherPage.waitForFunction(() => document.querySelector('[data-testid=import-result]')?.textContent.startsWith('Imported 0;'));
  assert.match(await otherPage.getByTestId('import-result').innerText(), new RegExp(`${statements.length} were already here`));
  await otherApp.open('/');
  await otherPage.getByTestId('progress-hangul').waitFor();
  const lessons = await lessonCount(running.server.url, 'hangul');
  assert.match(await otherPage.getByTestId('progress-hangul').innerText(), new RegExp(`1 of ${lessons} lessons`));
  await first.close();
  await second.close();
});
