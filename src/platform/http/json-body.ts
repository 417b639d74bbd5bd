import type { FastifyInstance } from 'fastify';
import { badRequest } from './errors.ts';

/**
 * The first key of an object that appears twice in a JSON text, if any. JSON.parse silently keeps
 * the last one, while a proxy, a log reader or an earlier check may have read the first: two
 * readers that disagree on what was sent is how validation is bypassed, so such a body is refused.
 * Runs only on text JSON.parse has already accepted, so it can skip what it need not understand.
 */
export function duplicateKey(text: string): string | undefined {
  const stack: (Set<string> | null)[] = [];
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '{') stack.push(new Set());
    else if (c === '[') stack.push(null);
    else if (c === '}' || c === ']') stack.pop();
    else if (c === '"') {
      let end = i + 1;
      while (end < text.length && text[end] !== '"') end += text[end] === '\\' ? 2 : 1;
      const keys = stack.at(-1);
      if (keys) {
        let next = end + 1;
        while (next < text.length && (text[next] === ' ' || text[next] === '\n' || text[next] === '\r' || text[next] === '\t'))
          next++;
        if (text[next] === ':') {
          const raw = text.slice(i, end + 1);
          const key = raw.includes('\\') ? (JSON.parse(raw) as string) : raw.slice(1, -1);
          if (keys.has(key)) return key;
          keys.add(key);
        }
      }
      i = end;
    }
  }
  return undefined;
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * Fastify's own JSON parser (which refuses __proto__ and constructor.prototype), after two checks
 * of its own: the bytes must be UTF-8 (otherwise they would turn into U+FFFD silently and be
 * stored so) and no key may be given twice.
 */
export function registerStrictJson(app: FastifyInstance) {
  const parse = app.getDefaultJsonParser('error', 'error');
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'buffer' }, (request, bytes, done) => {
    let body: string;
    try {
      body = utf8.decode(bytes as Buffer);
    } catch {
      return done(badRequest('INVALID_UTF8', 'The body is not valid UTF-8 text.'), undefined);
    }
    parse(request, body, (error, value) => {
      if (error) return done(error, undefined);
      const key = duplicateKey(body);
      if (key !== undefined)
        return done(
          badRequest('DUPLICATE_KEY', `The key "${key.slice(0, 60)}" appears twice in the body.`, key.slice(0, 60)),
          undefined,
        );
      done(null, value);
    });
  });
}
