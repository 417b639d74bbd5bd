/**
 * Renders the sample mediation agreement (seed 004's flooded basement) in zh-CN and en into a
 * temporary folder and prints how long each render took and how large each PDF is: the first
 * render of a process reads the font files, the later ones reuse them.
 *   npx tsx scripts/agreement-pdf-sample.ts
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { basementFloodingAgreement } from '../src/modules/mediation/agreement-pdf.sample.ts';
import { renderAgreementPdf } from '../src/modules/mediation/agreement-pdf.ts';

const dir = mkdtempSync(path.join(tmpdir(), 'agreement-pdf-'));
for (const lang of ['zh-CN', 'en', 'zh-CN', 'en'] as const) {
  const start = performance.now();
  const pdf = await renderAgreementPdf(basementFloodingAgreement, lang);
  const ms = performance.now() - start;
  const file = path.join(dir, `agreement-${lang}.pdf`);
  writeFileSync(file, pdf);
  process.stdout.write(
    `${lang.padEnd(5)} ${ms.toFixed(0).padStart(5)} ms  ${(pdf.length / 1024).toFixed(1).padStart(6)} KB  ${file}\n`,
  );
}
