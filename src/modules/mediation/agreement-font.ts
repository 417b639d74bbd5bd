/**
 * The CJK font the agreement is printed in: Noto Sans SC (SIL OFL 1.1) as shipped by the
 * @expo-google-fonts/noto-sans-sc package, so printing needs no font installed on the system.
 * The whole font (30,898 glyphs, rare name characters included) is parsed once per process and
 * shared by every document, so its shaping tables are read once; PDFKit embeds only the glyphs a
 * document uses.
 */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import * as fontkit from 'fontkit';
import PDFDocument from 'pdfkit';

const require = createRequire(import.meta.url);

const FILES = {
  regular: '@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf',
  bold: '@expo-google-fonts/noto-sans-sc/700Bold/NotoSansSC_700Bold.ttf',
} as const;
export type AgreementFontWeight = keyof typeof FILES;

const loaded = new Map<AgreementFontWeight, Promise<fontkit.Font>>();

async function open(weight: AgreementFontWeight): Promise<fontkit.Font> {
  const font = fontkit.create(await readFile(require.resolve(FILES[weight])));
  if (!('layout' in font)) throw new Error(`AGREEMENT_FONT_COLLECTION: ${FILES[weight]} is a collection`);
  return font;
}

/** The parsed font, opened on first use and kept. */
export function agreementFont(weight: AgreementFontWeight): Promise<fontkit.Font> {
  let font = loaded.get(weight);
  if (!font) {
    font = open(weight);
    font.catch(() => loaded.delete(weight));
    loaded.set(weight, font);
  }
  return font;
}

/** The distinct characters of `text` the font has no glyph for (they would print as empty boxes). */
export async function charactersWithoutGlyph(text: string): Promise<string[]> {
  const font = await agreementFont('regular');
  const missing = new Set<string>();
  for (const char of text) {
    if (/\s/.test(char)) continue;
    if (!font.hasGlyphForCodePoint(char.codePointAt(0) ?? 0)) missing.add(char);
  }
  return [...missing];
}

/**
 * An A4 PDFKit document set in this font from the start (so no standard PDF font without Chinese is
 * ever used), with 'body' and 'heading' registered, and the bytes it resolves to once ended. Shared
 * by the agreement and the statistics reports.
 */
export async function openCjkPdf(options: { margins: PDFKit.PDFDocumentOptions['margins']; lang: string; title: string }) {
  // PDFKit takes a parsed fontkit font as a source too, though its types list only bytes and paths.
  const [regular, bold] = (await Promise.all([agreementFont('regular'), agreementFont('bold')])) as unknown as [string, string];
  const pdf = new PDFDocument({
    size: 'A4',
    margins: options.margins,
    bufferPages: true,
    lang: options.lang,
    displayTitle: true,
    font: regular,
    info: { Title: options.title, Creator: 'Fengqiao', Producer: 'Fengqiao' },
  });
  pdf.registerFont('body', regular);
  pdf.registerFont('heading', bold);
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    pdf.on('data', (chunk: Buffer) => chunks.push(chunk));
    pdf.on('end', () => resolve(Buffer.concat(chunks)));
    pdf.on('error', reject);
  });
  return { pdf, done };
}
