/**
 * Reading a `multipart/form-data` body as the JSON field readers expect: text fields as strings
 * (arrays for `name[]` or repeated names), files apart; and readers for the numbers and booleans
 * a form can only send as text.
 * @module
 */

import { missing, type Range, readBoolean, readInteger, readNumber, wrongType } from "./fields.ts";

/** A file of a form, with the field path that names it in errors. */
export interface FormFile {
  file: File;
  param: string;
}

/** A form's text fields (by name, without `[]`) and its files (likewise). */
export interface FormFields {
  values: Record<string, string | string[]>;
  files: Record<string, FormFile[]>;
}

/**
 * Splits `form` into its text fields and its files. A name ending in `[]` (how the openai SDKs
 * send arrays) or given more than once is an array; files are kept under the name without `[]`,
 * each named `name[i]` in errors when there are several.
 */
export function formFields(form: FormData): FormFields {
  const values: Record<string, string | string[]> = {};
  const files: Record<string, File[]> = {};
  for (const [key, value] of form) {
    const name = key.endsWith("[]") ? key.slice(0, -2) : key;
    if (typeof value !== "string") {
      (files[name] ??= []).push(value);
      continue;
    }
    const previous = values[name];
    if (previous === undefined) values[name] = key.endsWith("[]") ? [value] : value;
    else values[name] = [...(Array.isArray(previous) ? previous : [previous]), value];
  }
  return {
    values,
    files: Object.fromEntries(
      Object.entries(files).map(([name, list]) => [
        name,
        list.map((file, index) => ({ file, param: list.length > 1 ? `${name}[${index}]` : name })),
      ]),
    ),
  };
}

const INTEGER = /^\s*-?\d+\s*$/;
const NUMBER = /^\s*-?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?\s*$/;

/** Reads an integer within `range`, given as a JSON number or as a form's decimal text. */
export function readFormInteger(value: unknown, param: string, range: Range = {}): number {
  if (typeof value === "string") {
    if (!INTEGER.test(value)) throw wrongType(param, "an integer", value);
    return readInteger(Number(value), param, range);
  }
  return readInteger(value, param, range);
}

/** Reads a number within `range`, given as a JSON number or as a form's decimal text. */
export function readFormNumber(value: unknown, param: string, range: Range = {}): number {
  if (typeof value === "string") {
    if (!NUMBER.test(value)) throw wrongType(param, "a number", value);
    return readNumber(Number(value), param, range);
  }
  return readNumber(value, param, range);
}

/** Reads a boolean, given as JSON or as a form's `true` / `false`. */
export function readFormBoolean(value: unknown, param: string): boolean {
  if (value === undefined || value === null) throw missing(param);
  if (typeof value === "string") {
    const text = value.trim().toLowerCase();
    if (text === "true") return true;
    if (text === "false") return false;
    throw wrongType(param, "a boolean", value);
  }
  return readBoolean(value, param);
}
