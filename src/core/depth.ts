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
  const stack: { value: unknown; path: (string | number)[] }[] = [{ value, path: [] }];
  while (stack.length > 0) {
    const { value, path } = stack.pop()!;
    if (value === null || typeof value !== "object") continue;
    if (path.length >= max) return path;
    const entries = Array.isArray(value) ? value.entries() : Object.entries(value);
    for (const [key, child] of entries) {
      if (child !== null && typeof child === "object") {
        stack.push({ value: child, path: [...path, key] });
      }
    }
  }
  return undefined;
}
