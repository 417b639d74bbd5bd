/**
 * The parties of the demo street's disputes: its own residents where they live (neighbours in one
 * building, a family in one household), the property company of their compound, and people and
 * companies from outside (migrant workers from other provinces, a labour subcontractor). Every
 * phone and ID number is invented, valid in form and used by nobody else in the street. Pure.
 */
import { idNumberCheckChar } from '../modules/residents/id-number.ts';
import { fakeMobile, personName } from './names.ts';
import type { Random } from './random.ts';
import type { PlanNode, PlanResident, StreetPlan } from './street-plan.ts';

export interface Party {
  kind: 'person' | 'organisation';
  name: string;
  phone: string | null;
  idNumber: string | null;
  address: string | null;
  /** The resident behind a person of the street, so one person is not both sides. */
  residentId?: string;
}

/** Home regions of the construction workers around the street (seed 002): Sichuan, Henan, Anhui, Guizhou, Hunan, Jiangxi. */
const HOME_REGIONS: [code: string, place: string][] = [
  ['511322', '四川省营山县'],
  ['412724', '河南省太康县'],
  ['341222', '安徽省太和县'],
  ['522427', '贵州省威宁县'],
  ['432524', '湖南省新化县'],
  ['360731', '江西省于都县'],
];
const LOCAL_REGION = '330681';
const CREDIT_CHARS = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const CREDIT_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
const ORG_CODE_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2];

/** A unified social credit code (GB 32100-2015) with both its check characters right. */
export function creditCode(random: Random, region = LOCAL_REGION): string {
  const body = Array.from({ length: 8 }, () => String(random.int(0, 9))).join('');
  const orgSum = [...body].reduce((sum, c, i) => sum + Number(c) * (ORG_CODE_WEIGHTS[i] as number), 0);
  const orgCheck = 11 - (orgSum % 11);
  const first17 = `91${region}${body}${orgCheck === 10 ? 'X' : orgCheck === 11 ? '0' : String(orgCheck)}`;
  const sum = [...first17].reduce((total, c, i) => total + CREDIT_CHARS.indexOf(c) * (CREDIT_WEIGHTS[i] as number), 0);
  return first17 + CREDIT_CHARS[(31 - (sum % 31)) % 31];
}

export function isValidCreditCode(code: string): boolean {
  if (!/^[0-9A-HJ-NPQRTUWXY]{18}$/.test(code)) return false;
  const sum = [...code.slice(0, 17)].reduce((total, c, i) => total + CREDIT_CHARS.indexOf(c) * (CREDIT_WEIGHTS[i] as number), 0);
  return code[17] === CREDIT_CHARS[(31 - (sum % 31)) % 31];
}

function listIn<T>(map: Map<string, T[]>, key: string): T[] {
  const list = map.get(key) ?? [];
  if (list.length === 0) map.set(key, list);
  return list;
}

export class PartyPool {
  private readonly phones = new Set<string>();
  private readonly idNumbers = new Set<string>();
  private readonly nodes: Map<string, PlanNode>;
  private readonly adultsOf = new Map<string, PlanResident[]>();
  private readonly householdsOf = new Map<string, PlanResident[]>();
  private readonly companyOfEstate: Map<string, string>;
  private readonly residents: Map<string, PlanResident>;
  private readonly adults = new Set<string>();
  private readonly byPhone = new Map<string, string>();
  private readonly year: number;

  constructor(
    private readonly plan: StreetPlan,
    private readonly random: Random,
    now: Date,
  ) {
    this.nodes = new Map(plan.nodes.map((n) => [n.id, n]));
    this.companyOfEstate = new Map(plan.estates.map((e) => [e.id, e.property_company_id]));
    this.residents = new Map(plan.residents.map((r) => [r.id, r]));
    this.year = now.getUTCFullYear();
    const adultBorn = `${this.year - 20}`;
    for (const r of plan.residents) {
      if (r.phone) {
        this.phones.add(r.phone);
        this.byPhone.set(r.phone, r.id);
      }
      this.idNumbers.add(r.id_number);
      listIn(this.householdsOf, r.household_id).push(r);
      const building = this.buildingOf(r.household_id);
      if (!building || !r.phone || r.birth_date >= adultBorn) continue;
      this.adults.add(r.id);
      listIn(this.adultsOf, building.id).push(r);
    }
  }

  /** A grown-up resident with a phone in the building, not one already taken; someone invented when there is none. */
  resident(building: PlanNode, taken: ReadonlySet<string> = new Set()): Party {
    const free = (this.adultsOf.get(building.id) ?? []).filter((r) => !taken.has(r.id));
    if (free.length === 0) return this.local(building.name);
    return this.asParty(this.random.pick(free));
  }

  /** A resident's entry in the register: the phone and ID number an account brings to a file. */
  registered(residentId: string | undefined): { residentId: string; phone: string | null; idNumber: string } | undefined {
    const r = this.residents.get(residentId ?? '');
    return r && { residentId: r.id, phone: r.phone, idNumber: r.id_number };
  }

  /** The resident who gave this phone number, if one did. */
  residentWithPhone(phone: string | null): string | undefined {
    return phone ? this.byPhone.get(phone) : undefined;
  }

  /** A neighbour of the person: another household of the same building, above or below when there is one. */
  neighbour(building: PlanNode, of: Party): Party {
    const household = (this.adultsOf.get(building.id) ?? []).find((r) => r.id === of.residentId)?.household_id;
    const others = (this.adultsOf.get(building.id) ?? []).filter((r) => r.household_id !== household);
    return others.length ? this.asParty(this.random.pick(others)) : this.local(building.name);
  }

  /** Another grown-up of the person's household (a spouse, a grown child), or a relative living elsewhere in the city. */
  relative(of: Party): Party {
    const resident = this.residents.get(of.residentId ?? '');
    const home = resident ? (this.householdsOf.get(resident.household_id) ?? []) : [];
    const other = home.find((r) => r.id !== resident?.id && this.adults.has(r.id));
    if (other) return this.asParty(other);
    const relative = this.local(null);
    return { ...relative, name: (of.name[0] as string) + relative.name.slice(1) };
  }

  /** Someone from elsewhere in the city, with a local ID number nobody in the street holds. */
  local(address: string | null): Party {
    return { kind: 'person', name: this.name(), phone: this.mobile(), idNumber: this.idNumber(LOCAL_REGION, 25, 70), address };
  }

  /** A worker from another province, registered at home. */
  migrant(): Party {
    const [code, place] = this.random.pick(HOME_REGIONS);
    return {
      kind: 'person',
      name: this.name(),
      phone: this.mobile(),
      idNumber: this.idNumber(code, 22, 58),
      address: `${place}`,
    };
  }

  company(name: string, address: string): Party {
    return { kind: 'organisation', name, phone: this.landline(), idNumber: creditCode(this.random), address };
  }

  /** The property company of the building's compound, as the street's register holds it. */
  propertyCompany(building: PlanNode): Party {
    const id = building.estate_id ? this.companyOfEstate.get(building.estate_id) : undefined;
    const org =
      this.plan.organisations.find((o) => o.id === id) ?? this.plan.organisations.find((o) => o.kind === 'property_company');
    return {
      kind: 'organisation',
      name: org?.name as string,
      phone: org?.contact_phone ?? null,
      idNumber: creditCode(this.random),
      address: null,
    };
  }

  /** The full address of the household: compound and building, unit, room. */
  addressOf(householdId: string): string | null {
    const household = this.nodes.get(householdId);
    const unit = this.nodes.get(household?.parent_id ?? '');
    const building = this.nodes.get(unit?.parent_id ?? '');
    return household && unit && building ? `${building.name}${unit.name}${household.name}` : null;
  }

  mobile(): string {
    let phone: string;
    do phone = fakeMobile(this.random);
    while (this.phones.has(phone));
    this.phones.add(phone);
    return phone;
  }

  private landline(): string {
    let phone: string;
    do phone = `0575-8${String(this.random.int(0, 9_999_999)).padStart(7, '0')}`;
    while (this.phones.has(phone));
    this.phones.add(phone);
    return phone;
  }

  private idNumber(region: string, minAge: number, maxAge: number): string {
    let first17: string;
    do {
      const year = this.year - this.random.int(minAge, maxAge);
      const birth = `${year}${String(this.random.int(1, 12)).padStart(2, '0')}${String(this.random.int(1, 28)).padStart(2, '0')}`;
      first17 = `${region}${birth}${String(this.random.int(0, 999)).padStart(3, '0')}`;
    } while (this.idNumbers.has(first17 + idNumberCheckChar(first17)));
    const id = first17 + idNumberCheckChar(first17);
    this.idNumbers.add(id);
    return id;
  }

  private name(): string {
    return personName(this.random, this.random.chance(0.5) ? 'female' : 'male');
  }

  private asParty(r: PlanResident): Party {
    return {
      kind: 'person',
      name: r.name,
      phone: r.phone,
      idNumber: r.id_number,
      address: this.addressOf(r.household_id),
      residentId: r.id,
    };
  }

  private buildingOf(householdId: string): PlanNode | undefined {
    return this.nodes.get(this.nodes.get(this.nodes.get(householdId)?.parent_id ?? '')?.parent_id ?? '');
  }
}
