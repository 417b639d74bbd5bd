import fc from 'fast-check';
import { HOSTILE_STRINGS, type JsonSchema, valueFor } from './arbitraries.ts';

/** One operation of the OpenAPI document, with the schemas of its inputs. */
export interface Operation {
  method: string;
  /** The path as the document writes it: /api/cases/{id} */
  path: string;
  params: { in: 'path' | 'query'; name: string; required: boolean; schema: JsonSchema }[];
  body: JsonSchema | undefined;
}

interface OpenApiDocument {
  paths: Record<
    string,
    Record<string, { parameters?: unknown[]; requestBody?: { content?: Record<string, { schema: JsonSchema }> } }>
  >;
  components?: { schemas?: Record<string, JsonSchema> };
}

export function operationsOf(document: unknown): { operations: Operation[]; resolve: (ref: string) => JsonSchema } {
  const doc = document as OpenApiDocument;
  const resolve = (ref: string) => doc.components?.schemas?.[ref.replace('#/components/schemas/', '')] ?? {};
  const operations: Operation[] = [];
  for (const [path, methods] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(methods)) {
      const params = (op.parameters ?? []).map((p) => {
        const param = p as { in: 'path' | 'query'; name: string; required?: boolean; schema?: JsonSchema };
        return { in: param.in, name: param.name, required: param.required ?? false, schema: param.schema ?? {} };
      });
      const body = op.requestBody?.content?.['application/json']?.schema;
      operations.push({
        method: method.toUpperCase(),
        path,
        params: params.filter((p) => p.in === 'path' || p.in === 'query'),
        body,
      });
    }
  }
  return { operations, resolve };
}

/** A request ready for app.inject: the URL is already encoded, the body already bytes or JSON text. */
export interface FuzzRequest {
  kind: string;
  method: string;
  url: string;
  payload?: string | Buffer;
  contentType?: string;
}

/** Percent-encodes the UTF-8 bytes (a lone surrogate becomes U+FFFD, as a browser would send it). */
const encode = (value: unknown): string => {
  const text = typeof value === 'string' ? value : (JSON.stringify(value) ?? '');
  return [...Buffer.from(text, 'utf8')]
    .map((b) =>
      /[A-Za-z0-9\-_.~]/.test(String.fromCharCode(b)) ? String.fromCharCode(b) : `%${b.toString(16).padStart(2, '0')}`,
    )
    .join('');
};

/** Bytes that are not UTF-8, and percent escapes that decode to no character at all. */
const BROKEN_SEGMENTS = ['%ff%fe', '%E4%B8', '%', '%zz', '..%2f..%2fetc%2fpasswd', '%2e%2e', '%00'];

const duplicateKeys = (body: unknown) => {
  const text = JSON.stringify(body ?? {});
  if (!text.startsWith('{') || text === '{}') return '{"a":1,"a":2}';
  // The first key again, with a value of the wrong type: which one wins must not matter.
  return `{${text.slice(1, text.indexOf(':'))}:[],${text.slice(1)}`;
};

const RAW_BODIES: { kind: string; payload: (valid: unknown) => string | Buffer; contentType?: string }[] = [
  { kind: 'duplicate-keys', payload: duplicateKeys },
  { kind: 'invalid-json', payload: () => '{"title": "unterminated' },
  { kind: 'invalid-utf8', payload: () => Buffer.from([0x7b, 0x22, 0x74, 0x22, 0x3a, 0x22, 0xff, 0xfe, 0xc3, 0x28, 0x22, 0x7d]) },
  { kind: 'deep-nesting', payload: () => `${'['.repeat(20_000)}${']'.repeat(20_000)}` },
  { kind: 'proto-pollution', payload: () => '{"__proto__":{"isAdmin":true},"constructor":{"prototype":{"x":1}}}' },
  { kind: 'oversized', payload: () => JSON.stringify({ text: 'x'.repeat(1_100_000) }) },
  { kind: 'json-scalar', payload: () => 'null' },
  { kind: 'wrong-content-type', payload: (valid) => JSON.stringify(valid ?? {}), contentType: 'text/plain' },
  { kind: 'form-encoded', payload: () => 'a=1&a=2', contentType: 'application/x-www-form-urlencoded' },
];

/**
 * Arbitrary requests for one operation: path, query and body drawn from the schema (or broken on
 * purpose), known record ids mixed in so some requests reach real rows.
 */
export function requestsFor(op: Operation, resolve: (ref: string) => JsonSchema, knownIds: string[]): fc.Arbitrary<FuzzRequest> {
  const idOrHostile = fc.oneof(
    { weight: 3, arbitrary: knownIds.length ? fc.constantFrom(...knownIds) : fc.uuid() },
    { weight: 2, arbitrary: fc.uuid() },
    { weight: 2, arbitrary: fc.constantFrom(...HOSTILE_STRINGS.filter((s) => s.length < 2000)) },
  );
  const pathValues = fc.tuple(
    ...op.params
      .filter((p) => p.in === 'path')
      .map((p) =>
        fc.oneof(
          { weight: 4, arbitrary: fc.oneof(idOrHostile, valueFor(p.schema, resolve)).map(encode) },
          { weight: 1, arbitrary: fc.constantFrom(...BROKEN_SEGMENTS) },
        ),
      ),
  );
  const query = fc.tuple(
    ...op.params
      .filter((p) => p.in === 'query')
      .map((p) => fc.option(valueFor(p.schema, resolve), { nil: undefined, freq: 3 }).map((v) => [p.name, v] as const)),
  );
  const body = op.body ? valueFor(op.body, resolve) : fc.constant(undefined);
  const raw = fc.constantFrom(...RAW_BODIES);
  const hasBody = op.method !== 'GET' && op.method !== 'DELETE';
  return fc
    .record({
      path: pathValues,
      query,
      body,
      raw: fc.option(raw, { freq: 4 }),
      extra: fc.option(fc.constantFrom(...BROKEN_SEGMENTS)),
    })
    .map(({ path, query, body, raw, extra }) => {
      let i = 0;
      const url = op.path.replace(/\{[^}]+\}/g, () => path[i++] as string);
      const pairs = query.flatMap(([name, value]) =>
        value === undefined ? [] : Array.isArray(value) ? value.map((v) => `${name}=${encode(v)}`) : [`${name}=${encode(value)}`],
      );
      if (extra) pairs.push(`limit=${extra}`);
      const full = pairs.length ? `${url}?${pairs.join('&')}` : url;
      if (!hasBody) return { kind: 'schema', method: op.method, url: full };
      if (raw)
        return {
          kind: raw.kind,
          method: op.method,
          url: full,
          payload: raw.payload(body),
          contentType: raw.contentType ?? 'application/json',
        };
      return {
        kind: 'schema',
        method: op.method,
        url: full,
        payload: JSON.stringify(body ?? {}),
        contentType: 'application/json',
      };
    });
}
