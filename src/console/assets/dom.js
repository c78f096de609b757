// DOM building without HTML strings: text always goes in as text nodes.

/**
 * Creates an element with properties (`class`, `hidden`, `data-*`, `on*` handlers, other
 * attributes) and children (nodes, or strings inserted as text).
 */
export function h(tag, props = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(props)) {
    if (value === undefined || value === null || value === false) continue;
    if (name.startsWith("on")) element.addEventListener(name.slice(2), value);
    else if (name === "class") element.className = value;
    else element.setAttribute(name, value === true ? "" : String(value));
  }
  element.append(...children.flat().filter((child) => child !== undefined && child !== null));
  return element;
}

/** The element with `id`. */
export function byId(id) {
  return document.getElementById(id);
}

/** Sets a status line's text and its kind (`error`, `ok` or none). */
export function setStatus(element, text, kind = "") {
  element.textContent = text;
  element.dataset.kind = kind;
}
