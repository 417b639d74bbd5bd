/**
 * A tiny XML writer for GeoReport v2: UTF-8 declaration, no namespace, arrays written the Spark
 * way (a plural element holding one singular element per item), null as an empty element. Text
 * is escaped and characters XML 1.0 cannot carry are dropped. Pure.
 */
export type XmlValue = string | number | boolean | null | undefined | XmlValue[] | { [tag: string]: XmlValue };

/** The element each plural element holds, as the spec names them. */
const SINGULAR: Record<string, string> = {
  services: 'service',
  service_requests: 'request',
  attributes: 'attribute',
  values: 'value',
  errors: 'error',
  endpoints: 'endpoint',
  formats: 'format',
};

// biome-ignore lint/suspicious/noControlCharactersInRegex: these are the characters XML 1.0 forbids
const FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;

export function escapeXml(text: string): string {
  return text
    .replace(FORBIDDEN, '')
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&apos;');
}

function element(tag: string, value: XmlValue, indent: string): string {
  if (value === null || value === undefined) return `${indent}<${tag}/>`;
  if (Array.isArray(value)) {
    const child = SINGULAR[tag];
    if (!child) throw new Error(`No singular element for <${tag}>`);
    if (value.length === 0) return `${indent}<${tag}/>`;
    return `${indent}<${tag}>\n${value.map((item) => element(child, item, `${indent}  `)).join('\n')}\n${indent}</${tag}>`;
  }
  if (typeof value === 'object') {
    const children = Object.entries(value).map(([key, inner]) => element(key, inner, `${indent}  `));
    return children.length ? `${indent}<${tag}>\n${children.join('\n')}\n${indent}</${tag}>` : `${indent}<${tag}/>`;
  }
  return `${indent}<${tag}>${escapeXml(String(value))}</${tag}>`;
}

/** A whole document: `toXml('services', [...])` is `<services><service>...</service></services>`. */
export function toXml(root: string, value: XmlValue): string {
  return `<?xml version="1.0" encoding="utf-8"?>\n${element(root, value, '')}\n`;
}
