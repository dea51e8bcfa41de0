import { Empty, Skeleton } from 'antd';
import type { ReactNode } from 'react';
import { ErrorNotice } from './errors';
import type { QueryState } from './graphql';

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
  query: QueryState<TData>;
  isEmpty?: (data: TData) => boolean;
  empty?: ReactNode;
  children: (data: TData) => ReactNode;
}) {
  const { data, error, partial, loading, refetch } = query;
  if (!data) {
    if (error) return <ErrorNotice error={error} onRetry={() => void refetch()} />;
    if (loading) return <Skeleton active data-testid="loading" />;
    return null;
  }
  return (
    <>
      {error && <ErrorNotice error={error} onRetry={() => void refetch()} title="Could not refresh; showing the last data loaded." />}
      {!error && partial && <ErrorNotice error={partial} title="Part of this could not be loaded." type="warning" />}
      {isEmpty?.(data) ? <Empty data-testid="empty" description={empty ?? 'Nothing here yet'} /> : children(data)}
    </>
  );
}
