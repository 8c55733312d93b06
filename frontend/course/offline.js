// The offline worker: registers the course's service worker (sw.js at the
// site root) so the course works offline after one visit, and says so briefly
// when a new deployment has taken over. Once per visit (not on every instant
// navigation); a failure here never stops quizzes or checklists.
//
// The page data (#__course) says whether the site has a worker: `offline` is
// false when the course turned it off and while `mkdocs serve` runs, where a
// cached page would hide the author's edits. Then any worker an earlier build
// left on this origin is removed, with its caches.

import {eraseOfflineCopies} from "./offline-copies.js";
import {showNotice} from "./notices.js";

/** Register the worker, or remove an earlier one, the first time a page of this visit asks. */
export function keepCourseOffline(course) {
  if (course.offline) return;
  course.offline = true;
  // Service workers need a secure context (https or localhost); elsewhere there is nothing to do.
  if (!("serviceWorker" in navigator) || !window.isSecureContext) return;
  (course.page.offline ? registerWorker(course) : eraseOfflineCopies(course.root)).catch(() => {
    // Offline use is an extra: a refused registration leaves the course as it was.
  });
}

/** Register the worker; announce when a new deployment replaces the one that served this page. */
async function registerWorker(course) {
  navigator.serviceWorker.addEventListener("message", event => {
    if (event.data?.type === "course-offline-updated") showNotice(course, "offline", "offline.updated");
  });
  // Messages wait in a queue until this is called (or the page has loaded).
  navigator.serviceWorker.startMessages();
  // The worker's install downloads the whole course: wait until this page has
  // loaded, so the copies never compete with what the learner is about to read.
  if (document.readyState !== "complete") await new Promise(resolve => addEventListener("load", resolve, {once: true}));
  await navigator.serviceWorker.register(new URL("sw.js", course.root), {scope: course.root.href});
}
