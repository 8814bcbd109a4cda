/**
 * Property-based fuzzing of the API, generic over the contract: each method's zod input schema is
 * turned into JSON Schema and from there into fast-check arbitraries that produce nearly valid
 * params (so calls reach deep into handlers), which are then mutated into malformed ones: wrong
 * types, missing and unknown fields, oversized and hostile strings, out-of-range numbers.
 * Used by the in-process fuzz (electron/core/fuzz.test.ts) and the HTTP one (tests/api).
 */
import fc from 'fast-check';
import { z } from 'zod';

type JsonSchema = {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  minItems?: number;
  maxItems?: number;
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  format?: string;
  enum?: unknown[];
  const?: unknown;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  default?: unknown;
};

const huge = 'x'.repeat(100_000);

/** Values that have broken parsers and SQL layers before. */
export const nastyValue: fc.Arbitrary<unknown> = fc.constantFrom<unknown>(
  null,
  undefined,
  true,
  false,
  0,
  -1,
  1.5,
  -0.5,
  1e308,
  -1e308,
  2 ** 53,
  -(2 ** 53),
  2 ** 31,
  NaN,
  Infinity,
  -Infinity,
  '',
  ' ',
  '0',
  '-1',
  '1e3',
  'null',
  'true',
  '[]',
  '{}',
  huge,
  '𠮷'.repeat(20_000),
  '\u0000',
  'a\u0000b',
  '\uD800',
  '\r\n\t',
  "' OR 1=1 --",
  "'; DROP TABLE users; --",
  '%',
  '_',
  '\\',
  '../../etc/passwd',
  '<script>alert(1)</script>',
  '=cmd|calc',
  '2026-02-30',
  '2026-13-01',
  '9999-12-31',
  '0000-00-00',
  '2026-03-15T10:00:00',
  '1970-01-01T00:00:00Z',
  [],
  [null],
  [[[[[]]]]],
  {},
  { __proto__: null },
  JSON.parse('{"__proto__":{"admin":true}}'),
  { constructor: { prototype: {} } },
  Array.from({ length: 2000 }, (_, i) => i),
);

/** Mostly small values near the bottom of the range (ids that exist, years in use), sometimes anywhere in it. */
function smallInt(min: number, max: number): fc.Arbitrary<number> {
  const lo = Math.max(min, -1e9),
    hi = Math.min(max, 1e9);
  if (lo > hi) return fc.constant(min);
  const nearLo = Math.max(lo, Math.min(1, hi));
  return fc.oneof(
    { weight: 4, arbitrary: fc.integer({ min: nearLo, max: Math.min(hi, nearLo + 30) }) },
    { weight: 1, arbitrary: fc.integer({ min: lo, max: hi }) },
  );
}

const dateLike = fc.oneof(
  fc.date({ min: new Date('2024-01-01'), max: new Date('2028-12-31'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)),
  fc.constantFrom('2026-03-15', '2026-01-01', '2026-12-31', '2026-06-30'),
);

function fromSchema(s: JsonSchema, depth: number): fc.Arbitrary<unknown> {
  if (depth > 6) return fc.constant(null);
  if (s.const !== undefined) return fc.constant(s.const);
  if (s.enum) return fc.constantFrom(...s.enum);
  const alts = s.anyOf ?? s.oneOf;
  if (alts) return fc.oneof(...alts.map((a) => fromSchema(a, depth + 1)));
  if (s.allOf?.length) return fromSchema(s.allOf[0], depth + 1);
  const type = Array.isArray(s.type) ? s.type[0] : s.type;
  switch (type) {
    case 'object': {
      const props = s.properties ?? {};
      const keys = Object.keys(props);
      if (!keys.length) return fc.constant({});
      const model = Object.fromEntries(keys.map((k) => [k, fromSchema(props[k], depth + 1)]));
      return fc.record(model, { requiredKeys: (s.required ?? []).filter((k) => keys.includes(k)) });
    }
    case 'array':
      return fc.array(s.items ? fromSchema(s.items, depth + 1) : fc.jsonValue(), { minLength: s.minItems ?? 0, maxLength: Math.min(s.maxItems ?? 5, 5) });
    case 'string': {
      if (s.pattern) {
        try {
          return fc.stringMatching(new RegExp(s.pattern));
        } catch {
          /* a pattern fast-check cannot invert: fall through to plain strings */
        }
      }
      if (s.format === 'date-time')
        return fc.date({ min: new Date('2024-01-01'), max: new Date('2028-12-31'), noInvalidDate: true }).map((d) => d.toISOString());
      const maxLength = Math.min(s.maxLength ?? 40, 40);
      return fc.oneof(
        dateLike,
        fc.string({ minLength: Math.min(s.minLength ?? 0, maxLength), maxLength }),
        fc.constantFrom('张三', '王建华', 'zsf', '6601', 'C01-2026-000001'),
      );
    }
    case 'integer': {
      const min = s.exclusiveMinimum !== undefined ? s.exclusiveMinimum + 1 : (s.minimum ?? -1e9);
      const max = s.exclusiveMaximum !== undefined ? s.exclusiveMaximum - 1 : (s.maximum ?? 1e9);
      return smallInt(min, max);
    }
    case 'number':
      return fc.double({ min: s.minimum ?? -1e6, max: s.maximum ?? 1e6, noNaN: true });
    case 'boolean':
      return fc.boolean();
    case 'null':
      return fc.constant(null);
    default:
      return fc.jsonValue({ maxDepth: 2 });
  }
}

/** Nearly valid params for a zod schema, as generated from its JSON Schema (refinements are not modelled). */
export function validishParams(schema: z.ZodType): fc.Arbitrary<unknown> {
  let json: JsonSchema;
  try {
    json = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as JsonSchema;
  } catch {
    return fc.jsonValue({ maxDepth: 3 });
  }
  return fromSchema(json, 0);
}

/** One mutation of a value: the malformed twin of a valid call. */
function mutate(value: unknown): fc.Arbitrary<unknown> {
  const isObj = typeof value === 'object' && value !== null && !Array.isArray(value);
  const keys = isObj ? Object.keys(value as object) : [];
  const options: fc.Arbitrary<unknown>[] = [
    nastyValue,
    fc
      .tuple(fc.string({ minLength: 1, maxLength: 12 }), fc.jsonValue({ maxDepth: 1 }))
      .map(([k, v]) => (isObj ? { ...(value as object), [k]: v } : { [k]: v })),
  ];
  if (keys.length) {
    options.push(
      fc.tuple(fc.constantFrom(...keys), nastyValue).map(([k, v]) => ({ ...(value as object), [k]: v })),
      fc.constantFrom(...keys).map((k) => {
        const { [k]: _gone, ...rest } = value as Record<string, unknown>;
        return rest;
      }),
      fc.tuple(fc.constantFrom(...keys), fc.jsonValue({ maxDepth: 2 })).map(([k, v]) => ({ ...(value as object), [k]: v })),
    );
  }
  return fc.oneof(...options);
}

/** Params for one call: valid-ish, a mutation of valid-ish, or anything at all. */
export function fuzzParams(schema: z.ZodType): fc.Arbitrary<unknown> {
  const valid = validishParams(schema);
  return fc.oneof(
    { weight: 3, arbitrary: valid },
    { weight: 4, arbitrary: valid.chain(mutate) },
    { weight: 1, arbitrary: fc.anything({ maxDepth: 3 }) },
    { weight: 1, arbitrary: nastyValue },
  );
}
