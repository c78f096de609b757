import assert from "node:assert/strict";

const root = new URL("../", import.meta.url);
const read = (path: string) => JSON.parse(Deno.readTextFileSync(new URL(path, root)));

/** `npm:name@version` of each npm import in `deno.json`'s map, as a lockfile names them. */
const runtimePackages = Object.values(read("deno.json").imports as Record<string, string>)
  .map((target) => target.replace(/^npm:\/?/, "npm:").replace(/\/$/, ""))
  .sort();

Deno.test("deno.lock pins only the packages the gateway runs; the tests' are in tests/deno.lock", () => {
  // `deno task` fetches every npm package of deno.lock before it runs a task: with the tests'
  // packages there, a first `deno task start` would download a hundred packages it never uses.
  assert.deepEqual(Object.keys(read("deno.lock").specifiers).sort(), runtimePackages);
  const testLock = Object.keys(read("tests/deno.lock").specifiers);
  for (const name of runtimePackages) assert.ok(testLock.includes(name), name);
});
