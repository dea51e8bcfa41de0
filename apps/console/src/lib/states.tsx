import { Alert, Empty, Skeleton } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorNotice, errorCode } from './errors';
import { GraphqlErrorEntry, refusedAt } from './graphql';

export interface QueryLike<TData> {
  data: TData | undefined;
  error: Error | null;
  isLoading: boolean;
  refetch: () => unknown;
}

/**
 * Every screen's three other states: loading the first time (a skeleton), failed with nothing to show (the
 * error as a sentence, with a retry) and loaded but empty (what would be here, in the business's words).
 * A failed poll keeps the last good data on screen with the error above it.
 */
export function Loaded<TData>({
  query,
  isEmpty,
  empty,
  children,
}: {
  query: QueryLike<TData>;
  isEmpty?: (data: TData) => boolean;
  empty?: ReactNode;
  children: (data: TData) => ReactNode;
}) {
  const { t } = useTranslation('common');
  const { data, error, isLoading, refetch } = query;
  if (!data) {
    if (error) return <ErrorNotice error={error} onRetry={() => void refetch()} />;
    if (isLoading) return <Skeleton active data-testid="loading" />;
    return null;
  }
  return (
    <>
      {error && <ErrorNotice error={error} onRetry={() => void refetch()} title={t('states.staleData')} />}
      {isEmpty?.(data) ? <Empty data-testid="empty" description={empty ?? t('states.empty')} /> : children(data)}
    </>
  );
}

/**
 * One panel of a page whose field the graph may refuse (a partial answer): when `partialErrors` has an error
 * at `path`, the panel is replaced by a sentence; the rest of the page stays.
 */
export function PartialPanel({ partialErrors, path, children }: { partialErrors: GraphqlErrorEntry[]; path: string[]; children: ReactNode }) {
  const { t } = useTranslation('common');
  const refused = refusedAt(partialErrors, ...path);
  if (!refused) return <>{children}</>;
  const forbidden = refused.extensions?.code === 'FORBIDDEN';
  return <Alert type="info" showIcon data-testid="panel-refused" message={forbidden ? t('states.panelRefused') : t('states.panelFailed')} />;
}

/**
 * A panel fed by its own query: loading, its data, or — when the graph refuses it (FORBIDDEN) — one sentence
 * in its place; the rest of the page is unaffected.
 */
export function QueryPanel({ query, children }: { query: QueryLike<unknown>; children: ReactNode }) {
  const { t } = useTranslation('common');
  if (query.error && !query.data) {
    const code = errorCode(query.error);
    if (code === 'FORBIDDEN') return <Alert type="info" showIcon data-testid="panel-refused" message={t('states.panelRefused')} />;
    return <ErrorNotice error={query.error} onRetry={() => void query.refetch()} />;
  }
  if (!query.data) return <Skeleton active paragraph={{ rows: 2 }} />;
  return <>{children}</>;
}
