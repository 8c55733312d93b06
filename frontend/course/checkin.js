// A self-check-in: statements rated on a labelled scale, taken again over
// time. "Save my answers" adds a take ({date, ratings}) to the check-in's one
// history, kept under the page that defines it (data-checkin-page), so a take
// on another page (<checkin again>) joins it. "Show advice without saving"
// shows the same advice and keeps nothing: a reader on a shared screen may
// not want a trace. The result is announced in the status line; the advice
// whose condition holds is shown; the history is a table (the accessible
// version) and a small chart. Never a score, never counted towards a module.

import {createButton, createElement, find, findAll} from "./dom.js";
import {addCheckinTake, removeCheckinTake, savedCheckins} from "./record.js";
import {drawChart} from "./checkin-chart.js";
import {translate} from "./strings.js";

/** Make the server-rendered check-in `element` save takes and show its history and advice. */
export function setUpCheckin(course, element) {
  const form = find(".course-checkin__form", element);
  const history = find(".course-checkin__history", element);
  const status = find(".course-checkin__status", element);
  if (!form || !history || !status) return;
  const checkin = {
    id: element.dataset.checkinId,
    pageKey: element.dataset.checkinPage || element.closest("[data-course-page]")?.dataset.coursePage || course.page.page,
    element,
    form,
    history,
    status,
    scale: (element.dataset.checkinScale || "").split("|"),
    statements: findAll(".course-checkin__statement", element),
    advice: findAll(".course-checkin__advice", element),
    actions: find(".course-checkin__actions", element),
    again: createButton("course-checkin__again", translate(course, "checkin.again")),
  };
  find(".course-checkin__note", element)?.setAttribute("hidden", "");
  for (const advice of checkin.advice) advice.hidden = true;
  checkin.again.hidden = true;
  checkin.actions?.append(checkin.again);
  element.insertBefore(privacyNote(course), history);
  form.addEventListener("submit", event => {
    event.preventDefault();
    answer(course, checkin, {save: true});
  });
  find(".course-checkin__preview", element)?.addEventListener("click", () => answer(course, checkin, {save: false}));
  checkin.again.addEventListener("click", () => takeAgain(checkin));
  paintHistory(course, checkin);
  // Another tab, an import, a reset or an erase: show the record's history.
  course.refreshers.set(element, () => paintHistory(course, checkin));
}

/** "Your answers are kept only in this browser", with the way to erase them (on the home page). */
function privacyNote(course) {
  const note = createElement("p", "course-checkin__privacy", `${translate(course, "checkin.privacy")} `);
  const link = createElement("a", "", translate(course, "checkin.erase"));
  link.href = new URL("#course-erase", course.root).href;
  note.append(link);
  return note;
}

/** The rating of each statement: the chosen label's 1-based position, 0 when skipped. */
const chosenRatings = checkin =>
  checkin.statements.map(statement => Number(find("input:checked", statement)?.value || 0));

/** Save (or, with `save: false`, only look at) the answers; announce the result and show the matching advice. */
function answer(course, checkin, {save}) {
  const ratings = chosenRatings(checkin);
  if (ratings.every(rating => rating === 0)) {
    checkin.status.textContent = translate(course, "checkin.choose");
    return;
  }
  let message = "checkin.previewed";
  if (save) {
    const saved = course.changeProgress(record =>
      addCheckinTake(record, checkin.pageKey, checkin.id, {date: new Date().toISOString(), ratings}));
    message = saved || course.mode === "memory" ? "checkin.saved" : "checkin.not_saved";
    paintHistory(course, checkin);
  }
  const shown = showAdvice(checkin, ratings);
  checkin.status.textContent = translate(course, message) + (shown ? ` ${translate(course, "checkin.advice_below")}` : "");
  for (const input of findAll("input", checkin.form)) input.disabled = true;
  for (const button of findAll("button", checkin.actions)) button.hidden = button !== checkin.again;
  checkin.again.focus();
}

/** Show each advice whose condition holds (any named statement answered with a named label); return how many. */
function showAdvice(checkin, ratings) {
  let shown = 0;
  for (const advice of checkin.advice) {
    const statements = advice.dataset.statements.split(" ").map(Number);
    const answers = new Set(advice.dataset.answers.split(" ").map(Number));
    advice.hidden = !statements.some(number => answers.has(ratings[number - 1]));
    if (!advice.hidden) shown += 1;
  }
  return shown;
}

/** Empty the form for a new take. */
function takeAgain(checkin) {
  for (const input of findAll("input", checkin.form)) {
    input.checked = false;
    input.disabled = false;
  }
  for (const advice of checkin.advice) advice.hidden = true;
  for (const button of findAll("button", checkin.actions)) button.hidden = button === checkin.again;
  checkin.status.textContent = "";
  find("input", checkin.form)?.focus();
}

/** A take's date as the learner reads it (date and time: two takes may share a day). */
function formatDate(iso) {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return date.toLocaleString(document.documentElement.lang || undefined, {dateStyle: "medium", timeStyle: "short"});
}

/** Redraw the history: a table of every take (dates by statements, in the scale's words) and the chart. */
function paintHistory(course, checkin) {
  const takes = savedCheckins(course.record, checkin.pageKey, checkin.id);
  checkin.history.replaceChildren();
  checkin.history.hidden = takes.length === 0;
  if (!takes.length) return;
  const count = checkin.statements.length;
  const caption = translate(course, "checkin.history");
  const table = createElement("table", "course-checkin__table");
  table.append(createElement("caption", "", caption));
  const head = table.createTHead().insertRow();
  const headers = [translate(course, "checkin.date")];
  for (let number = 1; number <= count; number += 1) headers.push(translate(course, "checkin.column", {number}));
  headers.push(translate(course, "checkin.remove_short"));
  for (const text of headers) {
    const cell = createElement("th", "", text);
    cell.scope = "col";
    head.append(cell);
  }
  const body = table.createTBody();
  for (const take of takes) {
    const row = body.insertRow();
    const when = formatDate(take.date);
    const dateCell = createElement("th", "", when);
    dateCell.scope = "row";
    row.append(dateCell);
    for (let index = 0; index < count; index += 1) {
      const rating = take.ratings[index] || 0;
      row.insertCell().textContent = checkin.scale[rating - 1] || translate(course, "checkin.skipped");
    }
    const remove = createButton("course-checkin__remove", translate(course, "checkin.remove_short"));
    remove.setAttribute("aria-label", translate(course, "checkin.remove", {date: when}));
    remove.addEventListener("click", () => removeTake(course, checkin, take.date, when));
    row.insertCell().append(remove);
  }
  // A wide table scrolls on a phone: the region is focusable so a keyboard can scroll it too.
  const scroller = createElement("div", "course-checkin__table-wrap");
  scroller.tabIndex = 0;
  scroller.setAttribute("role", "region");
  scroller.setAttribute("aria-label", caption);
  scroller.append(table);
  checkin.history.append(scroller, drawChart(takes, count, checkin.scale.length));
}

/** Remove one take, after one question; say so. */
function removeTake(course, checkin, date, when) {
  if (!confirm(translate(course, "checkin.confirm_remove", {date: when}))) return;
  course.changeProgress(record => removeCheckinTake(record, checkin.pageKey, checkin.id, date));
  paintHistory(course, checkin);
  checkin.status.textContent = translate(course, "checkin.removed", {date: when});
  // The button is gone with its row: focus goes back to the check-in.
  (find("input:not([disabled])", checkin.form) || checkin.again).focus();
}
