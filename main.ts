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
  if (error instanceof ConfigError) console.error(`Invalid configuration: ${error.message}`);
  else if (error instanceof Deno.errors.AddrInUse) {
    console.error(`Cannot listen: the port is already in use (set PORT to another).`);
  } else throw error;
  Deno.exit(1);
}
