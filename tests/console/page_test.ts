import assert from "node:assert/strict";
import type { Page } from "npm:puppeteer-core@25.16.0";
import { type Gateway, startGateway } from "../helpers/harness.ts";
import { browserSkipReason, launchBrowser, screenshot } from "./browser.ts";

// Page-side code is written as strings: the tests are type-checked without the DOM library.

const ignore = browserSkipReason() !== undefined;

/** The value of a JavaScript expression in the page. */
function value<T>(page: Page, expression: string): Promise<T> {
  return page.evaluate(expression) as Promise<T>;
}

/** Waits until a JavaScript expression is true in the page. */
async function until(page: Page, expression: string, timeout = 15_000): Promise<void> {
  await page.waitForFunction(expression, { timeout });
}

/** Opens the console with `key` entered, on `tab`. */
async function openConsole(page: Page, gateway: Gateway, tab: string, key = "test-key") {
  await page.goto(`${gateway.url}/#${tab}`);
  await until(page, `document.getElementById("setup-status").dataset.kind === "ok"`);
  if (key) {
    await page.type("#key", key);
    await page.keyboard.press("Tab");
  }
}

/** Sends `text` in the chat and waits for the answer to finish; returns the answer's text. */
async function chat(page: Page, text: string): Promise<string> {
  const done = `document.querySelectorAll(".message.assistant[data-done]").length`;
  const before = await value<number>(page, done);
  await page.type("#chat-input", text);
  await page.keyboard.press("Enter");
  await until(page, `${done} > ${before}`);
  return await value(page, `document.querySelector(".message.assistant:last-child").textContent`);
}

Deno.test({
  name: "the console loads without console errors, shows the set-up and lists the models",
  ignore,
  async fn() {
    await using gateway = await startGateway();
    await using browser = await launchBrowser();
    const { page, errors } = await browser.page();
    await openConsole(page, gateway, "setup");
    const apis = await value<string[]>(
      page,
      `[...document.querySelectorAll("#setup-apis li")].map((item) => item.dataset.api)`,
    );
    assert.ok(apis.includes("openai") && apis.includes("live"), String(apis));
    const snippets = await value<string>(
      page,
      `document.getElementById("setup-snippets").textContent`,
    );
    assert.ok(snippets.includes(`${gateway.url}/v1`), snippets);
    assert.match(await value(page, `document.getElementById("version").textContent`), /^v\d+\.\d+/);
    await screenshot(page, "setup-desktop");
    await page.click('nav [data-tab="chat"]');
    await until(page, `document.getElementById("chat-model").options.length > 0`);
    const models = await value<string[]>(
      page,
      `[...document.getElementById("chat-model").options].map((option) => option.value)`,
    );
    assert.ok(models.includes("gemini-flash-latest"), String(models));
    assert.ok(!models.some((id) => id.includes("embedding")), String(models));
    assert.equal(
      await value(page, `document.getElementById("chat-model").value`),
      "gemini-flash-latest",
    );
    assert.deepEqual(errors, []);
  },
});
