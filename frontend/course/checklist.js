// A checklist: restore ticks, save each change, keep "3 of 5 done" current.
// Only its own items and count line: a list nested in an item is a checklist
// of its own. The workbook's copies name their module (data-course-page) and
// the prefix their ids were given; anywhere else an item belongs to this page.

import {find, findAll} from "./dom.js";
import {isTicked, pageEntry} from "./record.js";
import {changeProgress} from "./progress.js";
import {translate} from "./strings.js";

/** Make the server-rendered checklist `element` save its ticks. */
export function setUpChecklist(course, element) {
  const items = findAll(":scope > * > .course-checklist__item", element);
  const countLine = find(":scope > p", element);
  const workbookCopy = element.closest("[data-course-page]")?.dataset || {};
  const pageKey = workbookCopy.coursePage || course.page.page;
  const boxes = [];
  const showCount = () => {
    if (!countLine) return;
    const done = items.filter(item => find("input", item).checked).length;
    countLine.textContent = translate(course, "checklist.count", {done, total: items.length});
    countLine.hidden = false;
  };
  for (const item of items) {
    const box = find(".course-checklist__box", item);
    if (!box) continue;
    const itemId = item.dataset.itemId.replace(workbookCopy.courseItemPrefix || "", "");
    boxes.push({box, itemId});
    box.checked = isTicked(course.record, pageKey, itemId);
    box.addEventListener("change", () => {
      changeProgress(course, record => {
        const checks = pageEntry(record, pageKey).checks;
        if (box.checked) checks[itemId] = true;
        else delete checks[itemId];
      });
      showCount();
    });
  }
  showCount();
  // Another tab, an import or a reset may change the ticks: show the record's.
  course.refreshers.set(element, () => {
    for (const {box, itemId} of boxes) box.checked = isTicked(course.record, pageKey, itemId);
    showCount();
  });
}
