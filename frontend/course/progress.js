// One way to change progress: read the latest record, change it, save it,
// repaint. Every control goes through here.

import {loadRecord, saveRecord} from "./storage.js";
import {repaint} from "./paint.js";

/** Apply `change(record)` to the latest record, save and repaint; return whether it was saved. */
export function changeProgress(course, change) {
  change(loadRecord(course));
  const saved = saveRecord(course);
  repaint(course);
  return saved;
}
