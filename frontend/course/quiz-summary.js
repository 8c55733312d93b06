// mkdocs-quiz's page markers, server-rendered by quiz.py: `<!-- mkdocs-quiz
// results -->` (how many of the page's questions are answered and right) and
// `<!-- mkdocs-quiz intro -->` (where answers are kept). Both carry a button
// that clears this page's quiz answers, and nothing else, after one question.

import {find, findAll} from "./dom.js";
import {ownValue, pageEntry, savedAnswer} from "./record.js";
import {translate} from "./strings.js";

/** The page's quizzes as {answered, right, total}, from the record. */
export function quizCounts(course) {
  const ids = findAll(".course-quiz").map(element => element.dataset.quizId);
  const saved = ids.map(id => savedAnswer(course.record, course.page.page, id));
  return {
    total: ids.length,
    answered: saved.filter(entry => Array.isArray(ownValue(entry, "answer"))).length,
    right: saved.filter(entry => ownValue(entry, "correct") === true).length,
  };
}

/** Write the live count into every results panel of the page. */
export function paintQuizSummaries(course) {
  const lines = findAll(".course-quiz-summary__count");
  if (!lines.length) return;
  const counts = quizCounts(course);
  for (const line of lines) line.textContent = translate(course, "quiz.results", counts);
}

/** Wire a results or intro panel: its count, and its button that clears this page's answers. */
export function setUpQuizSummary(course, element) {
  paintQuizSummaries(course);
  // Redrawn after every change (an answer, a reset, another tab), as the dashboard is.
  course.painters.set(element, () => paintQuizSummaries(course));
  find(".course-quiz-reset", element)?.addEventListener("click", () => {
    if (!confirm(translate(course, "quiz.confirm_reset"))) return;
    const ids = findAll(".course-quiz").map(quiz => quiz.dataset.quizId);
    course.changeProgress(record => {
      const answers = pageEntry(record, course.page.page).quizzes;
      for (const id of ids) delete answers[id];
    });
    course.repaint({external: true});
    find(".course-quiz-summary__status", element).textContent = translate(course, "quiz.done_reset");
  });
}
