import fc from 'fast-check';
import type { OpenAPIObject } from '@nestjs/swagger';

type Schema = Record<string, any>;

/** One write endpoint with a JSON body, as the OpenAPI document describes it. */
export interface JsonWriteOperation {
  method: string;
  /** OpenAPI path template, `/api/v1/spaces/{ref}`. */
  template: string;
  schema: Schema;
}

/** A request body to send: JSON of a value, or raw text/bytes (broken JSON, wrong content type). */
export type FuzzBody =
  { kind: 'json'; value: unknown } | { kind: 'raw'; text: string | Uint8Array; contentType: string };

const WRITE_METHODS = ['post', 'put', 'patch', 'delete'];

/** Resolves `$ref` and flattens `allOf`, so generators see plain schemas. */
export function resolveSchema(doc: OpenAPIObject, schema: Schema | undefined): Schema {
  if (!schema) return {};
  if (typeof schema.$ref === 'string') {
    const name = schema.$ref.split('/').pop()!;
    return resolveSchema(doc, (doc.components?.schemas as Record<string, Schema>)[name]);
  }
  if (Array.isArray(schema.allOf)) {
    return schema.allOf.reduce(
      (merged: Schema, part: Schema) => {
        const r = resolveSchema(doc, part);
        return {
          ...merged,
          ...r,
          properties: { ...merged.properties, ...r.properties },
          required: [...(merged.required ?? []), ...(r.required ?? [])],
        };
      },
      { ...schema, allOf: undefined },
    );
  }
  return schema;
}

/** Every POST/PUT/PATCH/DELETE whose request body is JSON. */
export function jsonWriteOperations(doc: OpenAPIObject): JsonWriteOperation[] {
  const ops: JsonWriteOperation[] = [];
  for (const [template, item] of Object.entries(doc.paths)) {
    for (const method of WRITE_METHODS) {
      const op = (item as Record<string, any>)[method];
      const schema = op?.requestBody?.content?.['application/json']?.schema;
      if (schema) ops.push({ method: method.toUpperCase(), template, schema: resolveSchema(doc, schema) });
    }
  }
  return ops.sort((a, b) => `${a.template} ${a.method}`.localeCompare(`${b.template} ${b.method}`));
}

// --- values that break things -----------------------------------------------------------------------

const HUGE = 'x'.repeat(20_000);
/** Values known to trip parsers, validators, drivers and databases. */
const NASTY_VALUES: unknown[] = [
  null,
  true,
  false,
  0,
  -1,
  -0,
  0.5,
  1e308,
  -1e308,
  2 ** 53 + 1,
  '',
  ' ',
  'NaN',
  'Infinity',
  '-1',
  '1e400',
  '0x1F',
  '\u0000',
  'a\u0000b',
  '\ud800',
  '\udfff\ud800',
  '😀👩‍👩‍👧‍👦',
  'ﷺ̴̡̛̗͍̟̯̫̈́̈́͊͂',
  "' OR 1=1 --",
  '"; DROP TABLE spaces; --',
  '{{constructor.constructor("return process")()}}',
  '<script>alert(1)</script>',
  '../../../../etc/passwd',
  '=cmd|"/c calc"!A1',
  '2024-02-30',
  '2024-13-01',
  '0000-00-00',
  '9999-12-31',
  '+275760-09-13',
  '2024-W99',
  '2024-1-1',
  '2024-01-01T00:00:00Z',
  HUGE,
  [],
  [null],
  [HUGE],
  {},
  { $gt: '' },
  JSON.parse('{"__proto__": {"admin": true}}'),
  Array.from({ length: 1000 }, (_, i) => i),
];

const nastyValue = (): fc.Arbitrary<unknown> =>
  fc.oneof(
    { weight: 3, arbitrary: fc.constantFrom(...NASTY_VALUES) },
    { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 3 }) },
    { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
    { weight: 1, arbitrary: fc.double() },
    { weight: 1, arbitrary: fc.integer() },
  );

// --- schema-shaped values -------------------------------------------------------------------------

const SAMPLE_DATES = ['2024-01-08', '2023-06-30', '2016-03-01', '2024-12-31'];

/** A value of the schema's shape, often valid, so that mutations reach the deeper checks. */
export function shaped(doc: OpenAPIObject, raw: Schema | undefined, depth = 0): fc.Arbitrary<unknown> {
  const schema = resolveSchema(doc, raw);
  const base = baseShape(doc, schema, depth);
  return schema.nullable
    ? fc.oneof({ weight: 5, arbitrary: base }, { weight: 1, arbitrary: fc.constant(null) })
    : base;
}

function baseShape(doc: OpenAPIObject, schema: Schema, depth: number): fc.Arbitrary<unknown> {
  if (Array.isArray(schema.enum)) return fc.constantFrom(...schema.enum);
  const example = schema.example !== undefined ? [fc.constant(schema.example)] : [];
  switch (schema.type) {
    case 'string': {
      if (schema.format === 'date') return fc.constantFrom(...SAMPLE_DATES);
      if (schema.format === 'email') return fc.constantFrom('fuzz@example.be', 'x@y.be');
      if (schema.format === 'uuid') return fc.uuid();
      const text =
        schema.pattern && depth < 3
          ? fc.stringMatching(new RegExp(schema.pattern))
          : fc.string({ maxLength: Math.min(schema.maxLength ?? 30, 30) });
      return example.length ? fc.oneof(example[0], text) : text;
    }
    case 'number':
    case 'integer': {
      const min = schema.minimum ?? -1000;
      const max = schema.maximum ?? 100_000;
      return fc.oneof(
        ...example,
        fc.integer({ min: Math.ceil(min), max: Math.floor(max) }),
        fc.double({ min, max, noNaN: true }),
      );
    }
    case 'boolean':
      return fc.boolean();
    case 'array': {
      if (depth > 3) return fc.constant([]);
      const maxLength = Math.min(schema.maxItems ?? 3, 3);
      return fc.oneof(...example, fc.array(shaped(doc, schema.items, depth + 1), { maxLength }));
    }
    case 'object':
    default: {
      const properties: Record<string, Schema> = schema.properties ?? {};
      if (depth > 3 || Object.keys(properties).length === 0) return fc.constant({});
      const model = Object.fromEntries(
        Object.entries(properties).map(([key, prop]) => [key, shaped(doc, prop, depth + 1)]),
      );
      return fc.record(model, {
        requiredKeys: (schema.required ?? []).filter((k: string) => k in properties),
      });
    }
  }
}

// --- malformed bodies -----------------------------------------------------------------------------

/** A value the schema does not allow for this property (type, range, length, format, enum). */
function brokenProperty(schema: Schema): fc.Arbitrary<unknown> {
  const targeted: fc.Arbitrary<unknown>[] = [];
  if (Array.isArray(schema.enum))
    targeted.push(
      fc.constantFrom('not-a-choice', `${schema.enum[0]} `, String(schema.enum[0]).toUpperCase()),
    );
  if (typeof schema.minimum === 'number')
    targeted.push(fc.constantFrom(schema.minimum - 1, schema.minimum - 0.001));
  if (typeof schema.maximum === 'number')
    targeted.push(fc.constantFrom(schema.maximum + 1, schema.maximum + 0.001));
  if (typeof schema.maxLength === 'number') targeted.push(fc.constant('y'.repeat(schema.maxLength + 1)));
  if (schema.type === 'number' || schema.type === 'integer')
    targeted.push(fc.constantFrom('12', '1,5', 1.5, -5, 1e21));
  if (schema.format === 'date')
    targeted.push(fc.constantFrom('2024-02-30', '24-01-01', '2024/01/01', '20240101'));
  if (!schema.nullable) targeted.push(fc.constant(null));
  return targeted.length ? fc.oneof(fc.oneof(...targeted), nastyValue()) : nastyValue();
}

/** Broken JSON texts and bodies of the wrong kind. */
function rawBody(doc: OpenAPIObject, schema: Schema): fc.Arbitrary<FuzzBody> {
  const json = 'application/json';
  return fc.oneof(
    shaped(doc, schema).map((v) => {
      const text = JSON.stringify(v) ?? 'null';
      return { kind: 'raw' as const, text: text.slice(0, Math.max(1, text.length - 1)), contentType: json };
    }),
    shaped(doc, schema).map((v) => ({
      kind: 'raw' as const,
      text: `${JSON.stringify(v)}}garbage`,
      contentType: json,
    })),
    fc
      .constantFrom(
        '',
        '{',
        '}',
        '{"a":',
        '[',
        'nul',
        'undefined',
        '{"version": 1, "version": "x"}',
        '{"__proto__": {"isAdmin": true}}',
        '{"constructor": {"prototype": {"isAdmin": true}}}',
        `${'['.repeat(5000)}${']'.repeat(5000)}`,
        `{"a":${'{"a":'.repeat(2000)}1${'}'.repeat(2001)}`,
        '\ufeff{}',
        '{"x": "\\ud800"}',
        '{"x": "\\u0000"}',
      )
      .map((text) => ({ kind: 'raw' as const, text, contentType: json })),
    fc
      .uint8Array({ maxLength: 200 })
      .map((bytes) => ({ kind: 'raw' as const, text: bytes, contentType: json })),
    shaped(doc, schema).chain((v) =>
      fc
        .constantFrom(
          'text/plain',
          'application/xml',
          'application/x-www-form-urlencoded',
          'application/json; charset=latin1',
          'text/csv',
        )
        .map((contentType) => ({ kind: 'raw' as const, text: JSON.stringify(v) ?? '', contentType })),
    ),
  );
}

/**
 * Malformed bodies for one operation: a schema-shaped object with one required field dropped, one
 * field given a forbidden value, an unknown field added, or a value that is not an object at all;
 * or a body that is not valid JSON, or not JSON.
 */
export function malformedBody(doc: OpenAPIObject, raw: Schema): fc.Arbitrary<FuzzBody> {
  const schema = resolveSchema(doc, raw);
  const properties: Record<string, Schema> = schema.properties ?? {};
  const keys = Object.keys(properties);
  const required: string[] = (schema.required ?? []).filter((k: string) => k in properties);
  const object = shaped(doc, schema) as fc.Arbitrary<Record<string, unknown>>;
  const json = (value: unknown): FuzzBody => ({ kind: 'json', value });
  const variants: Array<fc.WeightedArbitrary<FuzzBody>> = [];
  if (required.length > 0) {
    variants.push({
      weight: 2,
      arbitrary: fc.tuple(object, fc.constantFrom(...required)).map(([o, key]) => {
        const { [key]: _dropped, ...rest } = o;
        return json(rest);
      }),
    });
  }
  if (keys.length > 0) {
    variants.push({
      weight: 5,
      arbitrary: fc
        .constantFrom(...keys)
        .chain((key) =>
          fc.tuple(object, fc.constant(key), brokenProperty(resolveSchema(doc, properties[key]))),
        )
        .map(([o, key, value]) => json({ ...o, [key]: value })),
    });
  }
  if (keys.length >= 2) {
    variants.push({
      weight: 1,
      arbitrary: fc
        .tuple(
          object,
          fc.uniqueArray(fc.constantFrom(...keys), { minLength: 2, maxLength: Math.max(2, keys.length) }),
          fc.array(nastyValue(), { minLength: keys.length, maxLength: keys.length }),
        )
        .map(([o, broken, values]) =>
          json({ ...o, ...Object.fromEntries(broken.map((k, i) => [k, values[i]])) }),
        ),
    });
  }
  variants.push({
    weight: 2,
    arbitrary: fc
      .tuple(
        object,
        fc.oneof(
          fc.constantFrom('id', 'role', 'isAdmin', 'regionCode', 'createdAt', 'version2', '__proto__', ''),
          fc.string({ minLength: 1, maxLength: 12 }),
        ),
        nastyValue(),
      )
      .filter(([, key]) => !keys.includes(key))
      .map(([o, key, value]) => {
        const out: Record<string, unknown> = { ...o };
        Object.defineProperty(out, key, { value, enumerable: true, configurable: true, writable: true });
        return json(out);
      }),
  });
  variants.push({
    weight: 1,
    arbitrary: fc
      .oneof(
        fc.constant(null),
        fc.integer(),
        fc.string(),
        fc.boolean(),
        fc.array(fc.jsonValue({ maxDepth: 2 }), { maxLength: 4 }),
        object.map((o) => [o]),
      )
      .map(json),
  });
  variants.push({ weight: 2, arbitrary: rawBody(doc, schema) });
  return fc.oneof(...variants);
}
