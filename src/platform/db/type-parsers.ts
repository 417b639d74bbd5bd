/**
 * node-postgres and PGlite parse some types differently (int8 as string vs number, date as a
 * local-midnight Date). Both drivers use these parsers so the code sees one shape everywhere.
 */
const INT8 = 20;
const NUMERIC = 1700;
const DATE = 1082;

export const sharedTypeParsers: Record<number, (value: string) => unknown> = {
  [INT8]: (value) => Number(value),
  [NUMERIC]: (value) => Number(value),
  [DATE]: (value) => value,
};
