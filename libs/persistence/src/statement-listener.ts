import type { DataSource } from 'typeorm';

/**
 * Calls `listener` with every statement the data source sends, transaction control included, and the parameters
 * it is bound to (none for a statement without). TypeORM hands each one to its logger, which decides whether to
 * print it; the listener is told there, and the logger still is.
 */
export function onEveryStatement(dataSource: DataSource, listener: (sql: string, parameters: unknown[]) => void): void {
  const { logger } = dataSource;
  const logQuery = logger.logQuery.bind(logger);
  logger.logQuery = (sql, parameters, ...rest) => {
    listener(sql, parameters ?? []);
    logQuery(sql, parameters, ...rest);
  };
}
