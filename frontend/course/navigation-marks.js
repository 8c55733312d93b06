// The navigation's "Complete" marks, on every page, once the course manifest
// has arrived (main.js fetches it once per visit).

import {findAll} from "./dom.js";
import {moduleProgress} from "./record.js";
import {translate} from "./strings.js";

/** A page's path as the navigation links it, so "a/index.html" and "a/" match. */
const pagePath = url => url.pathname.replace(/index\.html$/, "");

/** Each module of the manifest with its progress, keyed by module id. */
export function progressByModule(course) {
  const byId = new Map();
  for (const module of course.manifest.modules) {
    byId.set(module.id, {module, progress: moduleProgress(course.record, module, course.page.completion)});
  }
  return byId;
}

/** Mark each completed module's link in the navigation (the word is the accessible name; the tick is CSS). */
export function paintNavigationMarks(course) {
  if (!course.manifest) return;
  const done = new Set();
  for (const {module, progress} of progressByModule(course).values()) {
    if (progress.fraction === 1) done.add(pagePath(new URL(module.url, course.root)));
  }
  for (const link of findAll(".md-nav--primary a.md-nav__link[href]")) {
    if (!link.hash && done.has(pagePath(link))) link.dataset.courseDone = translate(course, "state.complete");
    else delete link.dataset.courseDone;
  }
}
