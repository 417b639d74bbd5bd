/**
 * Prints what each entry of the web app costs on a first visit: its entry chunk and every chunk
 * it imports statically, gzipped. Exits 1 when the resident pages exceed their 150 KB budget.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

const dist = path.resolve(import.meta.dirname, '../web/dist');
const BUDGETS: Record<string, number> = { 'index.html': 150 * 1024 };

interface Chunk {
  file: string;
  isEntry?: boolean;
  imports?: string[];
  css?: string[];
}

const manifest = JSON.parse(readFileSync(path.join(dist, '.vite/manifest.json'), 'utf8')) as Record<string, Chunk>;
const gzipped = (file: string) => gzipSync(readFileSync(path.join(dist, file))).length;

function firstLoad(key: string, seen = new Set<string>()): Set<string> {
  const chunk = manifest[key];
  if (!chunk || seen.has(key)) return seen;
  seen.add(key);
  for (const imported of chunk.imports ?? []) firstLoad(imported, seen);
  return seen;
}

let failed = false;
for (const [key, chunk] of Object.entries(manifest).filter(([, c]) => c.isEntry)) {
  const files = [...firstLoad(key)].map((k) => manifest[k]?.file as string);
  const js = files.reduce((sum, file) => sum + gzipped(file), 0);
  const css = [...new Set(files.flatMap((f) => Object.values(manifest).find((c) => c.file === f)?.css ?? []))].reduce(
    (sum, file) => sum + gzipped(file),
    0,
  );
  const budget = BUDGETS[key];
  const verdict = budget ? (js <= budget ? `within the ${budget / 1024} KB budget` : `OVER the ${budget / 1024} KB budget`) : '';
  if (budget && js > budget) failed = true;
  process.stdout.write(
    `first visit of ${key.padEnd(10)} ${(js / 1024).toFixed(1)} KB gzipped JavaScript, ${(css / 1024).toFixed(1)} KB CSS (${chunk.file}) ${verdict}\n`,
  );
}
process.exit(failed ? 1 : 0);
