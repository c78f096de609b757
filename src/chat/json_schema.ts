/**
 * JSON Schema → the proto `Schema` Gemini's `responseSchema` and function `parameters` accept.
 *
 * Gemini also takes raw JSON Schema (`responseJsonSchema`, `parametersJsonSchema`); the gateway
 * sends that to every model that supports it ({@linkcode supportsJsonSchema}) and converts to the
 * proto `Schema` only for older models.
 *
 * The conversion inlines `$ref`s to `$defs`/`definitions` (or any `#/…` pointer), turns
 * `{type: "null"}` alternatives and `type: [T, "null"]` into `nullable`, `const` into a one-value
 * `enum`, merges `allOf`, keeps only the keywords the proto knows and drops the rest
 * (`additionalProperties`, `$schema`, `examples`, `exclusiveMinimum`…). A recursive `$ref`
 * cannot be expressed in the proto and is a 400.
 * @module
 */

import type { Schema } from "../gemini/types.ts";
import { isRecord } from "../http/fields.ts";
import { invalidRequest } from "../errors.ts";

/** The largest number of schema nodes one conversion may produce. */
const MAX_NODES = 5000;

/**
 * Whether `model` accepts raw JSON Schema in `responseJsonSchema` and `parametersJsonSchema`:
 * every model except Gemini 1.x, Gemini 2.0 and Gemma.
 */
export function supportsJsonSchema(model: string): boolean {
  return !/^(gemini-1\.|gemini-2\.0|gemma-)/.test(model);
}

/** Converts the JSON Schema `schema` to a proto `Schema`; `param` names it in errors. */
export function toProtoSchema(schema: unknown, param: string): Schema {
  if (!isRecord(schema)) {
    throw invalidRequest(`Invalid '${param}': a JSON Schema must be an object.`, param);
  }
  return new Converter(schema, param).convert(schema, "#", []);
}

const TYPES = ["string", "number", "integer", "boolean", "array", "object", "null"];

const FORMATS: Record<string, string[]> = {
  STRING: ["enum", "date-time"],
  NUMBER: ["float", "double"],
  INTEGER: ["int32", "int64"],
};

const COPIED = [
  "title",
  "description",
  "minItems",
  "maxItems",
  "minProperties",
  "maxProperties",
  "minimum",
  "maximum",
  "minLength",
  "maxLength",
  "pattern",
  "example",
  "default",
] as const;

class Converter {
  #nodes = 0;

  constructor(readonly root: Record<string, unknown>, readonly param: string) {}

  /** Converts `node`, found at `pointer`, while the `$ref`s in `expanding` are being inlined. */
  convert(node: unknown, pointer: string, expanding: string[]): Schema {
    if (++this.#nodes > MAX_NODES) {
      this.fail(`the schema expands to more than ${MAX_NODES} nodes`);
    }
    if (node === true || (isRecord(node) && Object.keys(node).length === 0)) return {};
    if (!isRecord(node)) this.fail(`${pointer} is not a schema object`);
    const flat = this.flatten(node, pointer, expanding);
    return this.translate(flat.node, flat.pointer, flat.expanding);
  }

  /** Inlines `$ref` and merges `allOf`, so the node's own keywords can be read directly. */
  flatten(
    node: Record<string, unknown>,
    pointer: string,
    expanding: string[],
  ): { node: Record<string, unknown>; pointer: string; expanding: string[] } {
    const { $ref, allOf, ...rest } = node;
    let merged: Record<string, unknown> = {};
    if ($ref !== undefined) {
      if (typeof $ref !== "string" || !$ref.startsWith("#")) {
        this.fail(`${pointer}: only local $ref values ("#/…") are supported`);
      }
      if (expanding.includes($ref)) {
        this.fail(
          `${pointer}: the $ref ${$ref} is recursive, which Gemini's schema cannot express`,
        );
      }
      const target = this.resolve($ref, pointer);
      const inner = this.flatten(target, $ref, [...expanding, $ref]);
      merged = inner.node;
      expanding = inner.expanding;
    }
    if (allOf !== undefined) {
      if (!Array.isArray(allOf)) this.fail(`${pointer}/allOf is not an array`);
      allOf.forEach((part, index) => {
        if (!isRecord(part)) this.fail(`${pointer}/allOf/${index} is not a schema object`);
        merged = mergeSchemas(
          merged,
          this.flatten(part, `${pointer}/allOf/${index}`, expanding).node,
        );
      });
    }
    return { node: mergeSchemas(merged, rest), pointer, expanding };
  }

  resolve(ref: string, pointer: string): Record<string, unknown> {
    let target: unknown = this.root;
    for (const token of ref.slice(1).split("/").filter(Boolean)) {
      const key = decodeURIComponent(token).replaceAll("~1", "/").replaceAll("~0", "~");
      target = isRecord(target) || Array.isArray(target)
        ? (target as Record<string, unknown>)[key]
        : undefined;
    }
    if (!isRecord(target)) this.fail(`${pointer}: the $ref ${ref} points to no schema`);
    return target;
  }

  translate(node: Record<string, unknown>, pointer: string, expanding: string[]): Schema {
    const schema: Schema = {};
    let nullable = node.nullable === true;
    let types = this.typesOf(node.type, pointer);
    if (types.includes("null")) {
      nullable = true;
      types = types.filter((type) => type !== "null");
    }
    for (const key of COPIED) {
      if (node[key] !== undefined) (schema as Record<string, unknown>)[key] = node[key];
    }

    const alternatives = [node.anyOf, node.oneOf].flatMap((list, which) => {
      if (list === undefined) return [];
      const name = which === 0 ? "anyOf" : "oneOf";
      if (!Array.isArray(list)) this.fail(`${pointer}/${name} is not an array`);
      return list.map((item, index) => ({ item, pointer: `${pointer}/${name}/${index}` }));
    });
    const options = alternatives.filter(({ item }) => !(isRecord(item) && item.type === "null"));
    if (options.length < alternatives.length) nullable = true;

    if (types.length > 1) {
      schema.anyOf = types.map((type) =>
        this.convert({ ...node, type, anyOf: undefined, oneOf: undefined }, pointer, expanding)
      );
      if (nullable) schema.nullable = true;
      return schema;
    }
    if (types.length === 1) schema.type = types[0].toUpperCase();

    let values: unknown[] | undefined;
    if (node.const !== undefined) values = [node.const];
    else if (Array.isArray(node.enum)) values = node.enum;
    if (values) {
      if (values.includes(null)) nullable = true;
      const present = values.filter((value) => value !== null);
      schema.enum = present.map((value) =>
        typeof value === "string" ? value : JSON.stringify(value)
      );
      if (!present.every((value) => typeof value === "string") || !schema.type) {
        schema.type = "STRING";
      }
    }

    if (typeof node.format === "string" && FORMATS[schema.type ?? ""]?.includes(node.format)) {
      schema.format = node.format;
    }

    if (schema.type === "ARRAY" || (!schema.type && node.items !== undefined)) {
      const items = Array.isArray(node.items) ? node.items : node.items ?? node.prefixItems;
      if (Array.isArray(items)) {
        if (items.length === 1) {
          schema.items = this.convert(items[0], `${pointer}/items/0`, expanding);
        } else if (items.length > 1) {
          schema.items = {
            anyOf: items.map((item, index) =>
              this.convert(item, `${pointer}/items/${index}`, expanding)
            ),
          };
        }
      } else if (items !== undefined) {
        schema.items = this.convert(items, `${pointer}/items`, expanding);
      }
      if (!schema.type) schema.type = "ARRAY";
    }

    if (node.properties !== undefined) {
      if (!isRecord(node.properties)) this.fail(`${pointer}/properties is not an object`);
      schema.properties = Object.fromEntries(
        Object.entries(node.properties).map(([name, property]) => [
          name,
          this.convert(property, `${pointer}/properties/${name}`, expanding),
        ]),
      );
      if (!schema.type) schema.type = "OBJECT";
    }
    if (Array.isArray(node.required)) {
      schema.required = node.required.filter((name): name is string => typeof name === "string");
    }
    if (Array.isArray(node.propertyOrdering)) schema.propertyOrdering = node.propertyOrdering;

    if (options.length === 1 && !schema.anyOf) {
      const only = this.convert(options[0].item, options[0].pointer, expanding);
      Object.assign(schema, { ...only, ...schema });
    } else if (options.length > 1) {
      const converted = options.map((option) =>
        this.convert(option.item, option.pointer, expanding)
      );
      schema.anyOf = schema.anyOf ? [...schema.anyOf, ...converted] : converted;
    }
    if (nullable) schema.nullable = true;
    return schema;
  }

  /** The node's types, lowercase and without duplicates. */
  typesOf(type: unknown, pointer: string): string[] {
    if (type === undefined) return [];
    const list: unknown[] = Array.isArray(type) ? type : [type];
    return [
      ...new Set(list.map((item) => {
        if (typeof item !== "string" || !TYPES.includes(item.toLowerCase())) {
          this.fail(`${pointer}/type has an unknown type ${JSON.stringify(item)}`);
        }
        return item.toLowerCase();
      })),
    ];
  }

  fail(message: string): never {
    throw invalidRequest(
      `Invalid '${this.param}': ${message}. Gemini's schema format cannot represent it.`,
      this.param,
    );
  }
}

/** `a` and `b` merged: `b` wins, except `properties` (united) and `required` (concatenated). */
function mergeSchemas(
  a: Record<string, unknown>,
  b: Record<string, unknown>,
): Record<string, unknown> {
  const merged = { ...a, ...b };
  if (isRecord(a.properties) && isRecord(b.properties)) {
    merged.properties = { ...a.properties, ...b.properties };
  }
  if (Array.isArray(a.required) && Array.isArray(b.required)) {
    merged.required = [...new Set([...a.required, ...b.required])];
  }
  return merged;
}
