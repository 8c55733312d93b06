// course.js: saves progress in this browser and adds quizzes, checklists, the
// module header, the dashboard, navigation marks and the progress tools on top
// of the server-rendered HTML (ARCHITECTURE.md). No framework, no dependency.
//
// run() goes once per page: on Material's document$ (every instant navigation)
// or on DOMContentLoaded. Elements it wires get data-ci, so a second run on the
// same DOM adds nothing. `make assets` minifies this file (comments and spaces only).
//
// State: C the page data (#__course), K the storage key, R the saved record,
// mem set once storage has failed (the record then lives in memory), M the
// manifest, MP its fetch, warned the notices already shown.
const D = document,
  Q = (s, e = D) => e.querySelector(s),
  A = (s, e = D) => [...e.querySelectorAll(s)],
  F = "mkdocs-course-progress",
  // The site root. Material keeps the first page's #__config on instant
  // navigation, and its base is relative to that page: read it now.
  ROOT = new URL((JSON.parse(Q("#__config")?.textContent || "{}").base || ".") + "/", location),
  ok = o => o && typeof o == "object" && !Array.isArray(o),
  // A value from a stored object, or 0: stored data may have any shape.
  own = (o, k) => ok(o) && Object.hasOwn(o, k) && o[k] || 0,
  // Entries of an imported object, without the one key that could reach a prototype.
  E = o => ok(o) ? Object.entries(o).filter(e => e[0] != "__proto__") : [],
  // Words come from the engine (strings.py fills every key, in the site's
  // language); a key it lacks shows as itself instead of throwing.
  t = (k, v = {}) => String(C.strings?.[k] ?? k).replace(/\{(\w+)\}/g, (x, n) => v[n] ?? x),
  on = (e, f, n = "click") => e.addEventListener(n, f),
  once = (s, f) => A(s).forEach(e => e.dataset.ci || f(e, e.dataset.ci = 1)),
  // A new element with a class and, if given, its text.
  el = (tag, c, x) => Object.assign(D.createElement(tag), {className: c}, x == null ? {} : {textContent: x}),
  fresh = () => ({version: 1, course: C.namespace, updated: "", last: "", pages: {}});
let C, K, R, mem, M, MP, warned = {};

// A short notice at the top of the page, once per visit.
function note(k) {
  if (warned[k]) return;
  warned[k] = 1;
  const p = el("p", "course-notice", t(k));
  p.setAttribute("role", "status");
  (Q("article") || D.body).prepend(p);
}

// The record is read again before every change, so what another tab saved
// survives. A record that is not JSON or not version 1 is set aside under
// <key>:backup, never overwritten silently. Storage that throws (disabled,
// full) leaves the record in memory for the rest of the visit.
function read() {
  if (!mem) try {
    const raw = localStorage.getItem(K);
    let r;
    if (raw == null) return R = fresh();
    try { r = JSON.parse(raw) } catch (e) {}
    if (ok(r) && r.version === 1 && ok(r.pages)) return R = r;
    localStorage.setItem(K + ":backup", raw);
    R = fresh();
    write();
    note("storage.reset_notice");
    return R;
  } catch (e) { mem = 1; note("storage.unavailable") }
  return R ||= fresh();
}
function write() {
  R.updated = new Date().toISOString();
  if (!mem) try { localStorage.setItem(K, JSON.stringify(R)) } catch (e) { mem = 1; note("storage.full") }
}
const edit = f => { read(); f(R); write(); paint() },
  // The page's entry, repaired to the right shape, for writing.
  pg = k => {
    let p = own(R.pages, k);
    ok(p) || (p = R.pages[k] = {});
    ok(p.checks) || (p.checks = {});
    ok(p.quizzes) || (p.quizzes = {});
    return p;
  },
  ids = (s, a) => A(s).map(e => e.dataset[a]);

// One module's progress under the completion rules. Only ids the module has
// now count: removed items are kept in the record but not counted, new ones
// start unticked.
function stat(m) {
  const p = own(R.pages, m.id), c = own(p, "checks"), q = own(p, "quizzes"), L = m.checklist || [], Z = m.quizzes || [],
    n = L.filter(i => own(c, i) === true).length,
    nq = Z.filter(i => own(own(q, i), "correct") === true).length,
    read = own(p, "read") === true,
    x = {read: [+read, 1], checklist: [n, L.length], quizzes: [nq, Z.length]};
  let got = 0, all = 0;
  for (const r of C.completion || []) if (x[r]) { got += x[r][0]; all += x[r][1] }
  return {n, L: L.length, nq, Q: Z.length, read, f: all ? got / all : 1,
    state: "state." + (got == all ? "complete" : got || Z.some(i => own(q, i)) ? "in_progress" : "not_started")};
}
const bar = (b, f) => {
    b.style.setProperty("--p", (f = Math.round(f * 100)) + "%");
    b.setAttribute("aria-valuenow", f);
    return f;
  },
  path = u => u.pathname.replace(/index\.html$/, "");

// Everything that shows progress, from the record; called after every change.
function paint() {
  const h = Q(".course-module");
  if (h) {
    const s = stat({id: C.page, checklist: ids(".course-checklist__item", "itemId"), quizzes: ids(".course-quiz", "quizId")}),
      e = Q(".course-module__progress");
    A(".course-read").forEach(b => b.setAttribute("aria-pressed", s.read));
    // One string holds both counts: keep the parts this module has.
    e.textContent = [...t("module.progress", {checks: s.n, checks_total: s.L, quizzes: s.nq, quizzes_total: s.Q})
      .split(" · ").filter((x, i) => [s.L, s.Q][i]), t(s.state)].join(" · ");
    e.hidden = !1;
  }
  if (!M) return;
  const by = {}, done = new Set;
  let f = 0;
  for (const m of M.modules) {
    by[m.id] = m;
    m.s = stat(m);
    f += m.s.f;
    m.s.f == 1 && done.add(path(new URL(m.url, ROOT)));
  }
  const o = Q(".course-overall"), k = Q(".course-continue"), l = own(by, R.last);
  if (o) {
    Q(".course-overall__text", o).textContent = t("dashboard.overall", {percent: bar(Q(".course-bar", o), f / M.modules.length)});
    o.hidden = !1;
  }
  A(".course-card").forEach(c => {
    const m = by[c.dataset.module], e = Q(".course-card__state", c);
    if (m) { bar(Q(".course-bar", c), m.s.f); e.textContent = t(e.dataset.state = m.s.state); e.parentNode.hidden = !1 }
  });
  if (k && l) {
    Q("a", k).href = new URL(l.url, ROOT);
    Q(".course-continue__label", k).textContent = t("dashboard.continue");
    Q(".course-continue__title", k).textContent = l.title;
  }
  A(".md-nav--primary a.md-nav__link[href]").forEach(a => {
    if (!a.hash && done.has(path(a))) a.dataset.courseDone = t("state.complete"); else delete a.dataset.courseDone;
  });
}

// A quiz: the key in <details> becomes per-option marks, feedback and an
// explanation, shown once answered. The buttons and the live status region
// exist only here, as only JavaScript uses them. Focus stays where the learner
// is: on "Try again" after checking, on "Check answer" after trying again.
function quiz(q) {
  const id = q.dataset.quizId, ans = Q(".course-quiz__answer", q), opts = Q(".course-quiz__options", q),
    ins = A(".course-quiz__input", q), right = new Set, k = C.page,
    bar = el("div", "course-quiz__actions"), st = el("div", "course-quiz__status"),
    sub = el("button", "md-button md-button--primary course-quiz__submit", t("quiz.submit")),
    re = el("button", "md-button course-quiz__retry", t("quiz.retry")),
    save = (a, g) => edit(() => pg(k).quizzes[id] = {answer: a.map(Number), correct: g});
  if (!ans || !opts) return;
  sub.type = re.type = "button";
  re.hidden = !0;
  st.setAttribute("role", "status");
  st.setAttribute("aria-live", "polite");
  bar.append(sub, re);
  opts.after(bar, st);
  A(".course-quiz__key-item", ans).forEach(i => {
    const o = Q(`.course-quiz__option[data-option="${i.dataset.option}"]`, q), f = Q(".course-quiz__feedback", i);
    i.dataset.correct == "true" && right.add(i.dataset.option);
    o && f && (f.hidden = !0, o.append(f));
  });
  const ex = Q(".course-quiz__explanation", ans);
  ex && (ex.hidden = !0, st.after(ex));
  ans.remove();
  const show = a => {
    ins.forEach(i => {
      const o = i.closest(".course-quiz__option"), r = right.has(i.value), f = Q(".course-quiz__feedback", o),
        m = Q(".course-quiz__mark", o) || i.parentNode.appendChild(D.createElement("span"));
      i.checked = a.includes(i.value);
      i.disabled = !0;
      o.classList.add(r ? "is-right" : "is-wrong");
      m.className = "course-quiz__mark";
      m.textContent = t(r ? "quiz.correct" : "quiz.wrong") + (i.checked ? " · " + t("quiz.your_choice") : "");
      f && (f.hidden = !i.checked);
    });
    const g = a.length == right.size && a.every(v => right.has(v));
    ex && (ex.hidden = !1);
    st.textContent = t(g ? "quiz.right" : "quiz.not_right");
    sub.hidden = !0;
    re.hidden = !1;
    return g;
  };
  on(sub, () => {
    const a = ins.filter(i => i.checked).map(i => i.value);
    if (!a.length) return st.textContent = t("quiz.choose");
    save(a, show(a));
    re.focus();
  });
  on(re, () => {
    ins.forEach(i => {
      const o = i.closest(".course-quiz__option"), f = Q(".course-quiz__feedback", o);
      i.checked = i.disabled = !1;
      o.classList.remove("is-right", "is-wrong");
      Q(".course-quiz__mark", o)?.remove();
      f && (f.hidden = !0);
    });
    ex && (ex.hidden = !0);
    st.textContent = "";
    re.hidden = !0;
    sub.hidden = !1;
    sub.focus();
  });
  // A saved answer is marked again against today's key; one naming an option
  // the quiz no longer has is dropped, so it is not counted.
  const sv = own(own(own(R.pages, k), "quizzes"), id), a = Array.isArray(sv.answer) ? sv.answer.map(String) : [];
  if (a.length) a.every(v => ins.some(i => i.value == v))
    ? (g => g !== sv.correct && save(a, g))(show(a))
    : edit(() => delete pg(k).quizzes[id]);
}

// A checklist: restore ticks, save each change, keep "3 of 5 done" current.
// Only its own items and count line: a list nested in an item is a checklist
// of its own. The workbook's copies name their module (data-course-page) and
// the prefix their ids were given; anywhere else an item belongs to this page.
function list(c) {
  const its = A(":scope>*>.course-checklist__item", c), n = Q(":scope>p", c),
    w = c.closest("[data-course-page]")?.dataset || {}, k = w.coursePage || C.page,
    up = () => {
      if (n) {
        n.textContent = t("checklist.count", {done: its.filter(i => Q("input", i).checked).length, total: its.length});
        n.hidden = !1;
      }
    };
  its.forEach(i => {
    const b = Q(".course-checklist__box", i), d = i.dataset.itemId.replace(w.courseItemPrefix || "", "");
    if (!b) return;
    b.checked = own(own(own(R.pages, k), "checks"), d) === true;
    on(b, () => { edit(() => { const c = pg(k).checks; b.checked ? c[d] = !0 : delete c[d] }); up() }, "change");
  });
  up();
}

// Import merges: ticks and read marks are added, a correct answer wins over
// a wrong one, and nothing saved here is removed.
function merge(p) {
  for (const [k, a] of E(p.pages)) {
    if (!ok(a)) continue;
    const b = pg(k);
    a.read === true && (b.read = !0);
    for (const [i, v] of E(a.checks)) v === true && (b.checks[i] = !0);
    for (const [i, v] of E(a.quizzes)) {
      const o = own(b.quizzes, i);
      ok(v) && Array.isArray(v.answer) && (!o || v.correct === true && o.correct !== true)
        && (b.quizzes[i] = {answer: v.answer.filter(Number.isInteger), correct: v.correct === true});
    }
  }
  R.last ||= typeof p.last == "string" ? p.last : "";
}

// The tools that keep progress, under the dashboard: export, import, reset
// (each reset after a confirm()).
function tools() {
  const say = (e, k, v) => Q("[role=status]", e.closest(".course-tool")).textContent = t(k, v);
  once(".course-export", b => on(b, () => {
    const a = D.createElement("a");
    a.href = URL.createObjectURL(new Blob([JSON.stringify(
      {format: F, version: 1, course: C.namespace, exported: new Date().toISOString(), progress: read()}, null, 1)],
      {type: "application/json"}));
    a.download = "progress-" + C.namespace.replace(/[^\w-]/g, "") + ".json";
    a.click();
  }));
  // A file that is not ours, from another course or from a newer version
  // changes nothing and says why.
  once(".course-import", i => on(i, async () => {
    let d;
    try { d = JSON.parse(await i.files[0].text()) } catch (e) {}
    i.value = "";
    const p = ok(d) && ok(d.progress) ? d.progress : {};
    say(i, "progress." + (
      !ok(d) || d.format !== F ? "bad_file"
      : d.course !== C.namespace || p.course && p.course !== C.namespace ? "other_course"
      : d.version > 1 || p.version > 1 ? "newer"
      : d.version !== 1 || p.version !== 1 || !ok(p.pages) ? "bad_file"
      : (edit(() => merge(p)), "imported")));
  }, "change"));
  once(".course-reset", b => on(b, () => {
    const o = Q(".course-reset-select").selectedOptions[0];
    o && confirm(t("progress.confirm_module", {title: o.text}))
      && (edit(r => delete r.pages[o.value]), say(b, "progress.done_reset"));
  }));
  once(".course-reset-all", b => on(b, () => confirm(t("progress.confirm_course"))
    && (edit(r => { r.pages = {}; r.last = "" }), say(b, "progress.done_reset"))));
}

function run() {
  const el = Q("#__course");
  if (!el) return;
  try { C = JSON.parse(el.textContent) } catch (e) { return }
  K = "mkdocs-course:" + C.namespace;
  read();
  A(".course-js").forEach(e => e.hidden = !1);
  once(".course-quiz", quiz);
  once(".course-checklist", list);
  tools();
  once(".course-read", b => on(b, () => edit(() => { pg(C.page).read = b.getAttribute("aria-pressed") != "true" })));
  // data-print holds the classes that shape the printout (checklists only, with ticks).
  once(".course-print", b => on(b, () => {
    const c = D.documentElement.classList, x = b.dataset.print.split(" ").filter(Boolean);
    c.add(...x);
    addEventListener("afterprint", () => c.remove(...x), {once: !0});
    print();
  }));
  // Material made this site's links absolute: mark them, so print shows only other sites' addresses.
  A(".md-content a[href]").forEach(a => a.host == location.host && a.classList.add("course-int"));
  C.module ? edit(r => r.last = C.page) : paint();
  const u = new URL(C.manifest, ROOT).href;
  if (MP?.u != u) MP = {u, p: fetch(u).then(r => r.json()).then(m => Array.isArray(m.modules) && m, () => 0)};
  MP.p.then(m => { M = m; paint() });
}

window.document$ ? document$.subscribe(run) : D.readyState == "loading" ? on(D, run, "DOMContentLoaded") : run();
