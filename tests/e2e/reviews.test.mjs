// Reviews work offline and are derived from the statement log: after cards were learned a
// month ago (a history imported with its timestamps moved back), reviews are due; doing them
// offline makes the due count fall, and a reload keeps it fallen.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AppPage, LessonPlayerPage, fetchLesson, serverAndBrowserForThisFile } from './harness.mjs';

const running = serverAndBrowserForThisFile();

const dueCount = async (page) => Number(await page.getByTestId('reviews-due').getAttribute('data-count'));

async function rateEveryCard(page, answer) {
  await page.locator('[data-testid=review-card], [data-testid=review-done], [data-testid=no-reviews]').first().waitFor();
  while (await page.getByTestId('review-card').count()) {
    const before = await page.getByTestId('review-position').innerText();
    await page.getByTestId('reveal').click();
    await page.getByTestId(answer).click();
    await page.waitForFunction((previous) => {
      const position = document.querySelector('[data-testid=review-position]');
      return document.querySelector('[data-testid=review-done]') || (position && position.textContent !== previous);
    }, before);
  }
}

test('reviews done offline make the due count fall, and it stays fallen after a reload', async () => {
  // A month ago, on another device: the learner met the vowels and rated every card.
  const lesson = await fetchLesson(running.server.url, 'hangul', 'vowels-1');
  const past = await running.browser.newContext({ acceptDownloads: true });
  const pastPage = await past.newPage();
  const pastApp = new AppPage(pastPage, running.server.url);
  await pastApp.open('/courses/hangul/vowels-1');
  const player = new LessonPlayerPage(pastPage);
  for (const item of lesson.items) await player.answerCorrectly(item);
  await pastApp.open('/review');
  await rateEveryCard(pastPage, 'knew-it');
  await pastApp.open('/history');
  const downloading = pastPage.waitForEvent('download');
  await pastPage.getByTestId('export-history').click();
  const exported = JSON.parse(readFileSync(await (await downloading).path(), 'utf8'));
  await past.close();
  const monthMs = 30 * 24 * 60 * 60 * 1000;
  const moved = exported.map((statement) => ({
    ...statement,
    id: randomUUID(),
    timestamp: new Date(Date.parse(statement.timestamp) - monthMs).toISOString(),
  }));
  const file = join(tmpdir(), `baeum-history-${process.pid}.json`);
  writeFileSync(file, JSON.stringify(moved));

  // Today, on this device.
  const context = await running.browser.newContext();
  const page = await context.newPage();
  const app = new AppPage(page, running.server.url);
  await app.open('/history');
  await app.waitForServiceWorker();
  await page.getByTestId('import-history').setInputFiles(file);
  await page.getByTestId('import-result').waitFor();
  await app.open('/review');
  await page.getByTestId('review-card').first().waitFor();
  await app.open('/');
  await page.getByTestId('reviews-due').waitFor();
  const dueBefore = await dueCount(page);
  assert.ok(dueBefore > 0, 'cards learned a month ago are due');

  await context.setOffline(true);
  await app.open('/review');
  await rateEveryCard(page, 'knew-it');
  await app.open('/');
  await page.getByTestId('reviews-due').waitFor();
  const dueAfter = await dueCount(page);
  assert.ok(dueAfter < dueBefore, `the due count fell from ${dueBefore} to ${dueAfter}`);
  await page.reload();
  await app.waitReady();
  await page.getByTestId('reviews-due').waitFor();
  assert.equal(await dueCount(page), dueAfter);
  await context.close();
});
