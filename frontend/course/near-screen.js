// Quizzes sit near the end of a module, several screens below where a learner
// starts reading. Their code is a part (quiz.js) that the page downloads when
// a quiz comes within a screen of being seen, so a learner who opens a module
// downloads and runs none of it until they scroll towards a quiz; the quiz is
// set up while it is still off the screen, so nothing moves under their eyes.
// A quiz is set up at once when there is no way to watch the screen, and
// when the learner reaches it some other way first (Tab, a tap). main.js sets
// up a page's quizzes at once when one of them has a saved answer to show.

// One screen above and below the visible part of the page.
const NEAR = "100% 0px";

/** Call `setUp()` once, when `element` comes near the screen or the learner reaches into it. */
export function whenNearScreen(course, element, setUp) {
  let started = false;
  const start = () => {
    if (started) return;
    started = true;
    course.nearScreen?.unobserve(element);
    course.waiting.delete(element);
    setUp();
  };
  if (!("IntersectionObserver" in window)) {
    start();
    return;
  }
  course.nearScreen ||= new IntersectionObserver(
    entries => {
      for (const entry of entries) if (entry.isIntersecting) course.waiting.get(entry.target)?.();
    },
    {rootMargin: NEAR},
  );
  course.waiting.set(element, start);
  course.nearScreen.observe(element);
  for (const event of ["focusin", "pointerdown"]) element.addEventListener(event, start, {once: true});
}
