/**
 * Installs an agent CLI from npm for the end-to-end tests, once, into a cache outside the
 * repository (`$GATEWAY_TEST_CLI_CACHE`, else `~/.cache/gateway-test-clis`), one directory per
 * package and version.
 * @module
 */

/**
 * The path of `bin` of `name@version`, installed if need be; `undefined` when the agent CLI tests
 * are skipped ({@linkcode SKIP_AGENT_CLIS}) or the install fails (no network), said loudly on
 * stderr so that tests ignored for it never pass silently.
 */
export async function availableCli(
  name: string,
  version: string,
  bin: string,
): Promise<string | undefined> {
  if (agentClisSkipped()) {
    console.warn(
      `NOT TESTED: ${name}@${version}: ${SKIP_AGENT_CLIS} is set; its tests are ignored.`,
    );
    return undefined;
  }
  try {
    return await installCli(name, version, bin);
  } catch (error) {
    console.warn(
      `NOT TESTED: ${name}@${version}: its tests are ignored: ${(error as Error).message}`,
    );
    return undefined;
  }
}

/** The environment variable that skips the agent CLI tests (offline machines), explicitly. */
export const SKIP_AGENT_CLIS = "SKIP_AGENT_CLIS";

/** Whether the agent CLI tests are to be skipped (`SKIP_AGENT_CLIS=1`). */
export function agentClisSkipped(): boolean {
  return ["1", "true", "yes"].includes((Deno.env.get(SKIP_AGENT_CLIS) ?? "").toLowerCase());
}

function cacheDir(): string {
  const custom = Deno.env.get("GATEWAY_TEST_CLI_CACHE");
  if (custom) return custom;
  const home = Deno.env.get("HOME") ?? Deno.env.get("USERPROFILE");
  if (!home) throw new Error("no HOME to put the CLI cache in: set GATEWAY_TEST_CLI_CACHE");
  return `${home}/.cache/gateway-test-clis`;
}

async function exists(path: string): Promise<boolean> {
  try {
    await Deno.stat(path);
    return true;
  } catch {
    return false;
  }
}

const installs = new Map<string, Promise<string>>();

/**
 * The path of `bin` of the npm package `name@version`, installed first if it is not yet (once
 * per test run). Throws with npm's output and the way to skip when the install fails (no
 * network, no npm).
 */
export function installCli(name: string, version: string, bin: string): Promise<string> {
  const key = `${name}@${version}/${bin}`;
  let installed = installs.get(key);
  if (!installed) {
    installed = install(name, version, bin);
    installs.set(key, installed);
  }
  return installed;
}

async function install(name: string, version: string, bin: string): Promise<string> {
  const prefix = `${cacheDir()}/${name.replace("/", "+")}@${version}`;
  const path = `${prefix}/node_modules/.bin/${bin}`;
  if (await exists(path)) return path;
  await Deno.mkdir(prefix, { recursive: true });
  let output: Deno.CommandOutput;
  try {
    output = await new Deno.Command("npm", {
      args: ["install", "--prefix", prefix, "--no-audit", "--no-fund", `${name}@${version}`],
      stdout: "piped",
      stderr: "piped",
    }).output();
  } catch (error) {
    throw new Error(
      `could not run npm to install ${name}@${version} (${error}); ` +
        `set ${SKIP_AGENT_CLIS}=1 to skip the agent CLI tests`,
    );
  }
  if (!output.success || !await exists(path)) {
    const log = new TextDecoder().decode(output.stderr).slice(-2000);
    throw new Error(
      `npm could not install ${name}@${version} into ${prefix} (no network?); ` +
        `set ${SKIP_AGENT_CLIS}=1 to skip the agent CLI tests.\n${log}`,
    );
  }
  return path;
}
