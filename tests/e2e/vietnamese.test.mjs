// A Korean-speaking pupil takes the first lesson of the Vietnamese course (issue 17, item 6):
// the prompts and glosses are in Korean, there is no Korean keyboard, a wrong tone mark is
// explained in Korean ("sắc 대신 nặng"), and the right answer is then accepted; its review
// cards are marked Vietnamese. Korean can also be chosen as help language on the Device page.
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

  // The words just met come back as review cards, read as Vietnamese with Korean help.
  await app.open('/review');
  await page.getByTestId('review-card').first().waitFor();
  assert.equal(await page.getByTestId('review-front').getAttribute('lang'), 'vi');
  const itemId = await page.getByTestId('review-card').getAttribute('data-item-id');
  const shownItem = lesson.items.find((item) => item.id === itemId);
  assert.ok(shownItem?.gloss?.ko, `the card ${itemId} is a glossed item of the lesson`);
  await page.getByTestId('reveal').click();
  const back = await page.getByTestId('review-back').innerText();
  assert.ok(back.includes(shownItem.gloss.ko), `the back ${JSON.stringify(back)} shows the Korean gloss ${shownItem.gloss.ko}`);
  await context.close();
});

test('Korean chosen as help language on the Device page serves the Vietnamese course, not the Korean ones', async () => {
  const vietnamese = await fetchLesson(running.server.url, 'vietnamese-starter', 'greetings');
  const context = await running.browser.newContext({ locale: 'en-US' });
  const page = await context.newPage();
  const app = new AppPage(page, running.server.url);
  await app.open('/settings');
  await page.getByTestId('help-language').selectOption('ko');
  await app.open('/settings');
  assert.equal(await page.getByTestId('help-language').inputValue(), 'ko');

  await app.open('/courses/vietnamese-starter/greetings');
  const player = new LessonPlayerPage(page);
  for (const item of vietnamese.items) {
    if (item.id === 'xin-chao') {
      assert.equal(await page.getByTestId('gloss').innerText(), '안녕하세요');
      break;
    }
    await player.answerCorrectly(item);
  }

  // A Korean course never glosses in Korean: this English browser gets English there.
  const korean = await fetchLesson(running.server.url, 'survival-korean', 'greetings');
  const vocab = korean.items.find((item) => item.type === 'vocab');
  assert.ok(vocab, 'the greetings lesson has a word');
  await app.open('/courses/survival-korean/greetings');
  for (const item of korean.items) {
    if (item.id === vocab.id) {
      assert.equal(await page.getByTestId('gloss').innerText(), vocab.gloss.en);
      break;
    }
    await player.answerCorrectly(item);
  }
  await context.close();
});
