// Builds the web app when web/dist is missing or older than its sources, so `npm start` always
// serves the current pages without a separate step. Skipped when the build tools are not
// installed (a production install of a prebuilt package).
import { execSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const manifest = path.join(root, 'web/dist/.vite/manifest.json');

function newest(dir) {
  let latest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    latest = Math.max(latest, entry.isDirectory() ? newest(full) : statSync(full).mtimeMs);
  }
  return latest;
}

if (!existsSync(path.join(root, 'node_modules/vite'))) process.exit(0);
const sources = Math.max(newest(path.join(root, 'web/src')), statSync(path.join(root, 'vite.config.ts')).mtimeMs);
if (existsSync(manifest) && statSync(manifest).mtimeMs >= sources) process.exit(0);
execSync('npm run build:web', { cwd: root, stdio: 'inherit' });
