/**
 * Headless Chromium for the console's tests (Debian's `chromium`, driven by `puppeteer-core`):
 * a fresh profile per browser, a fake microphone and camera, console errors collected, and
 * screenshots written under `test-output/console/`.
 * @module
 */

import puppeteer, { type Browser, type Page } from "npm:puppeteer-core@25.16.0";

/** Where Debian's package puts Chromium (`.ci/run` installs it when missing). */
export const CHROMIUM = "/usr/bin/chromium";

/** The folder the screenshots go to. */
export const SCREENSHOTS = "test-output/console";

/** Phone and desktop viewports for the screenshots. */
export const VIEWPORTS = {
  desktop: { width: 1280, height: 900 },
  phone: { width: 390, height: 844, isMobile: true, hasTouch: true, deviceScaleFactor: 2 },
} as const;

const ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--use-fake-device-for-media-stream",
  "--use-fake-ui-for-media-stream",
];

/**
 * Why the browser tests cannot run, or `undefined` when they can. Chromium missing is a failure
 * unless `.ci/run` tried to install it and said why it could not (`CONSOLE_BROWSER_UNAVAILABLE`):
 * then the tests are skipped with that reason printed.
 */
export function browserSkipReason(): string | undefined {
  try {
    Deno.statSync(CHROMIUM);
  } catch {
    const reason = Deno.env.get("CONSOLE_BROWSER_UNAVAILABLE");
    if (reason) {
      console.warn(`SKIPPING the console's browser tests: ${CHROMIUM} is missing (${reason}).`);
      return reason;
    }
    throw new Error(
      `${CHROMIUM} is missing: the console's browser tests need Debian's chromium ` +
        "(apt-get install -y chromium; .ci/run installs it).",
    );
  }
  const run = Deno.permissions.querySync({ name: "run", command: CHROMIUM }).state;
  const write = Deno.permissions.querySync({ name: "write", path: SCREENSHOTS }).state;
  if (run !== "granted" || write !== "granted") {
    throw new Error(
      `The console's browser tests need --allow-run=${CHROMIUM} --allow-write=test-output: run ` +
        "them with `deno task test`, which grants both.",
    );
  }
  return undefined;
}

/** A browser with a fresh profile, closed and its profile removed on dispose. */
export interface TestBrowser extends AsyncDisposable {
  browser: Browser;
  /**
   * A new page (the others closed) whose console errors and uncaught exceptions land in
   * `errors`.
   */
  page(viewport?: keyof typeof VIEWPORTS): Promise<{ page: Page; errors: string[] }>;
}

/** Launches headless Chromium with a fake microphone and camera. */
export async function launchBrowser(): Promise<TestBrowser> {
  await Deno.mkdir(`${SCREENSHOTS}/profiles`, { recursive: true });
  const profile = await Deno.makeTempDir({ dir: `${SCREENSHOTS}/profiles` });
  const browser = await puppeteer.launch({
    executablePath: CHROMIUM,
    userDataDir: profile,
    headless: true,
    args: ARGS,
  });
  return {
    browser,
    async page(viewport = "desktop") {
      for (const open of await browser.pages()) await open.close();
      const page = await browser.newPage();
      await page.bringToFront();
      await page.setViewport(VIEWPORTS[viewport]);
      const errors: string[] = [];
      page.on("console", (message) => {
        if (message.type() === "error") errors.push(message.text());
      });
      page.on("pageerror", (error) => errors.push(String(error)));
      return { page, errors };
    },
    async [Symbol.asyncDispose]() {
      await browser.close();
      await Deno.remove(profile, { recursive: true }).catch(() => {});
    },
  };
}

/** Saves a screenshot of `page` as `SCREENSHOTS/name.png` and prints its path. */
export async function screenshot(page: Page, name: string): Promise<void> {
  await Deno.mkdir(SCREENSHOTS, { recursive: true });
  const path = `${SCREENSHOTS}/${name}.png` as const;
  await page.screenshot({ path, fullPage: true });
  console.log(`screenshot: ${Deno.cwd()}/${path}`);
}
