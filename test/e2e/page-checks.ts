import { readdirSync } from "node:fs";
import { join } from "node:path";
import type { Page } from "playwright-core";

/**
 * Layout checks run in the page as it is rendered at the current width, each finding one line
 * naming the element. Runs inside Chromium: no imports, no closures over test code.
 */
function layoutFindings(): { overflow: string[]; narrowCells: string[]; duplicates: string[] } {
  const path = (el: Element) => {
    const parts: string[] = [];
    for (let e: Element | null = el; e && e !== document.body && parts.length < 4; ) {
      const id = e.id ? `#${e.id}` : "";
      const classes = Array.from(e.classList)
        .slice(0, 2)
        .map((c) => `.${c}`)
        .join("");
      parts.unshift(`${e.localName}${id}${classes}`);
      if (id) break;
      e = e.parentElement;
    }
    return parts.join(" > ");
  };
  const isRegion = (el: Element) =>
    (el.getAttribute("role") ?? (el.localName === "section" ? "region" : "")) === "region";
  const scrolls = (el: Element) => ["auto", "scroll"].includes(getComputedStyle(el).overflowX);
  const clips = (el: Element) =>
    ["auto", "scroll", "hidden", "clip"].includes(getComputedStyle(el).overflowX);
  const name = (el: Element) =>
    (
      el.getAttribute("aria-label") ??
      (el.getAttribute("aria-labelledby") ?? "")
        .split(/\s+/)
        .map((id) => document.getElementById(id)?.textContent ?? "")
        .join(" ")
    ).trim();

  const root = document.documentElement;
  const viewport = root.clientWidth;
  const overflow: string[] = [];
  // Sideways scrolling is allowed only inside a region with a name (a table's scroll box).
  for (const el of Array.from(document.body.querySelectorAll("*"))) {
    if (!scrolls(el) || el.scrollWidth <= el.clientWidth + 1) continue;
    if (!isRegion(el) || !name(el))
      overflow.push(
        `${path(el)} scrolls sideways (${el.scrollWidth} px in ${el.clientWidth} px) but is no region with a name`,
      );
  }
  if (root.scrollWidth > viewport) {
    // What sticks out past the right edge, outside any box that scrolls or clips it: the outermost
    // such elements (where the page grows) and the innermost (what makes it grow).
    const out = new Set<Element>();
    for (const el of Array.from(document.body.querySelectorAll("*"))) {
      const box = el.getBoundingClientRect();
      if (box.width === 0 || box.right <= viewport + 1) continue;
      let contained = false;
      for (let p = el.parentElement; p && p !== document.body; p = p.parentElement)
        if (clips(p)) contained = true;
      if (!contained) out.add(el);
    }
    const outermost = [...out].filter((el) => !el.parentElement || !out.has(el.parentElement));
    const innermost = [...out].filter((el) => !Array.from(el.children).some((c) => out.has(c)));
    for (const el of new Set([...outermost, ...innermost].slice(0, 6)))
      overflow.push(
        `${path(el)} reaches ${Math.round(el.getBoundingClientRect().right)} px (viewport ${viewport} px)`,
      );
    overflow.unshift(`the page is ${root.scrollWidth} px wide at a ${viewport} px viewport`);
  }

  // A cell is at least as wide as its longest word, as rendered: each word is measured where it
  // stands (a Range over it), so a word broken over two lines shows as two pieces. Words are split
  // where a line may break anyway: spaces, and after a hyphen or dash.
  const hidden = (el: Element) => {
    // Inside a closed <details> (outside its summary) nothing is shown.
    for (
      let d = el.closest("details:not([open])");
      d;
      d = d.parentElement?.closest("details:not([open])") ?? null
    )
      if (!d.querySelector(":scope > summary")?.contains(el)) return true;
    for (let e: Element | null = el; e && e !== document.body; e = e.parentElement) {
      const box = e.getBoundingClientRect();
      const s = getComputedStyle(e);
      if (s.visibility === "hidden") return true;
      // Visually hidden (1 px and clipped): read by screen readers, takes no room on screen.
      if ((box.width <= 1 || box.height <= 1) && (clips(e) || s.clipPath !== "none")) return true;
    }
    return false;
  };
  const narrowCells: string[] = [];
  const range = document.createRange();
  for (const cell of Array.from(document.querySelectorAll("th, td, dt, dd"))) {
    if (!cell.checkVisibility() || hidden(cell)) continue;
    const style = getComputedStyle(cell);
    const room =
      cell.clientWidth -
      Number.parseFloat(style.paddingLeft) -
      Number.parseFloat(style.paddingRight);
    let longest = { word: "", width: 0, lines: 1 };
    const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const holder = node.parentElement;
      if (!holder?.checkVisibility() || hidden(holder)) continue;
      // Text in a box of its own inside the cell that scrolls sideways (a named region, checked
      // above), such as a record's JSON in the audit trail, need not fit the cell.
      let inScrollBox = false;
      for (let e: Element | null = holder; e && e !== cell; e = e.parentElement)
        if (scrolls(e) && isRegion(e) && name(e)) inScrollBox = true;
      if (inScrollBox) continue;
      const text = node.textContent ?? "";
      for (const token of text.matchAll(/[^\s\u200b]+/g)) {
        let start = token.index;
        for (const word of token[0].split(/(?<=[-\u2010\u2013\u2014\u00ad])/)) {
          range.setStart(node, start);
          range.setEnd(node, start + word.length);
          start += word.length;
          const rects = Array.from(range.getClientRects()).filter((r) => r.width > 0);
          const width = rects.reduce((sum, r) => sum + r.width, 0);
          const lines = new Set(rects.map((r) => Math.round(r.top))).size;
          if (lines > longest.lines || (lines === longest.lines && width > longest.width))
            longest = { word, width, lines };
        }
      }
    }
    if (longest.lines > 1)
      narrowCells.push(`${path(cell)}: "${longest.word}" is broken over ${longest.lines} lines`);
    else if (longest.width > room + 1)
      narrowCells.push(
        `${path(cell)}: "${longest.word}" needs ${Math.ceil(longest.width)} px, the cell has ${Math.floor(room)} px`,
      );
  }

  // A title shown twice in a row, with no text between: a heading repeated by the next heading, or
  // by the visible caption of the table right under it.
  const duplicates: string[] = [];
  const said = (el: Element) => (el.textContent ?? "").replace(/\s+/g, " ").trim().toLowerCase();
  let previous: Element | undefined;
  for (const el of Array.from(document.querySelectorAll("h1, h2, h3, h4, h5, h6, caption"))) {
    if (!el.checkVisibility() || hidden(el)) continue;
    if (previous && said(el) && said(previous) === said(el)) {
      range.setStartAfter(previous);
      range.setEndBefore(el);
      if (range.toString().trim() === "")
        duplicates.push(
          `${path(el)} repeats "${previous.textContent?.trim()}" right after ${path(previous)}`,
        );
    }
    previous = el;
  }
  return { overflow, narrowCells, duplicates };
}

export function layoutOf(page: Page) {
  return page.evaluate(layoutFindings);
}

/** The text as a visitor sees it: without hidden elements, which textContent would include. */
export function visibleText(page: Page): Promise<string> {
  // biome-ignore lint/performance/useDomNodeTextContent: the rendered text is the point here.
  return page.innerText("body");
}

/**
 * Internal names a visitor must never read: the names of the files in the municipality's data set
 * (bronnen/000_535bd9871ac073a5.txt, gebieden.csv, ...), any name in the sources' numbered pattern,
 * and database ids (UUIDs).
 */
export function internalNamePatterns(dataSetDir: string): RegExp[] {
  const files = (dir: string): string[] =>
    readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
      e.isDirectory() ? files(join(dir, e.name)) : [e.name],
    );
  const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  const names = [...new Set(files(dataSetDir))].map(escapeRegExp);
  return [
    new RegExp(`(?<![\\w.-])(?:${names.join("|")})(?![\\w.-])`, "g"),
    /\b\d{3}_[0-9a-f]{8,}(?:\.[a-z]{2,4})?\b/g,
    /\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b/gi,
  ];
}

/** Each internal name in the text, with a little of the text around it. */
export function internalNamesIn(text: string, patterns: readonly RegExp[]): string[] {
  const found = new Map<number, string>();
  for (const p of patterns)
    for (const m of text.matchAll(p))
      if (!found.has(m.index))
        found.set(
          m.index,
          `"${m[0]}" in "…${text.slice(Math.max(0, m.index - 40), m.index + m[0].length + 40).replace(/\s+/g, " ")}…"`,
        );
  return [...found].sort(([a], [b]) => a - b).map(([, line]) => line);
}
