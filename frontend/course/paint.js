// Everything on the page that shows progress, redrawn from the record after
// every change (and, with `external`, after another tab or a tool changed it).

import {paintDashboard, paintNavigationMarks} from "./dashboard.js";
import {paintModuleHeader} from "./module-header.js";

/**
 * Redraw progress from `course.record`. With `external`, the quizzes and
 * checklists on the page are set from the record too: only then can the
 * record differ from what the learner has in front of them.
 */
export function repaint(course, {external = false} = {}) {
  paintModuleHeader(course);
  paintDashboard(course);
  paintNavigationMarks(course);
  if (!external) return;
  for (const [element, refresh] of course.refreshers) {
    if (element.isConnected) refresh();
    else course.refreshers.delete(element);
  }
}
