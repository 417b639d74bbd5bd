import { extractText, getDocumentProxy } from 'unpdf';
import { describe, expect, it } from 'vitest';
import { charactersWithoutGlyph } from './agreement-font.ts';
import { AGREEMENT_LABELS, type AgreementLang, formatYuan } from './agreement-pdf.labels.ts';
import { basementFloodingAgreement as agreement } from './agreement-pdf.sample.ts';
import { renderAgreementPdf } from './agreement-pdf.ts';

const rendered = new Map<AgreementLang, Promise<Buffer>>();
const render = (lang: AgreementLang) => {
  if (!rendered.has(lang)) rendered.set(lang, renderAgreementPdf(agreement, lang));
  return rendered.get(lang) as Promise<Buffer>;
};

/** The PDF's text as pdf.js reads it back, without the spaces and line breaks of the layout. */
async function textOf(pdf: Buffer): Promise<{ pages: number; text: string }> {
  const document = await getDocumentProxy(new Uint8Array(pdf));
  const { totalPages, text } = await extractText(document, { mergePages: true });
  return { pages: totalPages, text: squeeze(text) };
}
const squeeze = (text: string) => text.replace(/\s+/g, '');

/** Font dictionaries are written uncompressed by PDFKit, so their names can be read from the bytes. */
const fontNames = (pdf: Buffer) => [...pdf.toString('latin1').matchAll(/\/BaseFont \/([^\s/>]+)/g)].map((m) => m[1]);

describe.each(['zh-CN', 'en'] as const)('the %s agreement PDF', (lang) => {
  const labels = AGREEMENT_LABELS[lang];

  it('embeds only subsets of Noto Sans SC, so it prints the same where no CJK font is installed', async () => {
    const pdf = await render(lang);
    const names = fontNames(pdf);
    expect(names.length).toBeGreaterThan(0);
    for (const name of names) expect(name).toMatch(/^[A-Z]{6}\+NotoSansSC-(Regular|Bold)$/);
    expect(pdf.toString('latin1')).toContain('/FontFile2');
    expect(pdf.length).toBeLessThan(150 * 1024);
  });

  it('reads back the title, number, version, committee and level', async () => {
    const { text } = await textOf(await render(lang));
    for (const expected of [
      labels.title,
      agreement.number,
      labels.version(agreement.version),
      agreement.committeeName,
      labels.levels[agreement.level],
      labels.disputeTypes[agreement.type],
    ]) {
      expect(text).toContain(squeeze(expected));
    }
  });

  it('reads back each party with their side, ID number, phone and address exactly as given', async () => {
    const { text } = await textOf(await render(lang));
    for (const party of agreement.parties) {
      expect(text).toContain(squeeze(`${labels.sides[party.side]}${labels.separator}${party.name}`));
      for (const detail of [party.idNumber, party.phone, party.address]) if (detail) expect(text).toContain(squeeze(detail));
    }
    for (const mediator of agreement.mediators) expect(text).toContain(mediator.name);
  });

  it('reads back the facts and every term, numbered, character for character', async () => {
    const { text } = await textOf(await render(lang));
    expect(text).toContain(squeeze(agreement.facts));
    agreement.terms.forEach((term, i) => {
      expect(text).toContain(squeeze(`${i + 1}.${term}`));
    });
  });

  it('reads back the performance schedule: due dates, amounts and the total', async () => {
    const { text } = await textOf(await render(lang));
    for (const item of agreement.instalments) {
      expect(text).toContain(squeeze(labels.date(item.dueDate)));
      expect(text).toContain(squeeze(labels.yuan(item.amountFen)));
      expect(text).toContain(squeeze(item.what));
    }
    expect(text).toContain(squeeze(`${labels.total}${labels.yuan(agreement.totalFen)}`));
  });

  it('states that the agreement binds under the People’s Mediation Law and has a place to sign and seal', async () => {
    const { text, pages } = await textOf(await render(lang));
    for (const line of labels.binding) expect(text).toContain(squeeze(line));
    expect(text).toContain(squeeze(labels.copies(3)));
    expect(text).toContain(squeeze(labels.seal));
    expect(text).toContain(squeeze(`${labels.signedOn}${labels.separator}${labels.date(agreement.date)}`));
    expect(text).toContain(squeeze(labels.page(pages, pages)));
  });
});

describe('a long agreement', () => {
  it('runs over several pages and still reads back every term, instalment and the total', async () => {
    const instalments = Array.from({ length: 24 }, (_, i) => ({
      seq: i + 1,
      dueDate: `2027-${String((i % 12) + 1).padStart(2, '0')}-10`,
      amountFen: 50_000 + i,
      what: `第${i + 1}期补偿款`,
    }));
    const terms = Array.from({ length: 12 }, (_, i) => `第${i + 1}项：${agreement.terms[i % agreement.terms.length]}`);
    const long = { ...agreement, terms, instalments, totalFen: instalments.reduce((sum, i) => sum + i.amountFen, 0) };
    const { text, pages } = await textOf(await renderAgreementPdf(long, 'zh-CN'));
    expect(pages).toBeGreaterThan(2);
    for (const [i, term] of terms.entries()) expect(text).toContain(squeeze(`${i + 1}.${term}`));
    for (const item of instalments) expect(text).toContain(squeeze(`${item.seq}${AGREEMENT_LABELS['zh-CN'].date(item.dueDate)}`));
    expect(text).toContain('合计12,002.76元');
    expect(text).toContain(squeeze(AGREEMENT_LABELS['zh-CN'].page(pages, pages)));
  });
});

describe('the agreement font', () => {
  it('has a glyph for every character of the sample agreement and for rare name characters', async () => {
    const everything =
      JSON.stringify(agreement) +
      Object.values(AGREEMENT_LABELS)
        .map((l) => JSON.stringify(l))
        .join('');
    expect(await charactersWithoutGlyph(`${everything}堃喆昇燚犇赟甡珺玥𬌗`)).toEqual([]);
  });

  it('names the characters it cannot print', async () => {
    expect(await charactersWithoutGlyph('赵秀芝😀')).toEqual(['😀']);
  });
});

describe('amounts', () => {
  it('are printed from fen with thousands separators and two decimals', () => {
    expect(formatYuan(1_200_000)).toBe('12,000.00');
    expect(formatYuan(5)).toBe('0.05');
    expect(formatYuan(123_456_789)).toBe('1,234,567.89');
  });

  it('are written in Chinese with 元 and in English with CNY', () => {
    expect(AGREEMENT_LABELS['zh-CN'].yuan(800_000)).toBe('8,000.00元');
    expect(AGREEMENT_LABELS.en.yuan(800_000)).toBe('CNY 8,000.00');
    expect(AGREEMENT_LABELS['zh-CN'].date('2026-05-15')).toBe('2026年5月15日');
    expect(AGREEMENT_LABELS.en.date('2026-05-15')).toBe('15 May 2026');
  });
});
