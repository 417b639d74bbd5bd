/** How an indicator reads on screen and which colour tells good from bad. Pure. */
export type Unit = 'count' | 'rate' | 'working_days' | 'hours' | 'yuan' | 'per_1000_households';

const DECIMALS: Record<Unit, number> = { count: 0, rate: 1, working_days: 1, hours: 1, yuan: 0, per_1000_households: 2 };

/** The value as shown: rates in percent, the rest rounded to their unit. */
export function formatValue(value: number | null | undefined, unit: string, locale: string): string {
  if (value === null || value === undefined) return '—';
  const u = (unit in DECIMALS ? unit : 'count') as Unit;
  const shown = u === 'rate' ? value * 100 : value;
  const text = new Intl.NumberFormat(locale, {
    maximumFractionDigits: DECIMALS[u],
    minimumFractionDigits: u === 'rate' ? 1 : 0,
  }).format(shown);
  return u === 'rate' ? `${text}%` : text;
}

/** A number for charts and the map: percent for rates, rounded like the display. */
export function chartValue(value: number | null | undefined, unit: string): number | null {
  if (value === null || value === undefined) return null;
  const u = (unit in DECIMALS ? unit : 'count') as Unit;
  const factor = 10 ** Math.max(1, DECIMALS[u]);
  return Math.round((u === 'rate' ? value * 100 : value) * factor) / factor;
}

export type Tone = 'good' | 'bad' | 'neutral';

/** The change against the previous period: points for rates, percent otherwise, and whether it is good news. */
export function formatChange(
  change: number | null | undefined,
  unit: string,
  higherIsBetter: boolean | null,
  locale: string,
): { text: string; tone: Tone; up: boolean } | null {
  if (change === null || change === undefined) return null;
  const number = new Intl.NumberFormat(locale, { maximumFractionDigits: 1, minimumFractionDigits: 1 });
  const magnitude = unit === 'rate' ? Math.abs(change) * 100 : Math.abs(change) * 100;
  const text = unit === 'rate' ? `${number.format(magnitude)} pt` : `${number.format(magnitude)}%`;
  const up = change > 0;
  const tone: Tone = change === 0 || higherIsBetter === null ? 'neutral' : up === higherIsBetter ? 'good' : 'bad';
  return { text, tone, up };
}

/** Map colours low to high: red to green where higher is better, the reverse where lower is, blues otherwise. */
export function scaleFor(higherIsBetter: boolean | null, dark: boolean): string[] {
  const bad = dark ? '#ff7875' : '#cf1322';
  const mid = dark ? '#d48806' : '#fadb14';
  const good = dark ? '#73d13d' : '#389e0d';
  if (higherIsBetter === true) return [bad, mid, good];
  if (higherIsBetter === false) return [good, mid, bad];
  return dark ? ['#15325b', '#1668dc', '#8dc5ff'] : ['#e6f4ff', '#69b1ff', '#0958d9'];
}
