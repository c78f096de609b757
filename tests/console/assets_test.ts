import assert from "node:assert/strict";
import { CONSOLE_ASSETS, INDEX_HTML } from "../../src/console/assets.ts";

const files = [INDEX_HTML, ...CONSOLE_ASSETS.values()];

Deno.test("the whole console weighs under 100 KB", () => {
  const bytes = files.reduce((sum, file) => sum + new TextEncoder().encode(file.body).length, 0);
  assert.ok(bytes < 100_000, `${bytes} bytes`);
});

Deno.test("every file the page or a module loads is served, and nothing from elsewhere", () => {
  const references = [
    ...INDEX_HTML.body.matchAll(/(?:src|href)="([^"]+)"/g),
  ].map((match) => match[1]).filter((url) => !url.startsWith("data:"));
  for (const [name, asset] of CONSOLE_ASSETS) {
    for (const match of asset.body.matchAll(/from "\.\/([\w.-]+)"/g)) {
      references.push(`/console/${match[1]}`);
    }
    for (const match of asset.body.matchAll(/addModule\("([^"]+)"\)/g)) references.push(match[1]);
    assert.ok(!/https?:\/\//.test(asset.body), `${name} names no other host`);
  }
  assert.ok(references.length > 0);
  for (const url of references) {
    assert.match(url, /^\/console\//, url);
    assert.ok(CONSOLE_ASSETS.has(url.slice("/console/".length)), url);
  }
});

Deno.test("the page has no inline script and the scripts never parse HTML from strings", () => {
  assert.ok(!/<script(?![^>]*\bsrc=)/.test(INDEX_HTML.body));
  assert.ok(!/\bon\w+="/.test(INDEX_HTML.body));
  for (const [name, asset] of CONSOLE_ASSETS) {
    assert.ok(
      !/innerHTML|outerHTML|insertAdjacentHTML|document\.write|DOMParser|eval\(|new Function/.test(
        asset.body,
      ),
      name,
    );
  }
});

Deno.test("each file has its content type and an ETag that follows its content", () => {
  assert.match(INDEX_HTML.contentType, /^text\/html/);
  assert.match(CONSOLE_ASSETS.get("style.css")!.contentType, /^text\/css/);
  assert.match(CONSOLE_ASSETS.get("app.js")!.contentType, /^text\/javascript/);
  const tags = files.map((file) => file.etag);
  assert.equal(new Set(tags).size, tags.length);
  for (const tag of tags) assert.match(tag, /^"[0-9a-f]{8}-[0-9a-z]+"$/);
});
