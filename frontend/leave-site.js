// leave-site.js: the "Leave this site" control, after GOV.UK's "Exit this page"
// component (ARCHITECTURE.md, "Leave this site").
//
// The server renders a plain link to a neutral site in the header of every
// page, so the way out works without JavaScript. This script adds:
// - leaving at once: the page is blanked before anything else, then replaced
//   by the neutral site (location.replace), so Back does not return to it;
// - three presses of Shift on their own, each within PRESS_WINDOW_MS of the
//   last, also leave; a polite live region says how many have been counted;
// - coming back with Back (from the browser's cache or loaded again) leaves
//   again before the course is shown.
//
// A classic script loaded in <head> on every page, before Material and
// course.js: it needs nothing from them, so it works when they fail, and it
// can hide a page before its first paint. Material's instant navigation keeps
// <head> scripts and the header, so it runs once per full page load; the
// listeners sit on the document and find the control when they need it.
(() => {
  "use strict";

  const PRESSES_TO_LEAVE = 3;
  // GOV.UK's rule: at most 5 seconds from one press of Shift to the next.
  const PRESS_WINDOW_MS = 5000;
  // Set when the learner leaves, for the rest of this tab's life; holds where
  // they went. sessionStorage belongs to this tab alone and goes with it.
  const LEFT_KEY = "mkdocs-course:left-to";
  const CONTROL = "[data-course-leave]";

  const leaveSite = {
    presses: 0,
    // The previous key released had Shift held (Shift used with another key).
    shiftWasModifier: false,
    pressTimer: 0,
    clearMessageTimer: 0,
  };

  /** Return the control's element, or null on a page without it. */
  function control() {
    return document.querySelector(CONTROL);
  }

  /** Return the address to leave for, when it is a web address (http or https). */
  function webAddress(text) {
    try {
      const url = new URL(text);
      return url.protocol === "https:" || url.protocol === "http:" ? url.href : null;
    } catch {
      return null;
    }
  }

  /** Hide the whole page at once; works before <body> exists and without any stylesheet. */
  function blankPage() {
    const root = document.documentElement;
    root.style.setProperty("visibility", "hidden", "important");
    root.style.setProperty("background", "#fff", "important");
    document.title = "";
  }

  /** Say "Loading" to screen readers on a blank cover; it is the only thing left visible. */
  function showCover(words) {
    if (!document.body) return;
    const cover = document.createElement("div");
    cover.setAttribute("role", "alert");
    cover.style.cssText =
      "visibility:visible;position:fixed;inset:0;z-index:2147483647;background:#fff;color:#000;padding:1rem";
    document.body.append(cover);
    // Text set after the element is in the page: screen readers announce it more reliably.
    cover.textContent = words;
  }

  /** Blank the page and replace it with the neutral site; remember for this tab that the learner left. */
  function leave(destination) {
    blankPage();
    const element = control();
    showCover(element ? element.dataset.loading : "");
    try {
      sessionStorage.setItem(LEFT_KEY, destination);
    } catch {
      // Storage off: Back may then show this page again, but leaving still works.
    }
    replaceWith(destination);
  }

  /** Replace this page in the tab's history by the neutral site, which must not learn where the learner was. */
  function replaceWith(destination) {
    const referrer = document.createElement("meta");
    referrer.name = "referrer";
    referrer.content = "no-referrer";
    (document.head || document.documentElement).append(referrer);
    window.location.replace(destination);
  }

  /** Return where the learner went if they left in this tab, else null. */
  function leftTo() {
    try {
      return webAddress(sessionStorage.getItem(LEFT_KEY) || "");
    } catch {
      return null;
    }
  }

  /** Forget that the learner left: they came back on purpose. */
  function forgetLeaving() {
    try {
      sessionStorage.removeItem(LEFT_KEY);
    } catch {
      // Nothing was kept.
    }
  }

  /** On a page loaded by Back or Forward after leaving, leave again before it is shown. */
  function leaveAgainIfBack() {
    const destination = leftTo();
    if (!destination) return;
    const [navigation] = performance.getEntriesByType("navigation");
    if (navigation && navigation.type === "back_forward") {
      blankPage();
      replaceWith(destination);
    } else {
      // A link, the address bar or a reload: the learner chose to come back.
      forgetLeaving();
    }
  }

  /** A page restored from the back/forward cache is the page as it was left: leave again. */
  function onPageShow(event) {
    const destination = leftTo();
    if (event.persisted && destination) {
      blankPage();
      replaceWith(destination);
    }
  }

  /** Leave when the control's link is activated (mouse, touch, Enter). */
  function onClick(event) {
    const link = event.target instanceof Element ? event.target.closest(`${CONTROL} a[href]`) : null;
    const destination = link && webAddress(link.href);
    if (!destination) return;
    event.preventDefault();
    leave(destination);
  }

  /** Put words in the live region, and clear them a while later. */
  function announce(words) {
    const status = control()?.querySelector("[role=status]");
    if (!status) return;
    window.clearTimeout(leaveSite.clearMessageTimer);
    status.textContent = words;
    leaveSite.clearMessageTimer = window.setTimeout(() => {
      status.textContent = "";
    }, PRESS_WINDOW_MS);
  }

  /** Show how many presses were counted on the control (the dots are decoration). */
  function showPresses() {
    const element = control();
    if (element) element.dataset.presses = String(leaveSite.presses);
  }

  /** Start counting again; say so when presses had been counted. */
  function resetPresses() {
    window.clearTimeout(leaveSite.pressTimer);
    leaveSite.pressTimer = 0;
    if (leaveSite.presses > 0) {
      leaveSite.presses = 0;
      announce(control()?.dataset.reset || "");
    }
    showPresses();
  }

  /** Count a press of Shift on its own; the third within the window leaves. */
  function countPress() {
    const element = control();
    const destination = element && webAddress(element.querySelector("a[href]")?.href || "");
    if (!destination) return;
    leaveSite.presses += 1;
    showPresses();
    if (leaveSite.presses >= PRESSES_TO_LEAVE) {
      window.clearTimeout(leaveSite.pressTimer);
      leaveSite.presses = 0;
      leave(destination);
      return;
    }
    announce((element.dataset.pressed || "").replace("{count}", String(leaveSite.presses)));
    window.clearTimeout(leaveSite.pressTimer);
    leaveSite.pressTimer = window.setTimeout(resetPresses, PRESS_WINDOW_MS);
  }

  /**
   * Count Shift released on its own; any other key starts again.
   *
   * Shift used for a capital letter is not a press: releasing the letter
   * reports shiftKey, so the Shift released after it is skipped (GOV.UK's test).
   */
  function onKeyUp(event) {
    if (event.key === "Shift" && !leaveSite.shiftWasModifier) {
      countPress();
    } else if (leaveSite.presses > 0) {
      resetPresses();
    }
    leaveSite.shiftWasModifier = event.shiftKey;
  }

  leaveAgainIfBack();
  window.addEventListener("pageshow", onPageShow);
  document.addEventListener("click", onClick, true);
  document.addEventListener("keyup", onKeyUp, true);
})();
