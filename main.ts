/**
 * Starts the gateway: `deno task start`.
 * @module
 */

import { createHandler } from "./src/app.ts";
import { ConfigError, loadConfig } from "./src/config.ts";
import { openPoolWarning } from "./src/keys/open_pool_warning.ts";

try {
  const config = loadConfig();
  const warning = openPoolWarning(config);
  if (warning) console.warn(warning);
  Deno.serve({ port: config.port }, createHandler(config));
} catch (error) {
  if (error instanceof ConfigError) console.error(`Invalid configuration: ${error.message}`);
  else if (error instanceof Deno.errors.AddrInUse) {
    console.error(`Cannot listen: the port is already in use (set PORT to another).`);
  } else throw error;
  Deno.exit(1);
}
