import assert from "node:assert/strict";
import { rootAnswer } from "../../src/console/negotiate.ts";

Deno.test("browsers get the page, JSON clients the description, everyone else plain text", () => {
  const cases: [string | null, string][] = [
    ["text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8", "html"],
    ["application/json", "json"],
    ["application/json, text/plain, */*", "json"],
    ["TEXT/HTML", "html"],
    ["application/json;q=0.5, text/html", "html"],
    [null, "text"],
    ["", "text"],
    ["*/*", "text"],
    ["text/plain", "text"],
    ["text/html;q=0, application/json", "json"],
    ["application/json;q=0.0", "text"],
    ["application/json;q=0.1", "json"],
  ];
  for (const [accept, answer] of cases) assert.equal(rootAnswer(accept), answer, String(accept));
});
