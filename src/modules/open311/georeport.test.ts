import { describe, expect, it } from 'vitest';
import {
  attributesOf,
  checkAnswers,
  Open311Error,
  parseForm,
  parseW3,
  type Question,
  requestWindow,
  splitFormat,
  statusFilter,
  statusOf,
  w3,
} from './georeport.ts';
import { escapeXml, toXml } from './xml.ts';
import { readXml } from './xml-reader.ts';

const where: Question = {
  code: 'WHERE',
  variable: true,
  datatype: 'singlevaluelist',
  required: true,
  description: 'Where?',
  datatypeDescription: null,
  order: 1,
  choices: [
    { key: 'WINDOW', name: 'A window' },
    { key: 'CORRIDOR', name: 'A corridor' },
  ],
};
const kinds: Question = { ...where, code: 'KINDS', datatype: 'multivaluelist', required: false, order: 2 };
const bikes: Question = { ...where, code: 'BIKES', datatype: 'number', required: false, order: 3, choices: [] };

function errorsOf(run: () => unknown): string[] {
  try {
    run();
  } catch (error) {
    if (error instanceof Open311Error) return error.errors.map((e) => e.description);
    throw error;
  }
  throw new Error('no error');
}

describe('GeoReport v2 rules', () => {
  it('reads a finished case as closed and everything being worked on as open', () => {
    for (const state of ['resolved', 'evaluated', 'closed', 'rejected', 'duplicate']) expect(statusOf(state)).toBe('closed');
    for (const state of ['reported', 'accepted', 'assigned', 'in_progress', 'escalated', 'suspended', 'returned'])
      expect(statusOf(state)).toBe('open');
  });

  it('writes datetimes in the w3 format with the zone offset', () => {
    expect(w3(new Date('2026-05-01T00:00:00Z'), 'Asia/Shanghai')).toBe('2026-05-01T08:00:00+08:00');
    expect(w3(new Date('2026-05-01T00:00:00Z'), 'UTC')).toBe('2026-05-01T00:00:00+00:00');
    expect(parseW3('2010-01-01T00:00:00Z')?.toISOString()).toBe('2010-01-01T00:00:00.000Z');
    expect(parseW3('2010-01-01T08:00:00+08:00')?.toISOString()).toBe('2010-01-01T00:00:00.000Z');
    expect(parseW3('yesterday')).toBeUndefined();
  });

  it('answers the most recent 90 days by default and refuses a longer or inverted window', () => {
    const now = new Date('2026-05-01T00:00:00Z');
    const window = requestWindow(undefined, undefined, now);
    expect(window.to).toEqual(now);
    expect(now.getTime() - window.from.getTime()).toBe(90 * 86_400_000);
    expect(requestWindow('2026-01-01T00:00:00Z', undefined, now).to.toISOString()).toBe('2026-04-01T00:00:00.000Z');
    expect(errorsOf(() => requestWindow('2026-01-01T00:00:00Z', '2026-05-01T00:00:00Z', now))[0]).toMatch(/90 days/);
    expect(errorsOf(() => requestWindow('2026-03-01T00:00:00Z', '2026-02-01T00:00:00Z', now))[0]).toMatch(/after/);
    expect(errorsOf(() => requestWindow('soon', 'later', now))).toHaveLength(2);
  });

  it('takes status as a comma list of open and closed only', () => {
    expect(statusFilter('open,closed')).toEqual(['open', 'closed']);
    expect(statusFilter('')).toEqual([]);
    expect(errorsOf(() => statusFilter('open,pending'))[0]).toMatch(/pending/);
  });

  it('reads attribute[code] and attribute[code][] from a form', () => {
    const form = parseForm('attribute[WHERE]=WINDOW&attribute[KINDS][]=A&attribute[KINDS][]=B&description=x');
    expect(Object.fromEntries(attributesOf(form))).toEqual({ WHERE: ['WINDOW'], KINDS: ['A', 'B'] });
  });

  it('checks answers against the definition and names every problem at once', () => {
    const answers = (pairs: Record<string, string[]>) => new Map(Object.entries(pairs));
    expect(
      checkAnswers([where, kinds, bikes], answers({ WHERE: ['WINDOW'], KINDS: ['WINDOW', 'CORRIDOR'], BIKES: ['3'] })),
    ).toEqual({
      WHERE: 'WINDOW',
      KINDS: ['WINDOW', 'CORRIDOR'],
      BIKES: '3',
    });
    const problems = errorsOf(() =>
      checkAnswers([where, kinds, bikes], answers({ KINDS: ['ROOF'], BIKES: ['many'], COLOUR: ['red'] })),
    );
    expect(problems).toEqual([
      'attribute[COLOUR] is not a question of this service.',
      'attribute[WHERE] is required: Where?',
      'attribute[KINDS] must be among its value keys.',
      'attribute[BIKES] must be a number.',
    ]);
  });

  it('splits a resource file name into its id and format', () => {
    expect(splitFormat('2026-000123.json')).toEqual({ id: '2026-000123', format: 'json' });
    expect(splitFormat('FIRE_GAS.xml')).toEqual({ id: 'FIRE_GAS', format: 'xml' });
    expect(splitFormat('FIRE_GAS.yaml')).toBeUndefined();
  });
});

describe('the XML writer', () => {
  it('writes arrays the Spark way, nulls as empty elements, and escapes text', () => {
    const xml = toXml('services', [{ service_code: 'A&B', metadata: true, group: null }]);
    expect(xml).toBe(
      '<?xml version="1.0" encoding="utf-8"?>\n<services>\n  <service>\n    <service_code>A&amp;B</service_code>\n    <metadata>true</metadata>\n    <group/>\n  </service>\n</services>\n',
    );
    const read = readXml(xml);
    expect(read.children[0]?.children.map((c) => [c.name, c.text])).toEqual([
      ['service_code', 'A&B'],
      ['metadata', 'true'],
      ['group', ''],
    ]);
  });

  it('drops characters XML cannot carry', () => {
    expect(escapeXml('a\u0001<b>"\'')).toBe('a&lt;b&gt;&quot;&apos;');
  });
});
