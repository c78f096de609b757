/**
 * Typed readers for the untrusted JSON of a request body.
 *
 * Every reader names the offending field the way OpenAI does (`messages[2].content[0].text`,
 * `tools[0].function.parameters`) in the 400 it throws.
 * @module
 */

import { type GatewayError, invalidRequest } from "../core/errors.ts";

/** A value read from the request body, with the path that names it in errors. */
export interface Field {
  value: unknown;
  param: string;
}

/** Bounds a number must stay within, both inclusive. */
export interface Range {
  min?: number;
  max?: number;
}

/** True for a JSON object (not an array, not null). */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** The path of `key` inside `parent`: `a.b` for names, `a[0]` for indices. */
export function childParam(parent: string, key: string | number): string {
  if (typeof key === "number") return `${parent}[${key}]`;
  return parent ? `${parent}.${key}` : key;
}

/** The field `key` of `record`, with `null` read as absent. */
export function fieldOf(record: Record<string, unknown>, key: string, parent = ""): Field {
  return { value: record[key] ?? undefined, param: childParam(parent, key) };
}

/** Reads `value`, or `undefined` when it is absent or `null`. */
export function optional<T>(
  value: unknown,
  param: string,
  read: (value: unknown, param: string) => T,
): T | undefined {
  return value === undefined || value === null ? undefined : read(value, param);
}

/** A 400 for a required field that is absent. */
export function missing(param: string): GatewayError {
  return invalidRequest(
    `Missing required parameter: '${param}'.`,
    param,
    "missing_required_parameter",
  );
}

/** A 400 for a field of the wrong type. */
export function wrongType(param: string, expected: string, value: unknown): GatewayError {
  return invalidRequest(
    `Invalid type for '${param}': expected ${expected}, but got ${describe(value)} instead.`,
    param,
    "invalid_type",
  );
}

/** A 400 for a field whose value is not allowed. */
export function invalidValue(param: string, message: string): GatewayError {
  return invalidRequest(`Invalid '${param}': ${message}`, param, "invalid_value");
}

/** Reads a string. */
export function readString(value: unknown, param: string): string {
  if (value === undefined || value === null) throw missing(param);
  if (typeof value !== "string") throw wrongType(param, "a string", value);
  return value;
}

/** Reads a boolean. */
export function readBoolean(value: unknown, param: string): boolean {
  if (value === undefined || value === null) throw missing(param);
  if (typeof value !== "boolean") throw wrongType(param, "a boolean", value);
  return value;
}

/** Reads an object. */
export function readRecord(value: unknown, param: string): Record<string, unknown> {
  if (value === undefined || value === null) throw missing(param);
  if (!isRecord(value)) throw wrongType(param, "an object", value);
  return value;
}

/** Reads an array. */
export function readArray(value: unknown, param: string): unknown[] {
  if (value === undefined || value === null) throw missing(param);
  if (!Array.isArray(value)) throw wrongType(param, "an array", value);
  return value;
}

/** Reads a finite number within `range`. */
export function readNumber(value: unknown, param: string, range: Range = {}): number {
  if (value === undefined || value === null) throw missing(param);
  if (typeof value !== "number" || !Number.isFinite(value)) {
    throw wrongType(param, "a number", value);
  }
  return inRange(value, param, range);
}

/** Reads an integer within `range`. */
export function readInteger(value: unknown, param: string, range: Range = {}): number {
  if (value === undefined || value === null) throw missing(param);
  if (typeof value !== "number" || !Number.isInteger(value)) {
    throw wrongType(param, "an integer", value);
  }
  return inRange(value, param, range);
}

function inRange(value: number, param: string, { min, max }: Range): number {
  if (min !== undefined && value < min) {
    throw invalidValue(param, `expected a value >= ${min}, but got ${value} instead.`);
  }
  if (max !== undefined && value > max) {
    throw invalidValue(param, `expected a value <= ${max}, but got ${value} instead.`);
  }
  return value;
}

function describe(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "an array";
  if (typeof value === "number") return Number.isInteger(value) ? "an integer" : "a decimal";
  if (typeof value === "object") return "an object";
  return `a ${typeof value}`;
}

/**
 * A reader of Gemini-specific options: `google.<key>` first (where the openai SDKs put
 * `extra_body` keys), then a literal `extra_body.google.<key>`, each under its snake_case or
 * camelCase name; with `topLevel`, the body's own `<key>` before both. `null` counts as absent.
 */
export function googleOptions(
  body: Record<string, unknown>,
  { topLevel = false } = {},
): (key: string) => Field | undefined {
  const extra = optional(body.extra_body, "extra_body", readRecord);
  const sources = [
    ...topLevel ? [{ record: body, param: "" }] : [],
    { record: optional(body.google, "google", readRecord), param: "google" },
    {
      record: optional(extra?.google, "extra_body.google", readRecord),
      param: "extra_body.google",
    },
  ];
  return (key) => {
    const camel = camelCase(key);
    for (const { record, param } of sources) {
      if (!record) continue;
      let value = record[key];
      if (value !== undefined && value !== null) return { value, param: childParam(param, key) };
      value = record[camel];
      if (value !== undefined && value !== null) return { value, param: childParam(param, camel) };
    }
    return undefined;
  };
}

/** camelCase names of the option keys asked for so far (the gateway's own, a fixed few). */
const CAMEL_CASE = new Map<string, string>();

/** `thinking_config` → `thinkingConfig`, computed once per key. */
function camelCase(key: string): string {
  let camel = CAMEL_CASE.get(key);
  if (camel === undefined) {
    camel = key.replace(/_([a-z])/g, (_, letter: string) => letter.toUpperCase());
    CAMEL_CASE.set(key, camel);
  }
  return camel;
}
