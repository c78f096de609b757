/**
 * The warning printed at start when the server's keys serve anyone who can reach the gateway.
 * @module
 */

import type { Config } from "../config.ts";

/** The warning for server keys without access tokens; `undefined` when there is nothing to say. */
export function openPoolWarning(
  config: Pick<Config, "geminiApiKeys" | "accessTokens">,
): string | undefined {
  if (!config.geminiApiKeys.length || config.accessTokens.length) return undefined;
  const count = config.geminiApiKeys.length;
  const keys = `${count} server Gemini key${count === 1 ? "" : "s"}`;
  const rule = "!".repeat(78);
  return `${rule}\nWARNING: ${keys} and no ACCESS_TOKENS: anyone who can reach this ` +
    "gateway spends\nyour Gemini quota. Set ACCESS_TOKENS unless only trusted clients can reach " +
    `it.\n${rule}`;
}
