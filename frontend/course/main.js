// course.js: saves progress in this browser and adds quizzes, checklists, the
// module header, the dashboard, navigation marks and the progress tools on top
// of the server-rendered HTML (ARCHITECTURE.md). No framework, no runtime
// dependency; `make assets` bundles and minifies these modules with esbuild.
//
// setUpPage() runs once per page: on Material's document$ (every instant
// navigation) or on DOMContentLoaded. All state lives on the one `course`
// object below, which outlives instant navigation: the record, the storage
// mode and the manifest are read once per visit.
//
// What every page needs (the record, the module header, the navigation marks,
// the offline worker, checklists, reflections) is imported here. A part only
// some pages have (the dashboard, the progress tools, a check-in, a quiz
// summary, a fill-in-the-blank quiz) is set up by its own module, which the
// page downloads only when it has that part; quizzes, at the end of a module,
// when one comes near the screen (near-screen.js): `whenUsed` (parts.js) and
// `make assets` serve each as a file of its own (ARCHITECTURE.md, "Page weight").

import {find, findAll, setUpOnce} from "./dom.js";
import {whenUsed} from "./parts.js";
import {chooseMode, loadRecord, recordKey, recordStore} from "./storage.js";
import {changeProgress} from "./progress.js";
import {hasSavedQuizzes, pageEntry} from "./record.js";
import {repaint} from "./paint.js";
import {keepCourseOffline} from "./offline.js";
import {whenNearScreen} from "./near-screen.js";
import {setUpChecklist} from "./checklist.js";
import {setUpReflection} from "./reflection.js";


const setUpDashboard = whenUsed(() => import("./dashboard.js"), "setUpDashboard");
const setUpProgressTools = whenUsed(() => import("./progress-tools.js"), "setUpProgressTools");
const setUpCheckin = whenUsed(() => import("./checkin.js"), "setUpCheckin");
const setUpQuiz = whenUsed(() => import("./quiz.js"), "setUpQuiz");
const setUpQuizSummary = whenUsed(() => import("./quiz-summary.js"), "setUpQuizSummary");

const course = {
  page: null, // this page's data (#__course): namespace, page key, strings ...
  key: "", // the record's storage key
  mode: "", // where the record lives: "device", "visit" (this tab only) or "memory"
  record: null, // the saved progress, read again before every change
  saveFailed: false, // the last save failed: retry at the next change
  unreadable: null, // a record that could not be read nor set aside, still in storage
  notices: {}, // notice slot -> string key shown
  painters: new Map(), // element -> redraw it after every change (the dashboard, the storage choice)
  refreshers: new Map(), // quiz or checklist element -> redraw it from the record
  manifest: null, // the course manifest, once fetched
  manifestRequest: null, // {url, promise} of the fetch, shared by every page of the visit
  // The site root. Material keeps the first page's #__config on instant
  // navigation, and its base is relative to that page: read it now.
  root: new URL(`${JSON.parse(find("#__config")?.textContent || "{}").base || "."}/`, location),
  listening: false, // whether the storage event listener is added
  offline: false, // whether the offline worker has been seen to (once per visit)
  shuffled: new Set(), // quizzes showing their options in the learner's own order
  seedSaved: false, // the record's seed (the shuffled order) is saved for this visit
  printing: false, // whether the print listeners are added
  nearScreen: null, // the IntersectionObserver that sets up a quiz as it comes near the screen
  waiting: new WeakMap(), // quiz element -> its set-up, until it comes near the screen
  // The parts (quiz.js, checkin.js ...) save and redraw through these, so that
  // none of them downloads its own copy of storage.js and the painters.
  changeProgress: change => changeProgress(course, change),
  repaint: options => repaint(course, options),
};

/** Read this page's data; false when the page has none (or it is unreadable). */
function readPageData() {
  const element = find("#__course");
  if (!element) return false;
  try {
    course.page = JSON.parse(element.textContent);
  } catch {
    return false;
  }
  course.key = recordKey(course.page.namespace);
  return true;
}

/** A tick or answer saved in another tab shows here at once. */
function followOtherTabs() {
  if (course.listening) return;
  course.listening = true;
  addEventListener("storage", event => {
    const store = recordStore(course);
    if (!store || event.storageArea !== store || (event.key !== null && event.key !== course.key)) return;
    loadRecord(course);
    repaint(course, {external: true});
  });
}

/** Print with the classes in the button's data-print (checklists only, with ticks). */
function setUpPrintButton(button) {
  button.addEventListener("click", () => {
    const classes = document.documentElement.classList;
    const printClasses = button.dataset.print.split(" ").filter(Boolean);
    classes.add(...printClasses);
    addEventListener("afterprint", () => classes.remove(...printClasses), {once: true});
    print();
  });
}

/** Fetch the manifest once per visit (per URL), then repaint with it. */
function loadManifest() {
  const url = new URL(course.page.manifest, course.root).href;
  if (course.manifestRequest?.url !== url) {
    const promise = fetch(url)
      .then(response => response.json())
      .then(manifest => (Array.isArray(manifest.modules) ? manifest : null), () => null);
    course.manifestRequest = {url, promise};
  }
  course.manifestRequest.promise.then(manifest => {
    course.manifest = manifest;
    repaint(course);
  });
}

/** Set up everything on the page just shown (first load or instant navigation). */
function setUpPage() {
  if (!readPageData()) return;
  chooseMode(course);
  loadRecord(course);
  followOtherTabs();
  keepCourseOffline(course);
  for (const element of findAll(".course-js")) element.hidden = false;
  // A returning learner's answers show at once; otherwise a quiz's code waits until it comes near the screen.
  const answered = hasSavedQuizzes(course.record, course.page.page);
  setUpOnce(".course-quiz", element => {
    if (answered) setUpQuiz(course, element);
    else whenNearScreen(course, element, () => setUpQuiz(course, element));
  });
  setUpOnce(".course-quiz-summary", element => setUpQuizSummary(course, element));
  setUpOnce(".course-checklist", element => setUpChecklist(course, element));
  setUpOnce(".course-reflection", element => setUpReflection(course, element));
  setUpOnce(".course-checkin", element => setUpCheckin(course, element));
  setUpOnce(".course-dashboard", element => setUpDashboard(course, element));
  setUpOnce(".course-manage, .course-erase", element => setUpProgressTools(course, element));
  setUpOnce(".course-read", button => button.addEventListener("click", () => changeProgress(course, record => {
    pageEntry(record, course.page.page).read = button.getAttribute("aria-pressed") !== "true";
  })));
  setUpOnce(".course-print", setUpPrintButton);
  // Material made this site's links absolute: mark them, so print shows only other sites' addresses.
  for (const link of findAll(".md-content a[href]")) {
    if (link.host === location.host) link.classList.add("course-int");
  }
  // "Continue where you left off" needs no save while an unreadable record
  // waits to be downloaded: the learner's own next change replaces it.
  if (course.page.module && course.unreadable == null) changeProgress(course, record => (record.last = course.page.page));
  else repaint(course);
  loadManifest();
}

if (window.document$) document$.subscribe(setUpPage);
else if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", setUpPage);
else setUpPage();
