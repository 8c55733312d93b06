// A check-in's history as a small chart: one row per statement, one column
// per take, each answer a dot at its place on the scale, joined by a line.
// Statements are never averaged (they may point in opposite directions: "I
// felt safe" and "I was afraid"). The chart is a picture of the table next
// to it (aria-hidden): the table is what assistive technology reads.
//
// chartLayout is pure (numbers in, shapes out); drawChart turns the shapes
// into SVG elements. Colours come from CSS (course.css), so both palettes work.

const SVG = "http://www.w3.org/2000/svg";
const ROW_HEIGHT = 28;
const ROW_GAP = 10;
const LABEL_WIDTH = 28;
const COLUMN_WIDTH = 36;
const PADDING = 6;

/**
 * The chart's shapes for `takes` ([{ratings}], oldest first) of a check-in
 * with `statements` statements on a scale of `levels` labels: its size, and
 * per statement a row with its label position, a baseline and the points of
 * its answers (a skipped answer, 0, is a gap in the line).
 */
export function chartLayout(takes, statements, levels) {
  const columns = Math.max(takes.length, 1);
  const width = LABEL_WIDTH + PADDING * 2 + (columns - 1) * COLUMN_WIDTH + PADDING;
  const height = statements * (ROW_HEIGHT + ROW_GAP) - ROW_GAP + PADDING * 2;
  const rows = [];
  for (let statement = 0; statement < statements; statement += 1) {
    const top = PADDING + statement * (ROW_HEIGHT + ROW_GAP);
    const yFor = rating => top + ROW_HEIGHT - ((rating - 1) / Math.max(levels - 1, 1)) * ROW_HEIGHT;
    const points = takes.map((take, column) => {
      const rating = take.ratings[statement] || 0;
      const valid = rating >= 1 && rating <= levels;
      return valid ? {x: LABEL_WIDTH + PADDING + column * COLUMN_WIDTH, y: yFor(rating)} : null;
    });
    const segments = [];
    let current = [];
    for (const point of points) {
      if (point) current.push(point);
      else if (current.length) {
        segments.push(current);
        current = [];
      }
    }
    if (current.length) segments.push(current);
    rows.push({label: String(statement + 1), labelY: top + ROW_HEIGHT / 2, top, bottom: top + ROW_HEIGHT, points: points.filter(Boolean), segments});
  }
  return {width, height, rows};
}

/** A new SVG element with attributes. */
function svgElement(name, attributes) {
  const element = document.createElementNS(SVG, name);
  for (const [key, value] of Object.entries(attributes)) element.setAttribute(key, String(value));
  return element;
}

/** The chart of `takes` as an `<svg>`, hidden from assistive technology (the table says the same). */
export function drawChart(takes, statements, levels) {
  const layout = chartLayout(takes, statements, levels);
  const svg = svgElement("svg", {
    class: "course-checkin__chart", width: layout.width, height: layout.height,
    viewBox: `0 0 ${layout.width} ${layout.height}`, "aria-hidden": "true", focusable: "false",
  });
  for (const row of layout.rows) {
    svg.append(svgElement("rect", {class: "course-checkin__chart-band", x: LABEL_WIDTH, y: row.top, width: layout.width - LABEL_WIDTH, height: row.bottom - row.top}));
    const label = svgElement("text", {class: "course-checkin__chart-label", x: LABEL_WIDTH - 8, y: row.labelY, "text-anchor": "end", "dominant-baseline": "middle"});
    label.textContent = row.label;
    svg.append(label);
    for (const segment of row.segments) {
      if (segment.length > 1) {
        svg.append(svgElement("polyline", {class: "course-checkin__chart-line", points: segment.map(p => `${p.x},${p.y}`).join(" ")}));
      }
    }
    for (const point of row.points) {
      svg.append(svgElement("circle", {class: "course-checkin__chart-dot", cx: point.x, cy: point.y, r: 3.5}));
    }
  }
  return svg;
}
