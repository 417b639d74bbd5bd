import { z } from 'zod';

const date = z.iso.date();

export const periodQuery = z
  .object({
    nodeId: z.uuid().optional().describe("A street, community or grid; omitted: the top of the caller's scope"),
    period: z.enum(['month', 'quarter', 'year', 'custom']).default('month'),
    at: date.optional().describe('A day inside the month, quarter or year; default today'),
    from: date.optional().describe('First day of a custom period'),
    to: date.optional().describe('Last day of a custom period'),
    lang: z.enum(['zh-CN', 'en']).default('zh-CN'),
  })
  .superRefine((q, ctx) => {
    if (q.period !== 'custom') return;
    if (!q.from) ctx.addIssue({ code: 'custom', path: ['from'], message: 'A custom period needs its first day' });
    else if (!q.to) ctx.addIssue({ code: 'custom', path: ['to'], message: 'A custom period needs its last day' });
    else if (q.to < q.from) ctx.addIssue({ code: 'custom', path: ['to'], message: 'The last day comes before the first' });
    else if (Date.parse(q.to) - Date.parse(q.from) > 3 * 366 * 86_400_000)
      ctx.addIssue({ code: 'custom', path: ['to'], message: 'At most three years' });
  });

export const breakdownQuery = z.intersection(
  periodQuery,
  z.object({ by: z.enum(['category', 'child', 'organisation']).default('child') }),
);

export const exportQuery = z.intersection(
  periodQuery,
  z.object({
    table: z.enum(['figures', 'trend', 'category', 'child', 'organisation']),
    format: z.enum(['xlsx', 'csv']).default('xlsx'),
  }),
);

const bilingual = z.object({ zh: z.string(), en: z.string() });

export const indicatorSchema = z
  .object({
    code: z.string(),
    group: z.string(),
    name: bilingual,
    definition: bilingual.describe('Numerator, denominator, which records count, time basis'),
    unit: z.string(),
    higherIsBetter: z.boolean().nullable(),
  })
  .meta({ id: 'Indicator' });

export const registryResponse = z.object({ items: z.array(indicatorSchema) });

const span = z.object({ from: z.string(), to: z.string() });
const nodeRef = z.object({ id: z.uuid(), name: z.string(), level: z.string() });

export const figuresResponse = z
  .object({
    node: nodeRef,
    span,
    previous: span,
    indicators: z.array(
      z.object({
        code: z.string(),
        value: z.number().nullable(),
        numerator: z.number().optional(),
        denominator: z.number().optional(),
        previous: z.number().nullable(),
        change: z.number().nullable().describe('Rates: difference in points (0-1 scale); others: relative change'),
      }),
    ),
  })
  .meta({ id: 'IndicatorFigures' });

const values = z.record(z.string(), z.number().nullable());

export const trendResponse = z.object({
  span,
  by: z.enum(['day', 'month']),
  points: z.array(z.object({ key: z.string(), values })),
});

export const breakdownResponse = z.object({
  node: nodeRef,
  span,
  by: z.string(),
  rows: z.array(
    z.object({ key: z.string(), name: z.string(), code: z.string().nullable(), kind: z.string().nullable(), values }),
  ),
});

export const reportRequest = z.object({
  nodeId: z.uuid().optional(),
  month: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'A month as YYYY-MM'),
  lang: z.enum(['zh-CN', 'en']).default('zh-CN'),
});

export const reportSchema = z
  .object({
    id: z.uuid(),
    node: z.object({ id: z.uuid(), name: z.string() }),
    month: z.string(),
    lang: z.string(),
    producedAt: z.date(),
    producedBy: z.string().nullable().describe('Who asked for it; null: the monthly job'),
    pdfBytes: z.number(),
    xlsxBytes: z.number(),
  })
  .meta({ id: 'StatReport' });

export const reportFileParams = z.object({ id: z.uuid(), format: z.enum(['pdf', 'xlsx']) });
