/**
 * Reads the attribute-free XML that GeoReport v2 speaks back into elements, for tests and for
 * clients of this codebase: each element's name, its text and its children in order. Pure.
 */
export interface XmlElement {
  name: string;
  text: string;
  children: XmlElement[];
}

const unescapeXml = (text: string) =>
  text
    .replaceAll('&lt;', '<')
    .replaceAll('&gt;', '>')
    .replaceAll('&quot;', '"')
    .replaceAll('&apos;', "'")
    .replaceAll('&amp;', '&');

export function readXml(xml: string): XmlElement {
  const body = xml.replace(/^<\?xml[^>]*\?>\s*/, '');
  const tokens = body.match(/<\/?[A-Za-z_][\w.-]*\s*\/?>|[^<]+/g) ?? [];
  const root: XmlElement = { name: '#document', text: '', children: [] };
  const stack = [root];
  for (const token of tokens) {
    const top = stack.at(-1) as XmlElement;
    if (token.startsWith('</')) {
      const name = token.slice(2, -1).trim();
      if (top.name !== name) throw new Error(`</${name}> closes <${top.name}>`);
      stack.pop();
    } else if (token.startsWith('<')) {
      const selfClosing = token.endsWith('/>');
      const name = token.slice(1, selfClosing ? -2 : -1).trim();
      const element: XmlElement = { name, text: '', children: [] };
      top.children.push(element);
      if (!selfClosing) stack.push(element);
    } else if (token.trim()) {
      top.text += unescapeXml(token);
    }
  }
  if (stack.length !== 1 || root.children.length !== 1) throw new Error('Not one well-formed document');
  return root.children[0] as XmlElement;
}

export const childNames = (element: XmlElement) => element.children.map((c) => c.name);
export const childText = (element: XmlElement, name: string) => element.children.find((c) => c.name === name)?.text;
