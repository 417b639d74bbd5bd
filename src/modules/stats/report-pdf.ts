/**
 * The monthly report as a PDF on A4: title, the narrative, the indicator table, the charts as
 * images and the breakdown tables. Text in the embedded Noto Sans SC of the mediation agreement,
 * so the Chinese prints on any machine.
 */
import { openCjkPdf } from '../mediation/agreement-font.ts';
import type { Cell, FigureTable, Lang } from './figure-tables.ts';
import type { ChartImage } from './report-charts.ts';

type Pdf = PDFKit.PDFDocument;

export interface ReportContent {
  title: string;
  subtitle: string;
  lang: Lang;
  narrative: string[];
  tables: FigureTable[];
  charts: ({ caption: string } & ChartImage)[];
  footer: string;
}

const MARGIN = 48;
const INK = '#111111';
const MUTED = '#666666';
const LINE = '#d9d9d9';

export async function renderReportPdf(content: ReportContent): Promise<Buffer> {
  const m = { top: MARGIN, bottom: MARGIN, left: MARGIN, right: MARGIN };
  const { pdf, done } = await openCjkPdf({ margins: m, lang: content.lang, title: content.title });

  pdf.font('heading').fontSize(18).fillColor(INK).text(content.title, { align: 'center' });
  pdf.moveDown(0.3).font('body').fontSize(10).fillColor(MUTED).text(content.subtitle, { align: 'center' });
  pdf.moveDown(1).fillColor(INK).fontSize(10.5);
  for (const line of content.narrative) pdf.text(line, { align: 'justify', lineGap: 3 }).moveDown(0.4);
  const [first, ...rest] = content.tables;
  if (first) drawTable(pdf, first, [0.34, 0.13, 0.13, 0.14, 0.26], 7.5);
  for (const chart of content.charts) {
    const w = pageWidth(pdf);
    const h = (w * chart.height) / chart.width;
    ensureSpace(pdf, h + 30);
    pdf.moveDown(0.8).font('heading').fontSize(11).text(chart.caption);
    pdf.image(chart.png, MARGIN, pdf.y + 4, { width: w });
    pdf.y += h + 8;
    pdf.x = MARGIN;
  }
  for (const table of rest) {
    ensureSpace(pdf, 80);
    pdf.moveDown(0.8).font('heading').fontSize(11).fillColor(INK).text(table.name);
    pdf.moveDown(0.3);
    const n = table.headers.length;
    drawTable(pdf, table, [0.22, ...Array.from({ length: n - 1 }, () => 0.78 / (n - 1))], 7.5);
  }
  const range = pdf.bufferedPageRange();
  for (let i = 0; i < range.count; i++) {
    pdf.switchToPage(range.start + i);
    const bottom = pdf.page.margins.bottom;
    pdf.page.margins.bottom = 0;
    pdf
      .font('body')
      .fontSize(8)
      .fillColor(MUTED)
      .text(`${content.footer}   ${i + 1} / ${range.count}`, MARGIN, pdf.page.height - 30, {
        width: pageWidth(pdf),
        align: 'center',
      });
    pdf.page.margins.bottom = bottom;
  }
  pdf.end();
  return done;
}

const pageWidth = (pdf: Pdf) => pdf.page.width - MARGIN * 2;

function ensureSpace(pdf: Pdf, height: number) {
  if (pdf.y + height > pdf.page.height - MARGIN) pdf.addPage();
}

const text = (cell: Cell) => (cell === null ? '—' : String(cell));

function drawTable(pdf: Pdf, table: FigureTable, fractions: number[], size: number) {
  const w = pageWidth(pdf);
  const widths = fractions.map((f) => f * w);
  const row = (cells: Cell[], font: 'body' | 'heading', shade: boolean) => {
    pdf.font(font).fontSize(size);
    const heights = cells.map((c, i) => pdf.heightOfString(text(c), { width: (widths[i] ?? 40) - 6 }));
    const h = Math.max(...heights) + 6;
    if (pdf.y + h > pdf.page.height - MARGIN) pdf.addPage();
    const top = pdf.y;
    if (shade) pdf.rect(MARGIN, top, w, h).fill('#f5f7fa');
    let x = MARGIN;
    cells.forEach((c, i) => {
      const numeric = typeof c === 'number' || c === null;
      pdf
        .fillColor(INK)
        .text(text(c), x + 3, top + 3, { width: (widths[i] ?? 40) - 6, align: numeric && i > 0 ? 'right' : 'left' });
      x += widths[i] ?? 40;
    });
    pdf
      .moveTo(MARGIN, top + h)
      .lineTo(MARGIN + w, top + h)
      .strokeColor(LINE)
      .lineWidth(0.5)
      .stroke();
    pdf.y = top + h;
  };
  row(table.headers, 'heading', true);
  for (const cells of table.rows) row(cells, 'body', false);
  pdf.x = MARGIN;
}
