import { describe, expect, it } from 'vitest';
import { idNumberCheckChar } from '../residents/id-number.ts';
import { duplicatesInFile, mappingProblems, readRow, suggestMapping } from './register-rules.ts';

const id = (first17: string) => `${first17}${idNumberCheckChar(first17)}`;
const MAN = id('33068119800512003');
const mapping = suggestMapping([
  '楼栋',
  '单元',
  '房号',
  '姓名',
  '性别',
  '出生日期',
  '联系电话',
  '身份证号',
  '是否户主',
  '人员标签',
]);
const cells = (over: Record<string, string> = {}) => ({
  楼栋: '枫林苑1栋',
  单元: '1',
  房号: '101',
  姓名: '王建国',
  性别: '男',
  出生日期: '1980-05-12',
  联系电话: '13800001234',
  身份证号: MAN,
  是否户主: '是',
  人员标签: '党员、退役军人',
  ...over,
});

describe('reading register rows', () => {
  it('recognises the template headers and common aliases', () => {
    expect(suggestMapping(['公民身份号码', '手机号', '楼号', '单元号', '户号', '居民姓名'])).toEqual({
      building: '楼号',
      unit: '单元号',
      room: '户号',
      name: '居民姓名',
      phone: '手机号',
      idNumber: '公民身份号码',
    });
    expect(mappingProblems({ building: '楼栋' }, ['楼栋'])).toEqual(['missing:unit', 'missing:room', 'missing:name']);
  });

  it('keeps a good row with its unit and room named as the register names them', () => {
    const { row, errors } = readRow(cells(), 2, mapping, '2026-05-01');
    expect(errors).toEqual([]);
    expect(row).toMatchObject({
      unit: '1单元',
      room: '101室',
      gender: 'male',
      birthDate: '1980-05-12',
      householdHead: true,
      tags: ['党员', '退役军人'],
    });
  });

  it('fills gender and birth date from the ID number when the columns are empty', () => {
    const { row } = readRow(cells({ 性别: '', 出生日期: '' }), 2, mapping, '2026-05-01');
    expect(row).toMatchObject({ gender: 'male', birthDate: '1980-05-12' });
  });

  it('names every problem of a row with its own code', () => {
    const bad = readRow(
      cells({
        姓名: '',
        身份证号: `${MAN.slice(0, 17)}${MAN[17] === '0' ? '1' : '0'}`,
        联系电话: '1380000',
        性别: '未知',
        是否户主: '也许',
      }),
      7,
      mapping,
      '2026-05-01',
    );
    expect(bad.row).toBeUndefined();
    expect(bad.errors.map((e) => [e.row, e.column, e.code])).toEqual([
      [7, 'name', 'REQUIRED'],
      [7, 'idNumber', 'ID_NUMBER_CHECKSUM'],
      [7, 'phone', 'PHONE_FORMAT'],
      [7, 'gender', 'GENDER'],
      [7, 'householdHead', 'HOUSEHOLD_HEAD'],
    ]);
    expect(readRow(cells({ 性别: '女' }), 3, mapping, '2026-05-01').errors[0]?.code).toBe('GENDER_MISMATCH');
    expect(readRow(cells({ 出生日期: '1981-05-12' }), 3, mapping, '2026-05-01').errors[0]?.code).toBe('BIRTH_DATE_MISMATCH');
    expect(readRow(cells({ 身份证号: '12345' }), 3, mapping, '2026-05-01').errors[0]?.code).toBe('ID_NUMBER_FORMAT');
    expect(readRow(cells({ 联系电话: '0575-87654321' }), 3, mapping, '2026-05-01').errors).toEqual([]);
  });

  it('points every repeated ID number at the row that first had it', () => {
    const rows = [2, 3, 4].map((n) => readRow(cells(), n, mapping, '2026-05-01').row).filter((r) => r !== undefined);
    expect(duplicatesInFile(rows).map((e) => [e.row, e.code])).toEqual([
      [3, 'DUPLICATE_IN_FILE:2'],
      [4, 'DUPLICATE_IN_FILE:2'],
    ]);
  });
});
