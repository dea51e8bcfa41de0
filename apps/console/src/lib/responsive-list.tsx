import { Card, Grid, List, Table, type TableProps } from 'antd';
import type { ColumnType } from 'antd/es/table';
import type { Key, ReactNode } from 'react';
import { i18n } from '../i18n';

/** Below this width (antd's `md`, 768 px) a table turns into a list of cards. */
export const useNarrow = (): boolean => {
  const screens = Grid.useBreakpoint();
  // Before the first measurement antd reports nothing; assume a phone so nothing overflows on first paint.
  return !screens.md;
};

export interface ResponsiveListProps<T> extends Omit<TableProps<T>, 'columns' | 'rowKey'> {
  columns: (ColumnType<T> & { title?: ReactNode; /** not shown on a card */ hideOnCard?: boolean })[];
  rowKey: (keyof T & string) | ((row: T) => Key);
  /** Replaces the default card (title: first column, then "label: value" lines). */
  renderCard?: (row: T, index: number) => ReactNode;
  'data-testid'?: string;
}

function cellOf<T>(column: ColumnType<T>, row: T, index: number): ReactNode {
  const dataIndex = column.dataIndex as keyof T | undefined;
  const value = dataIndex !== undefined ? row[dataIndex] : undefined;
  return column.render ? (column.render(value, row, index) as ReactNode) : (value as ReactNode);
}

/**
 * A list of records: an antd Table on a wide screen, a card per record on a phone (390 px), so no page is
 * wider than the screen. Each card shows the columns as "label: value" lines, or what `renderCard` draws.
 */
export function ResponsiveList<T extends object>(props: ResponsiveListProps<T>) {
  const narrow = useNarrow();
  const { columns, rowKey, renderCard, dataSource, loading, onRow, pagination, ...rest } = props;
  const keyOf = (row: T): Key => (typeof rowKey === 'function' ? rowKey(row) : (row[rowKey] as Key));
  if (!narrow) {
    return (
      <Table<T>
        rowKey={rowKey}
        columns={columns}
        dataSource={dataSource}
        loading={loading}
        onRow={onRow}
        pagination={pagination}
        scroll={{ x: 'max-content' }}
        {...rest}
      />
    );
  }
  const [first, ...others] = columns.filter((column) => !column.hideOnCard);
  return (
    <List<T>
      data-testid={props['data-testid']}
      loading={loading === true}
      dataSource={dataSource ? [...dataSource] : []}
      pagination={pagination === false ? false : { pageSize: 10, hideOnSinglePage: true, size: 'small' }}
      rowKey={keyOf}
      renderItem={(row, index) => {
        const handlers = onRow?.(row, index) ?? {};
        return (
          <List.Item style={{ padding: '6px 0', border: 'none' }} data-row-key={String(keyOf(row))}>
            {renderCard ? (
              renderCard(row, index)
            ) : (
              <Card
                size="small"
                style={{ width: '100%' }}
                title={first ? cellOf(first, row, index) : undefined}
                onClick={handlers.onClick}
                styles={{ title: { whiteSpace: 'normal' } }}
              >
                {others.map((column, position) => (
                  <div key={String(column.key ?? column.dataIndex ?? position)} style={{ display: 'flex', gap: 8, flexWrap: 'wrap', overflowWrap: 'anywhere' }}>
                    {column.title ? (
                      <span style={{ color: 'rgba(0,0,0,0.6)' }}>
                        {column.title}
                        {i18n.language === 'en' ? ':' : '：'}
                      </span>
                    ) : null}
                    <span style={{ minWidth: 0 }}>{cellOf(column, row, index)}</span>
                  </div>
                ))}
              </Card>
            )}
          </List.Item>
        );
      }}
    />
  );
}
