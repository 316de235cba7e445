// A Korean-speaking pupil takes the first lesson of the Vietnamese course (issue 17, item 6):
// the prompts and glosses are in Korean, there is no Korean keyboard, a wrong tone mark is
// explained in Korean ("sắc 대신 nặng"), and the right answer is then accepted.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { AppPage, LessonPlayerPage, fetchLesson, serverAndBrowserForThisFile } from './harness.mjs';

const running = serverAndBrowserForThisFile();

test('a Vietnamese lesson for a Korean speaker: Korean help, tone feedback, then the right answer', async () => {
  const lesson = await fetchLesson(running.server.url, 'vietnamese-starter', 'greetings');
  assert.equal(lesson.target_language, 'vi');
  const context = await running.browser.newContext({ locale: 'ko-KR' });
  const page = await context.newPage();
  const app = new AppPage(page, running.server.url);

  // The home card is in Korean with the Vietnamese title under it.
  await app.open('/');
  const card = page.getByTestId('course-vietnamese-starter');
  await card.waitFor();
  assert.match(await card.innerText(), /베트남어 첫걸음/);
  assert.equal(await card.locator('.korean-title').getAttribute('lang'), 'vi');

  await app.open('/courses/vietnamese-starter/greetings');
  const player = new LessonPlayerPage(page);
  for (const item of lesson.items) {
    assert.equal(await player.currentItemId(), item.id);
    if (item.type === 'vocab' && item.id === 'xin-chao') {
      // The word is marked Vietnamese, glossed in Korean, with no romanization line.
      assert.equal(await page.getByTestId('vocab-word').getAttribute('lang'), 'vi');
      assert.equal(await page.getByTestId('gloss').innerText(), '안녕하세요');
    }
    if (item.id === 'type-goodbye') {
      assert.equal(await page.getByTestId('korean-keyboard').count(), 0);
      assert.equal(await page.getByTestId('typed-answer').getAttribute('lang'), 'vi');
      assert.match(await page.locator('.prompt').innerText(), /베트남어로 써 보세요/);
      // tạm typed with sắc instead of nặng.
      await player.typeAnswer('tám biệt');
      assert.equal(await player.feedbackIsCorrect(), false);
      const explanation = await page.getByTestId('jamo-diff').innerText();
      assert.match(explanation, /á → ạ: 성조 부호가 틀렸어요\. sắc 대신 nặng/);
      // A letter mark is explained too: ê typed as e.
      await page.getByTestId('typed-answer').fill('tạm biet');
      await page.getByTestId('typed-answer').press('Enter');
      await page.getByTestId('jamo-diff').filter({ hasText: '글자가 틀렸어요' }).waitFor();
      assert.match(await page.getByTestId('jamo-diff').innerText(), /e → ệ: 글자가 틀렸어요\. e 대신 ê/);
    }
    await player.answerCorrectly(item);
  }
  await player.waitFinishedAndSaved();
  const graded = lesson.items.filter((item) => ['choice', 'listening', 'typed', 'fill_blank', 'ordering'].includes(item.type)).length;
  assert.match(await page.getByTestId('score').innerText(), new RegExp(`${graded}문제 중 ${graded - 1}문제`));
  await context.close();
});
