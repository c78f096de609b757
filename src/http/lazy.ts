/**
 * Handlers loaded on first use, so that starting the gateway loads only what a request needs:
 * a route table names its handler as `lazy(() => import("./handler.ts"), "handleX")`.
 * @module
 */

import type { Handler } from "./route.ts";

/** The names of `Module`'s exports that are route handlers. */
export type HandlerName<Module> = {
  [Name in keyof Module]: Module[Name] extends Handler ? Name : never;
}[keyof Module];

/**
 * The handler `name` of the module `load` imports, imported on its first request; later
 * requests call it directly. A failed import is retried on the next request.
 */
export function lazy<Module>(load: () => Promise<Module>, name: HandlerName<Module>): Handler {
  let handler: Handler | undefined;
  let loading: Promise<Handler> | undefined;
  return (request, context) => {
    if (handler) return handler(request, context);
    loading ??= load().then(
      (module) => handler = module[name] as Handler,
      (error) => {
        loading = undefined;
        throw error;
      },
    );
    return loading.then((loaded) => loaded(request, context));
  };
}
