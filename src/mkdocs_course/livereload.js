// Live reload for `mkdocs serve`, as a same-origin file so that the page's
// Content-Security-Policy (script-src 'self') allows it. MkDocs 1.6 injects the
// same loop as an inline script, which that policy blocks; mkdocs_course.serve
// injects `<script src=".../livereload.js" data-epoch data-request-id>` instead.
// Never part of a built site: the engine writes this file only while serving.
(function liveReload(script) {
  "use strict";

  const epoch = Number(script.dataset.epoch);
  const requestId = script.dataset.requestId;
  // Where the page was scrolled to, kept across the reload that follows an
  // edit (Material's instant navigation turns the browser's own restoring off).
  const scrollKey = "mkdocs-course:serve-scroll";
  let request;
  let retry;

  function rememberScroll() {
    try {
      sessionStorage.setItem(scrollKey, JSON.stringify({ url: location.href, y: window.scrollY }));
    } catch (error) {
      // Storage turned off: the reloaded page starts at the top.
    }
  }

  function restoreScroll() {
    try {
      const saved = JSON.parse(sessionStorage.getItem(scrollKey) || "null");
      sessionStorage.removeItem(scrollKey);
      if (saved && saved.url === location.href) {
        window.scrollTo(0, saved.y);
      }
    } catch (error) {
      // Nothing saved, or storage turned off.
    }
  }

  // The server answers once a build newer than this page has finished (or
  // after a minute with the same epoch, and the page asks again).
  function waitForRebuild() {
    request = new XMLHttpRequest();
    request.onloadend = function onAnswer() {
      if (parseFloat(this.responseText) > epoch) {
        rememberScroll();
        location.reload();
      } else {
        retry = setTimeout(waitForRebuild, this.status === 200 ? 0 : 3000);
      }
    };
    request.open("GET", "/livereload/" + epoch + "/" + requestId);
    request.send();
  }

  function stopWaiting() {
    if (request) {
      request.abort();
    }
    clearTimeout(retry);
    request = retry = undefined;
  }

  function startWaiting() {
    if (!request) {
      waitForRebuild();
    }
  }

  window.addEventListener("load", function onLoad() {
    restoreScroll();
    if (document.visibilityState === "visible") {
      startWaiting();
    }
  });
  document.addEventListener("visibilitychange", function onVisibility() {
    if (document.visibilityState === "visible") {
      startWaiting();
    } else {
      stopWaiting();
    }
  });
  window.addEventListener("beforeunload", stopWaiting);
})(document.currentScript);
