/**
 * The bound on nesting that keeps every recursive conversion off the end of the stack.
 * @module
 */

/**
 * The deepest nesting accepted: of a request body's JSON, of a JSON Schema, of a tool's JSON
 * arguments or result. Gemini's own limit (the protobuf default) is about as deep.
 */
export const MAX_DEPTH = 100;

/**
 * The path to the first place where the parsed JSON `value` nests deeper than `max` levels (a
 * scalar is at depth 0, the members of an object or array one deeper), or `undefined` when it does
 * not. Walked without recursion, so any depth is safe.
 */
export function tooDeepAt(value: unknown, max = MAX_DEPTH): (string | number)[] | undefined {
  if (value === null || typeof value !== "object") return undefined;
  // Each node links to its parent: the path is built only for the node that is too deep.
  const stack: Nested[] = [{ value, depth: 0, key: "", parent: undefined }];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node.depth >= max) return pathOf(node);
    const { value } = node;
    const depth = node.depth + 1;
    if (Array.isArray(value)) {
      for (let key = 0; key < value.length; key++) {
        const child = value[key];
        if (child !== null && typeof child === "object") {
          stack.push({ value: child, depth, key, parent: node });
        }
      }
    } else {
      for (const [key, child] of Object.entries(value)) {
        if (child !== null && typeof child === "object") {
          stack.push({ value: child, depth, key, parent: node });
        }
      }
    }
  }
  return undefined;
}

/** An object or array met on the walk, and how it was reached. */
interface Nested {
  value: object;
  depth: number;
  key: string | number;
  parent: Nested | undefined;
}

function pathOf(node: Nested): (string | number)[] {
  const path: (string | number)[] = [];
  for (let at: Nested = node; at.parent; at = at.parent) path.push(at.key);
  return path.reverse();
}
