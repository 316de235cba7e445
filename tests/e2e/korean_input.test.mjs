// Typing Korean into a lesson's typed answer, on a 360-px-wide phone screen:
// (a) with a physical Korean input method (driven through the Chrome DevTools Protocol's IME
//     commands), where Enter pressed while a syllable is still being composed must neither
//     submit nor duplicate or lose the syllable, and Enter after it submits exactly that
//     syllable;
// (b) with the on-screen dubeolsik keyboard and with Latin keys at dubeolsik positions, once the
//     lesson player mounts the keyboard (src/keyboard.rs) for its typed answers.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { AppPage, LessonPlayerPage, fetchLesson, serverAndBrowserForThisFile } from './harness.mjs';

const COURSE = 'hangul';
const LESSON = 'consonants-1';
const PHONE = { viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true };

let lesson;
const running = serverAndBrowserForThisFile(async ({ server }) => {
  lesson = await fetchLesson(server.url, COURSE, LESSON);
});

/** The typed items of the lesson (typed, and listening answered by typing), in lesson order. */
function typedItems() {
  return lesson.items.filter(
    (item) => item.type === 'typed' || (item.type === 'listening' && item.response?.mode === 'typed'),
  );
}

function typedAnswer(item) {
  return item.type === 'typed' ? item.answer : item.response.answer;
}

/** Opens the lesson in a fresh phone-sized context and answers every item before `itemId`. */
async function openLessonAt(itemId) {
  const context = await running.browser.newContext(PHONE);
  const page = await context.newPage();
  await new AppPage(page, running.server.url).open(`/courses/${COURSE}/${LESSON}`);
  const player = new LessonPlayerPage(page);
  for (const item of lesson.items) {
    if (item.id === itemId) break;
    assert.equal(await player.currentItemId(), item.id);
    await player.answerCorrectly(item);
  }
  assert.equal(await player.currentItemId(), itemId);
  return { context, page, player };
}

/** Records composition and input events on the typed answer, so a test can read their order. */
async function recordInputEvents(page) {
  await page.getByTestId('typed-answer').evaluate((input) => {
    window.recordedInputEvents = [];
    for (const type of ['compositionstart', 'compositionupdate', 'compositionend', 'input']) {
      input.addEventListener(type, (event) => {
        window.recordedInputEvents.push({ type, data: event.data ?? null, value: input.value });
      });
    }
    // Whether a key reached the page during a composition and whether the page cancelled it is
    // only known once every listener ran, so it is read after the event's dispatch.
    input.addEventListener('keydown', (event) => {
      setTimeout(() => window.recordedInputEvents.push({
        type: 'keydown', key: event.key, isComposing: event.isComposing, defaultPrevented: event.defaultPrevented,
      }));
    });
  });
}

const recordedEvents = (page) => page.evaluate(() => window.recordedInputEvents);
const answerValue = (page) => page.getByTestId('typed-answer').inputValue();

const INITIALS = [...'ㄱㄲㄴㄷㄸㄹㅁㅂㅃㅅㅆㅇㅈㅉㅊㅋㅌㅍㅎ'];
const MEDIALS = [...'ㅏㅐㅑㅒㅓㅔㅕㅖㅗㅘㅙㅚㅛㅜㅝㅞㅟㅠㅡㅢㅣ'];
const FINALS = ['', ...'ㄱㄲㄳㄴㄵㄶㄷㄹㄺㄻㄼㄽㄾㄿㅀㅁㅂㅄㅅㅆㅇㅈㅊㅋㅌㅍㅎ'];
const COMPOUNDS = {
  ㅘ: 'ㅗㅏ', ㅙ: 'ㅗㅐ', ㅚ: 'ㅗㅣ', ㅝ: 'ㅜㅓ', ㅞ: 'ㅜㅔ', ㅟ: 'ㅜㅣ', ㅢ: 'ㅡㅣ',
  ㄳ: 'ㄱㅅ', ㄵ: 'ㄴㅈ', ㄶ: 'ㄴㅎ', ㄺ: 'ㄹㄱ', ㄻ: 'ㄹㅁ', ㄼ: 'ㄹㅂ', ㄽ: 'ㄹㅅ', ㄾ: 'ㄹㅌ', ㄿ: 'ㄹㅍ', ㅀ: 'ㄹㅎ', ㅄ: 'ㅂㅅ',
};
/** The QWERTY key of every simple letter on the dubeolsik layout; uppercase means Shift. */
const DUBEOLSIK_KEY = {
  ㅂ: 'q', ㅈ: 'w', ㄷ: 'e', ㄱ: 'r', ㅅ: 't', ㅛ: 'y', ㅕ: 'u', ㅑ: 'i', ㅐ: 'o', ㅔ: 'p',
  ㅁ: 'a', ㄴ: 's', ㅇ: 'd', ㄹ: 'f', ㅎ: 'g', ㅗ: 'h', ㅓ: 'j', ㅏ: 'k', ㅣ: 'l',
  ㅋ: 'z', ㅌ: 'x', ㅊ: 'c', ㅍ: 'v', ㅠ: 'b', ㅜ: 'n', ㅡ: 'm',
  ㅃ: 'Q', ㅉ: 'W', ㄸ: 'E', ㄲ: 'R', ㅆ: 'T', ㅒ: 'O', ㅖ: 'P',
};

/** The simple letters a learner types for a text, in order (한 → ㅎ ㅏ ㄴ, 과 → ㄱ ㅗ ㅏ). */
function typedLetters(text) {
  return [...text].flatMap((character) => {
    const offset = character.codePointAt(0) - 0xac00;
    if (offset < 0 || offset > 11171) return [character];
    const letters = [INITIALS[Math.floor(offset / 588)], MEDIALS[Math.floor((offset % 588) / 28)], FINALS[offset % 28]];
    return letters.filter(Boolean).flatMap((letter) => [...(COMPOUNDS[letter] ?? letter)]);
  });
}

/** Presses one letter on the on-screen keyboard; a shifted letter goes through the Shift key. */
async function pressOnScreen(page, letter) {
  if (letter === ' ') {
    await page.getByTestId('key-space').click();
    return;
  }
  if (DUBEOLSIK_KEY[letter] && DUBEOLSIK_KEY[letter] !== DUBEOLSIK_KEY[letter].toLowerCase()) {
    await page.getByTestId('key-shift').click();
  }
  await page.getByTestId(`key-${letter}`).click();
}

test('Enter while a Korean IME composes does not submit; Enter after it submits the syllable once', async () => {
  const item = typedItems()[0];
  assert.ok(item, `${LESSON} has a typed item`);
  const answer = typedAnswer(item);
  assert.equal([...answer].length, 1, 'the first typed item of the lesson is one syllable');
  const { context, page } = await openLessonAt(item.id);
  await recordInputEvents(page);
  const field = page.getByTestId('typed-answer');
  await field.focus();

  // The input method shows each stage of the syllable as it is typed: ㄴ, then 나.
  const ime = await context.newCDPSession(page);
  for (const stage of [typedLetters(answer)[0], answer]) {
    await ime.send('Input.imeSetComposition', { text: stage, selectionStart: stage.length, selectionEnd: stage.length });
    assert.equal(await answerValue(page), stage, 'the composing stage is shown in the field');
  }
  assert.ok((await recordedEvents(page)).some((event) => event.type === 'compositionstart'));

  // Enter while composing belongs to the input method: nothing is submitted.
  await page.keyboard.press('Enter');
  await page.waitForTimeout(400);
  assert.equal(await page.getByTestId('feedback').count(), 0, 'Enter during composition did not submit');
  const enterWhileComposing = (await recordedEvents(page)).find((event) => event.type === 'keydown' && event.key === 'Enter');
  assert.ok(enterWhileComposing, 'the Enter key reached the answer field');
  assert.equal(enterWhileComposing.isComposing, true, 'the page saw Enter as part of the composition');
  assert.equal(enterWhileComposing.defaultPrevented, true, 'the player held back the form submission');
  assert.equal(await answerValue(page), answer, 'the syllable is neither lost nor doubled');

  // The input method commits the syllable; the field holds it exactly once.
  await ime.send('Input.insertText', { text: answer });
  assert.equal(await answerValue(page), answer);
  const events = await recordedEvents(page);
  assert.ok(events.some((event) => event.type === 'compositionend'), 'the composition ended');
  assert.equal(await page.getByTestId('feedback').count(), 0, 'committing alone does not submit');

  await page.keyboard.press('Enter');
  await page.getByTestId('feedback').waitFor();
  assert.equal(await page.getByTestId('feedback').getAttribute('data-correct'), 'true', `${answer} was judged correct`);
  assert.equal(await answerValue(page), answer, 'exactly the syllable was submitted');
  await context.close();
});

test('the on-screen keyboard and Latin keys type the answers on a 360-px phone', async (t) => {
  const [firstTyped, secondTyped, latinItem] = typedItems();
  assert.ok(secondTyped, `${LESSON} has a second typed item`);
  const { context, page, player } = await openLessonAt(firstTyped.id);
  if ((await page.getByTestId('keyboard-toggle').count()) === 0) {
    await context.close();
    t.skip('the lesson player does not mount the Korean keyboard for typed answers yet');
    return;
  }
  await player.answerCorrectly(firstTyped);
  assert.equal(await player.currentItemId(), secondTyped.id);

  // Collapsed until asked for; then every key is a big target and the keyboard fits the screen.
  const keys = page.getByTestId('keyboard-keys');
  assert.equal(await keys.isVisible(), false, 'the keyboard starts collapsed');
  await page.getByTestId('keyboard-toggle').click();
  await keys.waitFor();
  assert.equal(await page.getByTestId('keyboard-toggle').getAttribute('aria-expanded'), 'true');
  const sizes = await keys.evaluate((panel) => [...panel.querySelectorAll('button')].map((button) => {
    const box = button.getBoundingClientRect();
    return { id: button.dataset.testid, left: box.left, right: box.right, width: box.width, height: box.height };
  }));
  assert.ok(sizes.length >= 30, 'all letter keys are rendered');
  for (const key of sizes) {
    assert.ok(key.height >= 44, `${key.id} is at least 44 px tall (${key.height})`);
    assert.ok(key.width >= 28, `${key.id} is at least 28 px wide (${key.width})`);
    assert.ok(key.left >= 0 && key.right <= 360, `${key.id} is on the screen (${key.left}–${key.right})`);
  }
  const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(scrollWidth <= 360, `the page does not scroll sideways (${scrollWidth} px)`);

  // The learner types the answer letter by letter, mistypes the last letter and takes it back
  // with one backspace, which removes that letter and not the whole syllable.
  const answer = typedAnswer(secondTyped);
  const letters = typedLetters(answer);
  // Whatever the field holds first (the player has been seen to keep the previous typed answer
  // in the field), the on-screen backspace empties it, one letter per press.
  for (let presses = 0; (await answerValue(page)) !== '' && presses < 20; presses += 1) {
    await page.getByTestId('key-backspace').click();
  }
  assert.equal(await answerValue(page), '', 'backspace emptied the field');
  for (const letter of letters.slice(0, -1)) await pressOnScreen(page, letter);
  const wrongLetter = letters[letters.length - 1] === 'ㅓ' ? 'ㅏ' : 'ㅓ';
  await pressOnScreen(page, wrongLetter);
  assert.notEqual(await answerValue(page), answer);
  await page.getByTestId('key-backspace').click();
  await pressOnScreen(page, letters[letters.length - 1]);
  assert.equal(await answerValue(page), answer, 'the keys composed the answer');

  await page.getByTestId('check').click();
  await page.getByTestId('feedback').waitFor();
  assert.equal(await page.getByTestId('feedback').getAttribute('data-correct'), 'true', `${answer} typed on screen was judged correct`);
  await player.continue();

  // Latin keys at dubeolsik positions: the learner switches them on and types, say, s-k-a-n.
  if (!latinItem) return;
  for (const item of lesson.items.slice(lesson.items.indexOf(secondTyped) + 1)) {
    if (item.id === latinItem.id) break;
    await player.answerCorrectly(item);
  }
  assert.equal(await player.currentItemId(), latinItem.id);
  assert.equal(await keys.isVisible(), true, 'keys shown for one answer stay shown for the next');
  await page.getByTestId('latin-to-hangul').check();
  const latinAnswer = typedAnswer(latinItem);
  const latinKeys = typedLetters(latinAnswer).map((letter) => DUBEOLSIK_KEY[letter] ?? letter).join('');
  await page.getByTestId('typed-answer').focus();
  await page.keyboard.type(latinKeys);
  assert.equal(await answerValue(page), latinAnswer, `${latinKeys} typed ${latinAnswer}`);
  await page.keyboard.press('Enter');
  await page.getByTestId('feedback').waitFor();
  assert.equal(await page.getByTestId('feedback').getAttribute('data-correct'), 'true');
  assert.equal(await page.evaluate(() => localStorage.getItem('baeum.latin-to-hangul')), 'on', 'the choice is remembered');
  await context.close();
});
