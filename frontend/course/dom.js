// Small DOM helpers shared by every part, so each part reads as what it does.

/** The first element matching `selector` inside `root`, or null. */
export const find = (selector, root = document) => root.querySelector(selector);

/** Every element matching `selector` inside `root`, as an array. */
export const findAll = (selector, root = document) => [...root.querySelectorAll(selector)];

/** A new element with a class and, when given, its text. */
export function createElement(tag, className, text) {
  const element = document.createElement(tag);
  element.className = className;
  if (text != null) element.textContent = text;
  return element;
}

/** A new `<button type="button">` with Material's button classes. */
export function createButton(className, text) {
  const button = createElement("button", `md-button ${className}`, text);
  button.type = "button";
  return button;
}

/**
 * Call `setUp(element)` for each element matching `selector` not set up yet.
 * Material's instant navigation runs the course again on every page, and
 * parts of the page (the header, the navigation) survive it: the mark keeps a
 * second run from wiring an element twice.
 */
export function setUpOnce(selector, setUp) {
  for (const element of findAll(selector)) {
    if (element.dataset.courseWired) continue;
    element.dataset.courseWired = "true";
    setUp(element);
  }
}

/** Offer `text` to the learner as a file download named `filename`. */
export function downloadText(text, filename, type = "application/json") {
  const link = document.createElement("a");
  link.href = URL.createObjectURL(new Blob([text], {type}));
  link.download = filename;
  link.click();
}
