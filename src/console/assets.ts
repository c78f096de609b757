/**
 * The console's files, compiled into the gateway as text imports (stable since Deno 2.8; no
 * file-system access at run time: `deno task start` has no `--allow-read`, and Deno Deploy runs
 * `main.ts` as it is), each with its content type and a strong ETag.
 * @module
 */

import appJs from "./assets/app.js" with { type: "text" };
import chatJs from "./assets/chat.js" with { type: "text" };
import domJs from "./assets/dom.js" with { type: "text" };
import gatewayJs from "./assets/gateway.js" with { type: "text" };
import indexHtml from "./assets/index.html" with { type: "text" };
import liveJs from "./assets/live.js" with { type: "text" };
import markdownJs from "./assets/markdown.js" with { type: "text" };
import setupJs from "./assets/setup.js" with { type: "text" };
import snippetsJs from "./assets/snippets.js" with { type: "text" };
import styleCss from "./assets/style.css" with { type: "text" };
import workletJs from "./assets/worklet.js" with { type: "text" };

/** One file the console serves. */
export interface Asset {
  body: string;
  contentType: string;
  /** A strong ETag derived from the body. */
  etag: string;
}

const JAVASCRIPT = "text/javascript; charset=utf-8";

/** 32-bit FNV-1a hash of a string, as 8 hex digits. */
function fnv1a(text: string): string {
  let value = 0x811c9dc5;
  for (let index = 0; index < text.length; index++) {
    value = Math.imul(value ^ text.charCodeAt(index), 0x01000193);
  }
  return (value >>> 0).toString(16).padStart(8, "0");
}

function asset(body: string, contentType: string): Asset {
  return { body, contentType, etag: `"${fnv1a(body)}-${body.length.toString(36)}"` };
}

/** The console page itself, served at `/`. */
export const INDEX_HTML: Asset = asset(indexHtml, "text/html; charset=utf-8");

/** The files under `/console/`, by name. */
export const CONSOLE_ASSETS: ReadonlyMap<string, Asset> = new Map([
  ["app.js", asset(appJs, JAVASCRIPT)],
  ["chat.js", asset(chatJs, JAVASCRIPT)],
  ["dom.js", asset(domJs, JAVASCRIPT)],
  ["gateway.js", asset(gatewayJs, JAVASCRIPT)],
  ["live.js", asset(liveJs, JAVASCRIPT)],
  ["markdown.js", asset(markdownJs, JAVASCRIPT)],
  ["setup.js", asset(setupJs, JAVASCRIPT)],
  ["snippets.js", asset(snippetsJs, JAVASCRIPT)],
  ["worklet.js", asset(workletJs, JAVASCRIPT)],
  ["style.css", asset(styleCss, "text/css; charset=utf-8")],
]);
