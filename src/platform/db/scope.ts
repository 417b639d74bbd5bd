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
