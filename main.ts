/**
 * Starts the gateway: `deno task start`.
 * @module
 */

import { createHandler } from "./src/app.ts";
import { ConfigError, loadConfig } from "./src/config.ts";

try {
  const config = loadConfig();
  Deno.serve({ port: config.port }, createHandler(config));
} catch (error) {
  if (!(error instanceof ConfigError)) throw error;
  console.error(`Invalid configuration: ${error.message}`);
  Deno.exit(1);
}
