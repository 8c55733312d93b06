// A fill-in-the-blank quiz (mkdocs-quiz's "[[answer]]"). The server draws each
// blank as a line holding its name, so the page reads and prints without
// JavaScript; here each line becomes a labelled text box. An answer is right
// when every blank matches its answer, ignoring case and spaces at either end
// (and runs of spaces inside), as in mkdocs-quiz. A wrong answer says which
// blanks are not right yet, never what goes in them; the answers and the
// explanation show after a right answer or "Show the answer" (saved as given
// up). The saved answer is the learner's own words, one string per blank.

import {createElement, find, findAll} from "./dom.js";
import {pageEntry, savedAnswer} from "./record.js";
import {translate} from "./strings.js";
import {createControls, saveAnswer, showControls} from "./quiz-controls.js";

/** `words` as they are compared: no case, no spaces at either end, single spaces inside. */
export const normaliseWords = words => String(words).trim().replace(/\s+/g, " ").toLowerCase();

/** Whether the learner's `typed` words match a blank's `answer`. */
export const isRightWords = (typed, answer) => normaliseWords(typed) === normaliseWords(answer);

/** Turn the server-rendered fill-in-the-blank quiz `element` into an interactive one. */
export function setUpBlankQuiz(course, element) {
  const answerKey = find(".course-quiz__answer", element);
  const lines = findAll(".course-quiz__blank", element);
  if (!answerKey || !lines.length) return;
  const answers = new Map(findAll(".course-quiz__key-item", answerKey).map(item => [item.dataset.blank, item.dataset.answer || ""]));
  const quiz = {
    id: element.dataset.quizId,
    pageKey: course.page.page,
    element,
    ...createControls(course, element),
    explanation: find(".course-quiz__explanation", answerKey),
    blanks: lines.map(line => ({line, input: createTextBox(line), answer: answers.get(line.dataset.blank) || ""})),
    shown: null, // what the quiz shows: {words, state} with state "right", "wrong" or "revealed"
  };
  (find(".course-quiz__hint", element) || find(".course-quiz__question", element)).after(quiz.actions, quiz.status);
  if (quiz.explanation) {
    quiz.explanation.hidden = true;
    quiz.status.after(quiz.explanation);
  }
  answerKey.remove();

  for (const {input} of quiz.blanks) {
    input.addEventListener("keydown", event => {
      if (event.key !== "Enter" || quiz.submit.hidden) return;
      event.preventDefault();
      quiz.submit.click();
    });
  }
  quiz.submit.addEventListener("click", () => {
    const words = quiz.blanks.map(({input}) => input.value);
    if (!words.some(typed => typed.trim())) {
      quiz.status.textContent = translate(course, "quiz.type_first");
      return;
    }
    const isRight = quiz.blanks.every((blank, number) => isRightWords(words[number], blank.answer));
    showAnswer(course, quiz, words, isRight ? "right" : "wrong");
    saveAnswer(course, quiz, {answer: words, correct: isRight});
    quiz.retry.focus();
  });
  quiz.retry.addEventListener("click", () => {
    const firstWrong = quiz.blanks.find(blank => !isRightWords(blank.input.value, blank.answer)) || quiz.blanks[0];
    clearAnswer(quiz);
    firstWrong.input.focus();
  });
  quiz.reveal.addEventListener("click", () => {
    const words = quiz.blanks.map(({input}) => input.value);
    showAnswer(course, quiz, words, "revealed");
    saveAnswer(course, quiz, {answer: words, correct: false, gaveUp: true});
    quiz.retry.focus();
  });
  restoreSavedAnswer(course, quiz);
  course.refreshers.set(element, () => refreshFromRecord(course, quiz));
}

/** Put a text box, named as its line was ("Blank 1 of 2"), in the blank's line. */
function createTextBox(line) {
  const name = find(".course-quiz__blank-name", line);
  const input = createElement("input", "course-quiz__blank-input");
  input.type = "text";
  input.autocomplete = "off";
  input.spellcheck = false;
  input.setAttribute("autocapitalize", "off");
  input.size = Number(line.dataset.size) || 8;
  input.setAttribute("aria-label", name?.textContent || "");
  name?.remove();
  line.classList.add("has-input");
  line.append(input);
  return input;
}

/**
 * Show the quiz answered with `words`. "wrong" marks each blank right or not
 * yet right; "right" and "revealed" also show the explanation, and
 * "revealed" the answer of each blank that is not right.
 */
function showAnswer(course, quiz, words, state) {
  quiz.blanks.forEach((blank, number) => {
    const typed = words[number] ?? "";
    const right = isRightWords(typed, blank.answer);
    const mark = find(".course-quiz__blank-mark", blank.line) || blank.line.appendChild(createElement("span", "course-quiz__blank-mark"));
    blank.input.value = typed;
    blank.input.disabled = true;
    blank.line.classList.toggle("is-right", right);
    blank.line.classList.toggle("is-wrong", !right);
    mark.textContent = translate(course, right ? "quiz.correct" : "quiz.wrong")
      + (!right && state === "revealed" ? ` · ${translate(course, "quiz.blank_answer", {answer: blank.answer})}` : "");
  });
  if (quiz.explanation) quiz.explanation.hidden = state === "wrong";
  quiz.status.textContent = translate(course, {right: "quiz.right", wrong: "quiz.not_right", revealed: "quiz.revealed"}[state]);
  showControls(quiz, state);
  quiz.shown = {words, state};
}

/** Open the blanks again for another try; the learner's words stay, to be corrected. */
function clearAnswer(quiz) {
  for (const blank of quiz.blanks) {
    blank.input.disabled = false;
    blank.line.classList.remove("is-right", "is-wrong");
    find(".course-quiz__blank-mark", blank.line)?.remove();
  }
  if (quiz.explanation) quiz.explanation.hidden = true;
  quiz.status.textContent = "";
  showControls(quiz, null);
  quiz.shown = null;
}

/** The saved answer as {words, state}, or null when there is none or it does not fit this quiz's blanks. */
function savedState(course, quiz) {
  const saved = savedAnswer(course.record, quiz.pageKey, quiz.id);
  const words = Array.isArray(saved.answer) ? saved.answer : null;
  if (!words || words.length !== quiz.blanks.length || !words.every(typed => typeof typed === "string")) return null;
  if (saved.gaveUp === true) return {words, state: "revealed"};
  const isRight = quiz.blanks.every((blank, number) => isRightWords(words[number], blank.answer));
  return {words, state: isRight ? "right" : "wrong"};
}

/** Show the saved answer, marked against today's answers; one that does not fit the quiz any more is dropped. */
function restoreSavedAnswer(course, quiz) {
  const saved = savedAnswer(course.record, quiz.pageKey, quiz.id);
  if (!saved) return;
  const shown = savedState(course, quiz);
  if (!shown) {
    course.changeProgress(record => delete pageEntry(record, quiz.pageKey).quizzes[quiz.id]);
    return;
  }
  showAnswer(course, quiz, shown.words, shown.state);
  const isRight = shown.state === "right";
  if (shown.state !== "revealed" && isRight !== saved.correct) saveAnswer(course, quiz, {answer: shown.words, correct: isRight});
}

/** Show what the record says now (another tab answered, or reset, this quiz). */
function refreshFromRecord(course, quiz) {
  const shown = savedState(course, quiz);
  if (shown && (JSON.stringify(shown.words) !== JSON.stringify(quiz.shown?.words) || shown.state !== quiz.shown?.state)) {
    showAnswer(course, quiz, shown.words, shown.state);
  } else if (!shown && quiz.shown) {
    clearAnswer(quiz);
    for (const blank of quiz.blanks) blank.input.value = "";
  }
}
