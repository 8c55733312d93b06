// Everything on the page that shows progress, redrawn from the record after
// every change (and, with `external`, after another tab or a tool changed it).

import {paintModuleHeader} from "./module-header.js";
import {paintNavigationMarks} from "./navigation-marks.js";

/** Call each `element -> draw` of `drawers` whose element is still on the page; forget the others. */
function drawEach(drawers) {
  for (const [element, draw] of drawers) {
    if (element.isConnected) draw();
    else drawers.delete(element);
  }
}

/**
 * Redraw progress from `course.record`: the module header, the navigation
 * marks and each part that asked to be redrawn (`course.painters`: the
 * dashboard ...). With `external`, the quizzes and checklists on the page are
 * set from the record too: only then can the record differ from what the
 * learner has in front of them.
 */
export function repaint(course, {external = false} = {}) {
  paintModuleHeader(course);
  paintNavigationMarks(course);
  drawEach(course.painters);
  if (external) drawEach(course.refreshers);
}
