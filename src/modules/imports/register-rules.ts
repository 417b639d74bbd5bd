/**
 * The population register as a spreadsheet: which columns there are, how a header is recognised,
 * and how each row is read and checked (ID number checksum per GB 11643, phone format, dates,
 * gender, household head) before anything is looked up in the database. Pure.
 */
import { isValidIdNumber } from '../residents/id-number.ts';
import type { RowError } from './imports.tables.ts';

export const FIELDS = [
  'community',
  'building',
  'unit',
  'room',
  'name',
  'gender',
  'birthDate',
  'phone',
  'idNumber',
  'householdHead',
  'tags',
] as const;
export type Field = (typeof FIELDS)[number];
export const REQUIRED_FIELDS: readonly Field[] = ['building', 'unit', 'room', 'name'];

/** The template's headers, and the other names a street's own spreadsheets use for the same column. */
export const HEADERS: Record<Field, { zh: string; en: string; aliases: string[] }> = {
  community: { zh: '社区', en: 'Community', aliases: ['所属社区', '社区名称'] },
  building: { zh: '楼栋', en: 'Building', aliases: ['楼号', '楼幢', '幢', '栋', '楼栋名称'] },
  unit: { zh: '单元', en: 'Unit', aliases: ['单元号'] },
  room: { zh: '房号', en: 'Room', aliases: ['室', '房间号', '门牌号', '户号'] },
  name: { zh: '姓名', en: 'Name', aliases: ['居民姓名', '名字'] },
  gender: { zh: '性别', en: 'Gender', aliases: ['sex'] },
  birthDate: { zh: '出生日期', en: 'Birth date', aliases: ['生日', 'birthday', 'date of birth'] },
  phone: { zh: '联系电话', en: 'Phone', aliases: ['手机', '手机号', '电话', '联系方式', 'mobile'] },
  idNumber: { zh: '身份证号', en: 'ID number', aliases: ['身份证号码', '公民身份号码', '证件号码', 'id'] },
  householdHead: { zh: '是否户主', en: 'Household head', aliases: ['户主', '与户主关系', 'relation'] },
  tags: { zh: '人员标签', en: 'Tags', aliases: ['标签', '人员类别', '特殊人群'] },
};

const squash = (text: string) => text.replace(/[\s_*（）()：:]/g, '').toLowerCase();

/** A column for each field whose header the file uses, by the template's names or a known alias. */
export function suggestMapping(headers: readonly string[]): Partial<Record<Field, string>> {
  const mapping: Partial<Record<Field, string>> = {};
  const taken = new Set<string>();
  for (const field of FIELDS) {
    const names = [HEADERS[field].zh, HEADERS[field].en, ...HEADERS[field].aliases].map(squash);
    const header = headers.find((h) => !taken.has(h) && names.includes(squash(h)));
    if (header) {
      mapping[field] = header;
      taken.add(header);
    }
  }
  return mapping;
}

/** Problems with a mapping itself: a required field without a column, a column that is not in the file. */
export function mappingProblems(mapping: Partial<Record<Field, string>>, headers: readonly string[]): string[] {
  const problems = REQUIRED_FIELDS.filter((field) => !mapping[field]).map((field) => `missing:${field}`);
  for (const [field, header] of Object.entries(mapping))
    if (header && !headers.includes(header)) problems.push(`unknown:${field}`);
  return problems;
}

export interface RegisterRow {
  row: number;
  community: string | null;
  building: string;
  unit: string;
  room: string;
  name: string;
  gender: 'female' | 'male' | null;
  birthDate: string | null;
  phone: string | null;
  idNumber: string | null;
  householdHead: boolean;
  tags: string[];
}

const MOBILE = /^1[3-9]\d{9}$/;
const LANDLINE = /^0\d{2,3}-?\d{7,8}$/;
const GENDERS: Record<string, 'female' | 'male'> = {
  男: 'male',
  女: 'female',
  male: 'male',
  female: 'female',
  m: 'male',
  f: 'female',
};
const YES = new Set(['是', '户主', '本人', 'y', 'yes', 'true', '1']);
const NO = new Set(['否', '', 'n', 'no', 'false', '0']);

/** '1', '1单元' and 'U1' name the same unit; '101' and '101室' the same room. */
export const unitName = (value: string) => (/^\d+$/.test(value) ? `${value}单元` : value.replace(/^U(\d+)$/i, '$1单元'));
export const roomName = (value: string) => (/^\d+$/.test(value) ? `${value}室` : value);

function isoDate(value: string): string | null {
  const match = /^(\d{4})[-/.年]?(\d{1,2})[-/.月]?(\d{1,2})日?$/.exec(value);
  if (!match) return null;
  const [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return null;
  return date.toISOString().slice(0, 10);
}

const birthOfId = (id: string) => `${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}`;
const genderOfId = (id: string): 'female' | 'male' => (Number(id[16]) % 2 === 1 ? 'male' : 'female');

/**
 * One row read through the mapping: each problem an error of its own (the row's number as the
 * spreadsheet counts it, the field, the value, a stable code), or the row as it will be kept.
 */
export function readRow(
  cells: Record<string, string>,
  rowNumber: number,
  mapping: Partial<Record<Field, string>>,
  today: string,
): { row?: RegisterRow; errors: RowError[] } {
  const value = (field: Field) => (mapping[field] ? (cells[mapping[field] as string] ?? '').trim() : '');
  const errors: RowError[] = [];
  const fail = (field: Field, code: string) => errors.push({ row: rowNumber, column: field, value: value(field), code });
  for (const field of REQUIRED_FIELDS) if (!value(field)) fail(field, 'REQUIRED');
  if (value('name').length > 50) fail('name', 'TOO_LONG');

  const id = value('idNumber').toUpperCase();
  if (id) {
    if (!/^\d{17}[\dX]$/.test(id)) fail('idNumber', 'ID_NUMBER_FORMAT');
    else if (!isValidIdNumber(id)) fail('idNumber', 'ID_NUMBER_CHECKSUM');
  }
  const idOk = Boolean(id) && errors.every((e) => e.column !== 'idNumber');

  const phone = value('phone')
    .replace(/[\s()]/g, '')
    .replace(/^\+?86-?/, '');
  if (phone && !MOBILE.test(phone) && !LANDLINE.test(phone)) fail('phone', 'PHONE_FORMAT');

  const genderText = value('gender').toLowerCase();
  let gender = genderText ? (GENDERS[genderText] ?? null) : null;
  if (genderText && !gender) fail('gender', 'GENDER');
  else if (gender && idOk && gender !== genderOfId(id)) fail('gender', 'GENDER_MISMATCH');
  if (!gender && idOk) gender = genderOfId(id);

  const birthText = value('birthDate');
  let birthDate = birthText ? isoDate(birthText) : null;
  if (birthText && !birthDate) fail('birthDate', 'BIRTH_DATE');
  else if (birthDate && birthDate > today) fail('birthDate', 'BIRTH_DATE_FUTURE');
  else if (birthDate && idOk && birthDate !== birthOfId(id)) fail('birthDate', 'BIRTH_DATE_MISMATCH');
  if (!birthDate && idOk) birthDate = birthOfId(id);

  const headText = value('householdHead').toLowerCase();
  if (!YES.has(headText) && !NO.has(headText) && !headText.includes('户主')) fail('householdHead', 'HOUSEHOLD_HEAD');
  const tags = value('tags')
    .split(/[、,，;；\s]+/)
    .map((t) => t.trim())
    .filter(Boolean);
  if (tags.some((t) => t.length > 20) || tags.length > 10) fail('tags', 'TAGS');

  if (errors.length) return { errors };
  return {
    errors,
    row: {
      row: rowNumber,
      community: value('community') || null,
      building: value('building'),
      unit: unitName(value('unit')),
      room: roomName(value('room')),
      name: value('name'),
      gender,
      birthDate,
      phone: phone || null,
      idNumber: id || null,
      householdHead: YES.has(headText) || (headText.includes('户主') && !headText.includes('非')),
      tags,
    },
  };
}

/** The second and later rows of the file with an ID number already seen: each points at the first. */
export function duplicatesInFile(rows: readonly RegisterRow[]): RowError[] {
  const first = new Map<string, number>();
  const errors: RowError[] = [];
  for (const row of rows) {
    if (!row.idNumber) continue;
    const seen = first.get(row.idNumber);
    if (seen === undefined) first.set(row.idNumber, row.row);
    else errors.push({ row: row.row, column: 'idNumber', value: row.idNumber, code: `DUPLICATE_IN_FILE:${seen}` });
  }
  return errors;
}
