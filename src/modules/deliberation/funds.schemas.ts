/** The API contract of fund lines: money spent on an estate's matters, with receipts. */
import { z } from 'zod';
import { isoDate, text } from './deliberation.schemas.ts';

export const FUND_SOURCES = [
  'maintenance_fund',
  'public_revenue',
  'street_budget',
  'property_company',
  'owners',
  'donation',
] as const;

export const fundLineBody = z.object({
  estateId: z.uuid().optional().describe('The topic’s estate when a topic is named'),
  topicId: z.uuid().optional(),
  source: z.enum(FUND_SOURCES).describe('专项维修资金, 公共收益, 街道经费, 物业公司, 业主自筹, 捐赠'),
  amountFen: z.number().int().min(1).max(100_000_000_000).describe('Amount in fen (分)'),
  spentOn: text(2, 200),
  paidOn: isoDate,
  receiptPhotoIds: z.array(z.uuid()).max(9).default([]),
});

export const fundLineSchema = z
  .object({
    id: z.uuid(),
    estateId: z.uuid(),
    estateName: z.string(),
    topicId: z.uuid().nullable(),
    topicNumber: z.string().nullable(),
    source: z.enum(FUND_SOURCES),
    amountFen: z.number().int(),
    spentOn: z.string(),
    paidOn: z.string(),
    receiptPhotoIds: z.array(z.uuid()),
  })
  .meta({ id: 'DelibFundLine' });

export const listFundsQuery = z.object({ estateId: z.uuid().optional(), topicId: z.uuid().optional() });
