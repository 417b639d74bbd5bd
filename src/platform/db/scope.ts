import { type Expression, type ExpressionBuilder, type SqlBool, sql } from 'kysely';

/**
 * A condition that a materialised path column lies under one of the given scope paths.
 * Paths hold only ids and slashes, so they need no LIKE escaping. No paths: nothing matches.
 */
export function underAnyPath<DB, TB extends keyof DB>(
  eb: ExpressionBuilder<DB, TB>,
  column: string,
  paths: string[],
): Expression<SqlBool> {
  if (paths.length === 0) return sql<SqlBool>`false`;
  return eb.or(paths.map((path) => sql<SqlBool>`${sql.ref(column)} like ${`${path}%`}`));
}

/** A condition that a path column is an ancestor of (or equal to) one of the given scope paths. */
export function aboveAnyPath(column: string, paths: string[]): Expression<SqlBool> {
  if (paths.length === 0) return sql<SqlBool>`false`;
  return sql<SqlBool>`exists (select 1 from unnest(${sql.val(paths)}::text[]) as scope(p) where scope.p like ${sql.ref(column)} || '%')`;
}
