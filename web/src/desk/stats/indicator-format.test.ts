import { describe, expect, it } from 'vitest';
import { chartValue, formatChange, formatValue, scaleFor } from './indicator-format.ts';

describe('indicator display', () => {
  it('shows rates in percent and counts as whole numbers, nothing as a dash', () => {
    expect(formatValue(0.9661, 'rate', 'en')).toBe('96.6%');
    expect(formatValue(2603, 'count', 'en')).toBe('2,603');
    expect(formatValue(null, 'rate', 'en')).toBe('—');
    expect(chartValue(0.8838, 'rate')).toBe(88.4);
  });

  it('a rising rate is good news when higher is better, a rising handling time is not', () => {
    expect(formatChange(0.05, 'rate', true, 'en')).toEqual({ text: '5.0 pt', tone: 'good', up: true });
    expect(formatChange(0.2, 'working_days', false, 'en')).toEqual({ text: '20.0%', tone: 'bad', up: true });
    expect(formatChange(-0.1, 'count', null, 'en')?.tone).toBe('neutral');
    expect(formatChange(null, 'count', null, 'en')).toBeNull();
  });

  it('colours the map from bad to good', () => {
    expect(scaleFor(true, false)[2]).toBe('#389e0d');
    expect(scaleFor(false, false)[0]).toBe('#389e0d');
  });
});
