import type { DataSource } from 'typeorm';

/**
 * Calls `listener` with every statement the data source sends, transaction control included. TypeORM hands each
 * one to its logger, which decides whether to print it; the listener is told there, and the logger still is.
 */
export function onEveryStatement(dataSource: DataSource, listener: (sql: string) => void): void {
  const { logger } = dataSource;
  const logQuery = logger.logQuery.bind(logger);
  logger.logQuery = (sql, ...rest) => {
    listener(sql);
    logQuery(sql, ...rest);
  };
}
