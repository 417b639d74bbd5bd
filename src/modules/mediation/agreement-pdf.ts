/**
 * The printable People's Mediation Agreement (人民调解协议书) of a dispute file, on A4, in Chinese or
 * in an English rendering with the same structure. Text is set in the embedded Noto Sans SC, so
 * the PDF shows the same on any machine and extracts back to the text it was given.
 */
import type { AgreementDocument, AgreementParty } from './agreement-document.ts';
import { openCjkPdf } from './agreement-font.ts';
import { AGREEMENT_LABELS, type AgreementLabels, type AgreementLang } from './agreement-pdf.labels.ts';

type Pdf = PDFKit.PDFDocument;

const MARGIN = { top: 64, bottom: 72, left: 62, right: 62 };
const BODY_SIZE = 10.5;
const GAP = 3;
const INK = '#111111';
const MUTED = '#555555';

export async function renderAgreementPdf(doc: AgreementDocument, lang: AgreementLang): Promise<Buffer> {
  const labels = AGREEMENT_LABELS[lang];
  const { pdf, done } = await openCjkPdf({ margins: MARGIN, lang, title: `${labels.title} ${doc.number}` });

  drawHeader(pdf, doc, labels);
  drawParties(pdf, doc, labels);
  drawSection(pdf, labels.facts);
  paragraph(pdf, doc.facts);
  drawTerms(pdf, doc, labels);
  drawSchedule(pdf, doc, labels);
  drawBinding(pdf, doc, labels);
  drawSignatures(pdf, doc, labels);
  drawFooters(pdf, doc, labels);

  pdf.end();
  return done;
}

function width(pdf: Pdf): number {
  return pdf.page.width - pdf.page.margins.left - pdf.page.margins.right;
}

function paragraph(pdf: Pdf, text: string, options: PDFKit.Mixins.TextOptions = {}): void {
  pdf.font('body').fontSize(BODY_SIZE).fillColor(INK);
  pdf.text(text, pdf.page.margins.left, pdf.y, { width: width(pdf), lineGap: GAP, ...options });
}

function drawSection(pdf: Pdf, title: string): void {
  pdf.moveDown(0.8);
  pdf.font('heading').fontSize(12).fillColor(INK);
  pdf.text(title, pdf.page.margins.left, pdf.y, { width: width(pdf) });
  pdf.moveDown(0.3);
}

function drawHeader(pdf: Pdf, doc: AgreementDocument, labels: AgreementLabels): void {
  const left = pdf.page.margins.left;
  pdf.font('heading').fontSize(22).fillColor(INK);
  pdf.text(labels.title, left, pdf.y, { width: width(pdf), align: 'center', characterSpacing: 2 });
  pdf.moveDown(0.3);
  pdf.font('body').fontSize(10).fillColor(MUTED);
  pdf.text(`${labels.number}${labels.separator}${doc.number}    ${labels.version(doc.version)}`, left, pdf.y, {
    width: width(pdf),
    align: 'center',
  });
  if (labels.translationNote) {
    pdf.fontSize(9).text(labels.translationNote, left, pdf.y + 2, { width: width(pdf), align: 'center' });
  }
  pdf.moveDown(0.8);
  const rows: [string, string][] = [[labels.committee, doc.committeeName]];
  if (doc.studioName) {
    rows.push([labels.studio, doc.studioAddress ? `${doc.studioName}${labels.aside(doc.studioAddress)}` : doc.studioName]);
  }
  rows.push([labels.level, labels.levels[doc.level]], [labels.disputeType, labels.disputeTypes[doc.type]]);
  const mediators = doc.mediators.map((m) => `${m.name}${labels.aside(labels.mediatorKinds[m.kind])}`);
  if (mediators.length > 0) rows.push([labels.mediators, mediators.join(labels.listJoin)]);
  for (const [label, value] of rows) labelled(pdf, labels, label, value);
}

/** "Label: value" with the label in bold; the value wraps under it. */
function labelled(pdf: Pdf, labels: AgreementLabels, label: string, value: string): void {
  pdf.font('heading').fontSize(BODY_SIZE).fillColor(INK);
  pdf.text(`${label}${labels.separator}`, pdf.page.margins.left, pdf.y, { width: width(pdf), continued: true, lineGap: GAP });
  pdf.font('body').text(value, { lineGap: GAP });
}

function partyDetails(party: AgreementParty, labels: AgreementLabels): string {
  const details: string[] = [];
  if (party.idNumber) details.push(`${labels.idNumber[party.kind]}${labels.separator}${party.idNumber}`);
  if (party.phone) details.push(`${labels.phone}${labels.separator}${party.phone}`);
  if (party.address) details.push(`${labels.address[party.kind]}${labels.separator}${party.address}`);
  return details.join(labels.detailJoin);
}

function drawParties(pdf: Pdf, doc: AgreementDocument, labels: AgreementLabels): void {
  drawSection(pdf, labels.parties);
  for (const party of doc.parties) {
    labelled(pdf, labels, labels.sides[party.side], `${party.name}${labels.aside(labels.kinds[party.kind])}`);
    const details = partyDetails(party, labels);
    if (details) paragraph(pdf, details);
    pdf.moveDown(0.3);
  }
}

function drawTerms(pdf: Pdf, doc: AgreementDocument, labels: AgreementLabels): void {
  drawSection(pdf, labels.terms);
  const left = pdf.page.margins.left;
  const hang = 22;
  doc.terms.forEach((term, i) => {
    pdf.font('body').fontSize(BODY_SIZE).fillColor(INK);
    // A term starts on the next page rather than leave its number behind at the foot of this one.
    const height = pdf.heightOfString(term, { width: width(pdf) - hang, lineGap: GAP });
    if (pdf.y + height > pdf.page.height - pdf.page.margins.bottom) pdf.addPage();
    const y = pdf.y;
    pdf.text(`${i + 1}.`, left, y, { width: hang, lineBreak: false });
    pdf.text(term, left + hang, y, { width: width(pdf) - hang, lineGap: GAP });
    pdf.moveDown(0.2);
  });
}

function drawSchedule(pdf: Pdf, doc: AgreementDocument, labels: AgreementLabels): void {
  if (doc.instalments.length === 0) return;
  pdf.font('body').fontSize(BODY_SIZE);
  // Start the table on a new page rather than leave a row or the total alone at the foot of one.
  const rowHeight = (what: string) => Math.max(pdf.heightOfString(what, { width: width(pdf) - 270 }), 16) + 12;
  const tableHeight = 40 + 2 * rowHeight('') + doc.instalments.reduce((sum, item) => sum + rowHeight(item.what), 0);
  const room = pdf.page.height - pdf.page.margins.bottom - pdf.y;
  if (tableHeight > room && tableHeight < pdf.page.height - pdf.page.margins.top - pdf.page.margins.bottom) {
    pdf.addPage();
  }
  drawSection(pdf, labels.schedule);
  const [seqHead, dueHead, amountHead, whatHead] = labels.scheduleColumns;
  const head = (text: string, x: 'left' | 'right' | 'center' = 'left') => ({
    text,
    font: { src: 'heading' },
    backgroundColor: '#eeeeee',
    align: { x, y: 'center' as const },
  });
  const rows = doc.instalments.map((item) => [
    { text: String(item.seq), align: { x: 'center' as const } },
    labels.date(item.dueDate),
    { text: labels.yuan(item.amountFen), align: { x: 'right' as const } },
    item.what,
  ]);
  pdf.font('body').fontSize(BODY_SIZE).fillColor(INK);
  pdf.table({
    position: { x: pdf.page.margins.left, y: pdf.y },
    maxWidth: width(pdf),
    columnStyles: [36, 112, 110, '*'],
    defaultStyle: { padding: [5, 6], borderColor: '#888888', border: 0.6 },
    data: [
      [head(seqHead, 'center'), head(dueHead), head(amountHead, 'right'), head(whatHead)],
      ...rows,
      [
        { text: labels.total, colSpan: 2, font: { src: 'heading' } },
        { text: labels.yuan(doc.totalFen), align: { x: 'right' }, font: { src: 'heading' } },
        '',
      ],
    ],
  });
}

function drawBinding(pdf: Pdf, doc: AgreementDocument, labels: AgreementLabels): void {
  pdf.moveDown(1);
  for (const line of [...labels.binding, labels.copies(doc.parties.length + 1)]) {
    paragraph(pdf, line, { paragraphGap: 2 });
  }
}

function drawSignatures(pdf: Pdf, doc: AgreementDocument, labels: AgreementLabels): void {
  const rowHeight = 46;
  const needed = 40 + Math.max((doc.parties.length + doc.mediators.length) * rowHeight, 190);
  if (pdf.y + needed > pdf.page.height - pdf.page.margins.bottom) pdf.addPage();
  drawSection(pdf, labels.signatures);
  const left = pdf.page.margins.left;
  const columnWidth = width(pdf) * 0.58;
  const top = pdf.y + 4;
  let y = top;
  // The name above, a line to sign on below it, and what is expected under the line's end.
  const signRow = (label: string, hint: string) => {
    pdf.font('heading').fontSize(BODY_SIZE).fillColor(INK);
    pdf.text(label, left, y, { width: columnWidth - 12, lineBreak: false, ellipsis: true });
    pdf
      .moveTo(left, y + 30)
      .lineTo(left + columnWidth - 12, y + 30)
      .lineWidth(0.6)
      .strokeColor('#333333')
      .stroke();
    pdf.font('body').fontSize(8).fillColor(MUTED);
    pdf.text(hint, left, y + 32, { width: columnWidth - 12, align: 'right', lineBreak: false });
    y += rowHeight;
  };
  for (const party of doc.parties) signRow(`${labels.sides[party.side]}${labels.separator}${party.name}`, labels.partySignature);
  for (const mediator of doc.mediators)
    signRow(`${labels.mediator}${labels.separator}${mediator.name}`, labels.mediatorSignature);

  // The committee's seal goes over its name and the date, on the right.
  const rightLeft = left + columnWidth;
  const rightWidth = width(pdf) - columnWidth;
  const sealX = rightLeft + rightWidth / 2;
  const sealY = top + 50;
  pdf.circle(sealX, sealY, 46).lineWidth(0.6).dash(3, { space: 3 }).strokeColor('#999999').stroke().undash();
  pdf.font('body').fontSize(9).fillColor('#999999');
  pdf.text(labels.sealPlace, sealX - 46, sealY - 5, { width: 92, align: 'center', lineBreak: false });
  pdf.font('heading').fontSize(BODY_SIZE).fillColor(INK);
  pdf.text(doc.committeeName, rightLeft, sealY + 56, { width: rightWidth, align: 'center' });
  pdf
    .font('body')
    .fontSize(8)
    .fillColor(MUTED)
    .text(labels.seal, rightLeft, pdf.y + 1, { width: rightWidth, align: 'center' });
  pdf.font('body').fontSize(BODY_SIZE).fillColor(INK);
  pdf.text(`${labels.signedOn}${labels.separator}${labels.date(doc.date)}`, rightLeft, pdf.y + 8, {
    width: rightWidth,
    align: 'center',
  });
  pdf.x = left;
  pdf.y = Math.max(y, pdf.y);
}

function drawFooters(pdf: Pdf, doc: AgreementDocument, labels: AgreementLabels): void {
  const range = pdf.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    pdf.switchToPage(i);
    const bottom = pdf.page.margins.bottom;
    // Writing below the bottom margin would start a new page.
    pdf.page.margins.bottom = 0;
    const y = pdf.page.height - 44;
    pdf.font('body').fontSize(8).fillColor(MUTED);
    pdf.text(`${doc.number} · ${labels.version(doc.version)}`, MARGIN.left, y, { width: width(pdf) / 2, lineBreak: false });
    pdf.text(labels.page(i + 1, range.count), MARGIN.left + width(pdf) / 2, y, {
      width: width(pdf) / 2,
      align: 'right',
      lineBreak: false,
    });
    pdf.page.margins.bottom = bottom;
  }
}
