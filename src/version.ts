/**
 * The gateway's own version, shown by the console and the JSON description at `/`.
 * @module
 */

/** The gateway's version (semantic versioning). */
export const GATEWAY_VERSION = "1.0.0";
