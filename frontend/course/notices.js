// Notices about saving, at the top of the article. Each has a slot: a later
// notice in the same slot replaces the earlier one ("not saved" becomes
// "saving works again"), so the page never stacks contradicting messages.

import {createButton, createElement, downloadText, find} from "./dom.js";
import {translate} from "./strings.js";

/** Show the string `key` in notice slot `slot`, replacing what the slot showed. */
export function showNotice(course, slot, key) {
  const notice = noticeElement(slot);
  notice.textContent = translate(course, key);
  course.notices[slot] = key;
  return notice;
}

/**
 * Tell the learner their saved record cannot be read and there is no room to
 * set it aside, and offer it as a download before the next change replaces it.
 */
export function offerUnreadableRecord(course, raw) {
  const notice = showNotice(course, "unreadable", "storage.unreadable_no_room");
  const button = createButton("course-notice__action", translate(course, "storage.download_unreadable"));
  button.addEventListener("click", () =>
    downloadText(raw, `unreadable-progress-${course.page.namespace.replace(/[^\w-]/g, "")}.json`, "text/plain"));
  notice.append(" ", button);
}

/** The notice element of `slot`, created at the top of the article when the page has none. */
function noticeElement(slot) {
  let notice = find(`.course-notice[data-notice="${slot}"]`);
  if (!notice) {
    notice = createElement("p", "course-notice");
    notice.dataset.notice = slot;
    notice.setAttribute("role", "status");
    (find("article") || document.body).prepend(notice);
  }
  return notice;
}
