/**
 * What a mediation agreement says, as plain data: built from a dispute file and its current
 * agreement version, and rendered to PDF by agreement-pdf.ts. Parties appear with full names and
 * identity numbers: the agreement is the parties' own document. Pure.
 */
import type { DisputeType, Level } from './dispute-rules.ts';
import type { MediatorKind } from './mediation.tables.ts';

export interface AgreementParty {
  side: 'applicant' | 'respondent' | 'third_party';
  kind: 'person' | 'organisation';
  name: string;
  idNumber: string | null;
  phone: string | null;
  address: string | null;
}

export interface AgreementInstalment {
  seq: number;
  dueDate: string;
  /** Yuan. */
  amount: number;
  what: string;
}

export interface AgreementDocument {
  disputeNumber: string;
  version: number;
  /** "YYYY-MM-DD", local date the version was drawn up. */
  date: string;
  type: DisputeType;
  level: Level;
  /** The street, community or grid that mediated: the agreement's issuer. */
  levelNodeName: string;
  studio: { name: string; address: string } | null;
  parties: AgreementParty[];
  facts: string;
  terms: string[];
  schedule: AgreementInstalment[];
  /** Yuan: the sum of the schedule. */
  total: number;
  mediators: { name: string; kind: MediatorKind }[];
}

export interface AgreementSource {
  dispute: { number: string; type: DisputeType; level: Level; handlingNodeName: string };
  studio: { name: string; address: string } | null;
  parties: {
    seq: number;
    side: AgreementParty['side'];
    kind: AgreementParty['kind'];
    name: string;
    idNumber: string | null;
    phone: string | null;
    address: string | null;
  }[];
  agreement: { version: number; facts: string; terms: string[]; createdAt: Date };
  instalments: { seq: number; dueDate: string; amountFen: number; what: string }[];
  mediators: { name: string; kind: MediatorKind }[];
}

const SIDE_ORDER = { applicant: 0, respondent: 1, third_party: 2 } as const;

/** The local date of an instant in a time zone, "YYYY-MM-DD". */
export function localDate(at: Date, timeZone: string): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(at);
}

export function agreementDocumentOf(source: AgreementSource, timeZone: string): AgreementDocument {
  const schedule = [...source.instalments]
    .sort((a, b) => a.seq - b.seq)
    .map((i) => ({ seq: i.seq, dueDate: i.dueDate, amount: i.amountFen / 100, what: i.what }));
  const totalFen = source.instalments.reduce((sum, i) => sum + i.amountFen, 0);
  return {
    disputeNumber: source.dispute.number,
    version: source.agreement.version,
    date: localDate(source.agreement.createdAt, timeZone),
    type: source.dispute.type,
    level: source.dispute.level,
    levelNodeName: source.dispute.handlingNodeName,
    studio: source.studio,
    parties: [...source.parties]
      .sort((a, b) => SIDE_ORDER[a.side] - SIDE_ORDER[b.side] || a.seq - b.seq)
      .map(({ side, kind, name, idNumber, phone, address }) => ({ side, kind, name, idNumber, phone, address })),
    facts: source.agreement.facts,
    terms: source.agreement.terms,
    schedule,
    total: totalFen / 100,
    mediators: source.mediators,
  };
}
