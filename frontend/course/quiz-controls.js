// What every kind of quiz adds on top of its server-rendered HTML: the
// "Check answer", "Try again" and "Show the answer" buttons, the live status
// region that announces the result, and saving the answer.

import {createButton, createElement} from "./dom.js";
import {pageEntry} from "./record.js";
import {translate} from "./strings.js";

/** The buttons and status region of a quiz, in their `.course-quiz__actions` row (not yet on the page). */
export function createControls(course, element) {
  const controls = {
    status: createElement("div", "course-quiz__status"),
    submit: createButton("md-button--primary course-quiz__submit", translate(course, "quiz.submit")),
    retry: createButton("course-quiz__retry", translate(course, "quiz.retry")),
    reveal: createButton("course-quiz__reveal", translate(course, "quiz.reveal")),
    actions: createElement("div", "course-quiz__actions"),
    // The page's `show_correct: false` (data-quiz-reveal="false") offers no "Show the answer".
    canReveal: element.dataset.quizReveal !== "false",
  };
  controls.retry.hidden = true;
  controls.reveal.hidden = !controls.canReveal;
  controls.status.setAttribute("role", "status");
  controls.status.setAttribute("aria-live", "polite");
  controls.actions.append(controls.submit, controls.retry, controls.reveal);
  return controls;
}

/**
 * Show the buttons that fit `state`: "Check answer" before an answer; "Try
 * again" after one; "Show the answer" before an answer and after a wrong one
 * (a learner who does not know need not guess first), never once the answer
 * shows. `state` is null before an answer, else "right", "wrong" or "revealed".
 */
export function showControls(quiz, state) {
  quiz.submit.hidden = state !== null;
  quiz.retry.hidden = state === null;
  quiz.reveal.hidden = !quiz.canReveal || (state !== null && state !== "wrong");
  if (state === null) delete quiz.element.dataset.quizState;
  else quiz.element.dataset.quizState = state;
}

/** Save `entry` ({answer, correct, gaveUp?}) as the quiz's answer. */
export function saveAnswer(course, quiz, entry) {
  course.changeProgress(record => {
    pageEntry(record, quiz.pageKey).quizzes[quiz.id] = entry;
  });
}
