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
  /** Printed as given: the parties' own document carries their full numbers. */
  idNumber: string | null;
  phone: string | null;
  address: string | null;
}

export interface AgreementInstalment {
  seq: number;
  /** YYYY-MM-DD */
  dueDate: string;
  amountFen: number;
  what: string;
}

export interface AgreementDocument {
  /** The dispute's number. */
  number: string;
  version: number;
  /** The people's mediation committee of the level that mediated, whose seal the agreement bears. */
  committeeName: string;
  studioName: string | null;
  studioAddress: string | null;
  type: DisputeType;
  level: Level;
  parties: AgreementParty[];
  mediators: { name: string; kind: MediatorKind }[];
  facts: string;
  terms: string[];
  instalments: AgreementInstalment[];
  totalFen: number;
  /** YYYY-MM-DD: the local day this version was drawn up. */
  date: string;
}

export interface AgreementSource {
  dispute: { number: string; type: DisputeType; level: Level; committeeName: string };
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
  const instalments = [...source.instalments]
    .sort((a, b) => a.seq - b.seq)
    .map(({ seq, dueDate, amountFen, what }) => ({ seq, dueDate, amountFen, what }));
  return {
    number: source.dispute.number,
    version: source.agreement.version,
    committeeName: source.dispute.committeeName,
    studioName: source.studio?.name ?? null,
    studioAddress: source.studio?.address ?? null,
    type: source.dispute.type,
    level: source.dispute.level,
    parties: [...source.parties]
      .sort((a, b) => SIDE_ORDER[a.side] - SIDE_ORDER[b.side] || a.seq - b.seq)
      .map(({ side, kind, name, idNumber, phone, address }) => ({ side, kind, name, idNumber, phone, address })),
    mediators: source.mediators,
    facts: source.agreement.facts,
    terms: source.agreement.terms,
    instalments,
    totalFen: instalments.reduce((sum, i) => sum + i.amountFen, 0),
    date: localDate(source.agreement.createdAt, timeZone),
  };
}
