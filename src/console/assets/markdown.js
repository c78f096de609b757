// Markdown rendered safely: the text is parsed here and every piece of it becomes a text node
// (never HTML), so nothing in a model's answer can inject markup or script.

import { h } from "./dom.js";

const FENCE = /^\s{0,3}(`{3,}|~{3,})\s*([\w+#.-]*)/;
const HEADING = /^\s{0,3}(#{1,6})\s+(.*?)\s*#*\s*$/;
const QUOTE = /^\s{0,3}>\s?/;
const ITEM = /^(\s*)([-*+]|\d{1,9}[.)])\s+(.*)$/;
const RULE = /^\s{0,3}([-*_])(\s*\1){2,}\s*$/;
const INLINE =
  /(`+)([\s\S]*?[^`])\1(?!`)|\*\*(.+?)\*\*|__(.+?)__|\*(?!\s)(.+?)\*|!\[([^\]]*)\]\((data:image\/[\w.+-]+;base64,[\w+/=-]+)\)|\[([^\]]+)\]\(\s*([^)\s]+)\s*\)|(https?:\/\/[^\s<>()]*[^\s<>().,;:!?'"])/g;

/** A link target that may be followed: http(s) and mailto only. */
function safeUrl(url) {
  try {
    const parsed = new URL(url, location.href);
    return ["http:", "https:", "mailto:"].includes(parsed.protocol) ? parsed.href : undefined;
  } catch {
    return undefined;
  }
}

/** A link that opens in a new tab without handing this page over. */
export function link(url, text) {
  const href = safeUrl(url);
  if (!href) return document.createTextNode(text);
  return h("a", { href, target: "_blank", rel: "noopener noreferrer" }, text);
}

/**
 * Appends `text`'s inline Markdown (code, bold, italics, links, and images given inline as
 * `data:image/…` URIs, which is how the gateway returns generated images) to `parent`.
 */
function inline(text, parent) {
  let last = 0;
  for (const match of text.matchAll(INLINE)) {
    if (match.index > last) parent.append(text.slice(last, match.index));
    const [, ticks, code, strong, strong2, em, alt, image, label, url, bare] = match;
    if (ticks) parent.append(h("code", {}, code.trim() || code));
    else if (strong || strong2) inline(strong ?? strong2, parent.appendChild(h("strong")));
    else if (em) inline(em, parent.appendChild(h("em")));
    else if (image) parent.append(h("img", { src: image, alt, class: "generated" }));
    else if (label) parent.append(link(url, label));
    else if (bare) parent.append(link(bare, bare));
    last = match.index + match[0].length;
  }
  if (last < text.length) parent.append(text.slice(last));
}

function isBlockStart(line) {
  return FENCE.test(line) || HEADING.test(line) || QUOTE.test(line) || ITEM.test(line) ||
    RULE.test(line);
}

/** Renders Markdown `text` as a fragment of DOM nodes. */
export function renderMarkdown(text) {
  const fragment = document.createDocumentFragment();
  const lines = text.replace(/\r\n?/g, "\n").split("\n");
  let index = 0;
  while (index < lines.length) {
    const line = lines[index];
    const fence = FENCE.exec(line);
    if (fence) {
      const body = [];
      index++;
      while (index < lines.length && !lines[index].trim().startsWith(fence[1])) {
        body.push(lines[index++]);
      }
      index++;
      const code = h("code", {}, body.join("\n"));
      if (fence[2]) code.dataset.lang = fence[2];
      fragment.append(h("pre", {}, code));
      continue;
    }
    if (!line.trim()) {
      index++;
      continue;
    }
    const heading = HEADING.exec(line);
    if (heading) {
      const level = Math.min(6, heading[1].length + 2);
      const element = fragment.appendChild(h(`h${level}`));
      inline(heading[2], element);
      index++;
      continue;
    }
    if (RULE.test(line)) {
      fragment.append(h("hr"));
      index++;
      continue;
    }
    if (QUOTE.test(line)) {
      const body = [];
      while (index < lines.length && QUOTE.test(lines[index])) {
        body.push(lines[index++].replace(QUOTE, ""));
      }
      fragment.append(h("blockquote", {}, renderMarkdown(body.join("\n"))));
      continue;
    }
    const item = ITEM.exec(line);
    if (item) {
      const ordered = /\d/.test(item[2]);
      const list = h(ordered ? "ol" : "ul");
      if (ordered && parseInt(item[2]) !== 1) list.setAttribute("start", parseInt(item[2]));
      const indent = item[1].length;
      let current;
      while (index < lines.length) {
        const next = ITEM.exec(lines[index]);
        if (next && next[1].length <= indent + 1) {
          current = list.appendChild(h("li"));
          inline(next[3], current);
        } else if (lines[index].trim() && /^\s/.test(lines[index]) && current) {
          current.append(h("br"));
          inline(lines[index].trim(), current);
        } else break;
        index++;
      }
      fragment.append(list);
      continue;
    }
    const paragraph = h("p");
    let first = true;
    while (index < lines.length && lines[index].trim() && (first || !isBlockStart(lines[index]))) {
      if (!first) paragraph.append(h("br"));
      inline(lines[index++].trim(), paragraph);
      first = false;
    }
    fragment.append(paragraph);
  }
  return fragment;
}
