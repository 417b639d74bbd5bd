/** The API contract of points: rules, accounts and their ledger, the supermarket and redemptions. */
import { z } from 'zod';
import { pageQuery } from '../../platform/http/pagination.ts';
import { ENTRY_KINDS, SOURCES } from './points-rules.ts';

const text = (max: number, message = 'Enter some text.') => z.string().trim().min(1, message).max(max);
const isoDate = z.iso.date();

export const ruleSchema = z
  .object({
    id: z.uuid(),
    shared: z.boolean().describe('A rule of every street, not the street’s own'),
    source: z.enum(SOURCES),
    pointsPerHour: z.number(),
    unitMinutes: z.number(),
    maxMinutes: z.number(),
    volunteering: z.boolean(),
    validDays: z.number(),
    validFrom: z.string(),
    inForce: z.boolean().describe('The rule that applies to this kind of service today'),
  })
  .meta({ id: 'PointsRule' });

export const ruleBody = z.object({
  source: z.enum(SOURCES),
  pointsPerHour: z.number().int().min(0).max(1000),
  unitMinutes: z.number().int().min(1).max(240).default(30),
  maxMinutes: z.number().int().min(1).max(1440).default(480),
  volunteering: z.boolean(),
  validDays: z.number().int().min(1).max(3650).default(730),
  validFrom: isoDate.describe('The local date from which the rule applies; earlier hours keep the rule of their day'),
});

export const entrySchema = z
  .object({
    seq: z.number(),
    kind: z.enum(ENTRY_KINDS),
    points: z.number(),
    balanceAfter: z.number(),
    at: z.date(),
    reason: z.string().nullable(),
    expiresOn: z.string().nullable(),
    source: z.enum(SOURCES).nullable().describe('For points earned: the kind of service'),
    minutes: z.number().nullable(),
    goodsName: z.string().nullable().describe('For a redemption or its refund'),
    actorName: z.string().nullable(),
  })
  .meta({ id: 'PointsEntry' });

export const accountSchema = z
  .object({
    id: z.uuid(),
    userId: z.uuid(),
    name: z.string(),
    nodeName: z.string(),
    balance: z.number(),
    recomputed: z.number().describe('The balance summed again from the entries: always equal to balance'),
    earned: z.number(),
    spent: z.number(),
    volunteerMinutes: z.number().describe('Service hours that count as volunteering, in minutes'),
    otherMinutes: z.number().describe('Courses and events attended, in minutes'),
    entries: z.array(entrySchema).describe('Latest first'),
  })
  .meta({ id: 'PointsAccount' });

export const accountSummarySchema = z
  .object({ id: z.uuid(), userId: z.uuid(), name: z.string(), nodeName: z.string(), balance: z.number(), entries: z.number() })
  .meta({ id: 'PointsAccountSummary' });

export const listAccountsQuery = z.object({
  ...pageQuery,
  nodeId: z.uuid().optional(),
  q: z.string().trim().max(50).optional().describe('Part of the person’s name'),
});

export const adjustBody = z.object({
  points: z
    .number()
    .int('Whole points only.')
    .min(-100_000)
    .max(100_000)
    .refine((n) => n !== 0, 'Add or take off at least one point.'),
  reason: text(500, 'Give the reason for the adjustment.'),
});

export const GOODS_KINDS = ['goods', 'service'] as const;

export const goodsBody = z.object({
  nodeId: z.uuid().describe('The community (or street) whose counter hands it out'),
  kind: z.enum(GOODS_KINDS),
  name: text(60),
  description: z.string().trim().max(500).optional(),
  price: z.number().int().min(1).max(100_000),
  stock: z.number().int().min(0).max(100_000),
  limitPerPerson: z.number().int().min(1).max(100).nullable().optional(),
});

export const goodsPatchBody = z.object({
  name: text(60).optional(),
  description: z.string().trim().max(500).nullable().optional(),
  price: z.number().int().min(1).max(100_000).optional(),
  restock: z.number().int().min(1).max(100_000).optional().describe('Adds this many to the stock'),
  limitPerPerson: z.number().int().min(1).max(100).nullable().optional(),
  retired: z.boolean().optional(),
});

export const goodsSchema = z
  .object({
    id: z.uuid(),
    nodeId: z.uuid(),
    nodeName: z.string(),
    kind: z.enum(GOODS_KINDS),
    name: z.string(),
    description: z.string().nullable(),
    price: z.number(),
    stock: z.number(),
    limitPerPerson: z.number().nullable(),
    retired: z.boolean(),
    redeemed: z.number().describe('Units handed out or waiting to be collected'),
  })
  .meta({ id: 'PointsGoods' });

export const redeemBody = z.object({ quantity: z.number().int().min(1).max(20).default(1) });

export const REDEMPTION_STATUSES = ['placed', 'collected', 'cancelled'] as const;

export const redemptionSchema = z
  .object({
    id: z.uuid(),
    code: z.string().describe('Shown at the counter'),
    goodsId: z.uuid(),
    goodsName: z.string(),
    kind: z.enum(GOODS_KINDS),
    nodeName: z.string(),
    name: z.string().describe('Who redeemed: masked for readers who do not hand out redemptions there'),
    quantity: z.number(),
    points: z.number(),
    status: z.enum(REDEMPTION_STATUSES),
    placedAt: z.date(),
    collectedAt: z.date().nullable(),
    cancelledAt: z.date().nullable(),
    cancelReason: z.string().nullable(),
  })
  .meta({ id: 'PointsRedemption' });

export const listRedemptionsQuery = z.object({
  ...pageQuery,
  status: z.enum(REDEMPTION_STATUSES).optional(),
  code: z
    .string()
    .regex(/^[0-9]{6}$/, 'A redemption code has six digits.')
    .optional(),
});

export const cancelRedemptionBody = z.object({ reason: text(500).optional() });
