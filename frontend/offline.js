// offline.js: registers the course's service worker (sw.js at the site root)
// so the course works offline after one visit, and says so briefly when a new
// deployment has taken over. A separate module from course.js: it runs once
// per visit, not on every instant navigation, and a failure here never stops
// quizzes or checklists.
//
// The page data (#__course) says whether the site has a worker: `offline` is
// false when the course turned it off and while `mkdocs serve` runs, where a
// cached page would hide the author's edits. Then any worker an earlier build
// left on this origin is removed, with its caches.

const pageDataElement = document.querySelector("#__course");
const pageData = pageDataElement ? JSON.parse(pageDataElement.textContent) : null;
// Material keeps the first page's #__config on instant navigation, and its
// `base` is relative to that page: this module runs once, on that page.
const materialConfig = JSON.parse(document.querySelector("#__config")?.textContent || "{}");
const siteRoot = new URL((materialConfig.base || ".") + "/", location.href);
const cachePrefix = "mkdocs-course-offline:" + siteRoot.href + ":";

/** Return a UI word from the page data, with {placeholders} left as they are. */
function word(key) {
  return String(pageData?.strings?.[key] ?? key);
}

/** Show a short, polite notice at the top of the page's content. */
function showNotice(text) {
  const notice = document.createElement("p");
  notice.className = "course-notice";
  notice.setAttribute("role", "status");
  notice.textContent = text;
  (document.querySelector("article") || document.body).prepend(notice);
}

/** Register the worker; announce when a new deployment replaces the one that served this page. */
async function keepCourseOffline() {
  navigator.serviceWorker.addEventListener("message", event => {
    if (event.data?.type === "course-offline-updated") showNotice(word("offline.updated"));
  });
  // Messages wait in a queue until this is called (or the page has loaded).
  navigator.serviceWorker.startMessages();
  await navigator.serviceWorker.register(new URL("sw.js", siteRoot), {scope: siteRoot.href});
}

/** Remove a worker (and its caches) that an earlier build of this site left behind. */
async function forgetOffline() {
  const registration = await navigator.serviceWorker.getRegistration(siteRoot.href);
  if (registration && registration.scope === siteRoot.href) await registration.unregister();
  const names = await caches.keys();
  await Promise.all(names.filter(name => name.startsWith(cachePrefix)).map(name => caches.delete(name)));
}

// Service workers need a secure context (https or localhost); elsewhere, and
// without course data (another builder), there is nothing to do.
if (pageData && "serviceWorker" in navigator && window.isSecureContext) {
  (pageData.offline ? keepCourseOffline() : forgetOffline()).catch(() => {
    // Offline use is an extra: a refused registration leaves the course as it was.
  });
}
