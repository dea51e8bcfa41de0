import { App, Badge, Button, Card, Col, DatePicker, Row, Select, Space, Statistic, Tag, Tooltip, Typography } from 'antd';
import dayjs from 'dayjs';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  BoardWorkOrderFragment,
  DayBoardDocument,
  DispatchDayDocument,
  DispatchDayMutation,
  EngineerCitiesDocument,
  OpenBackupTasksDocument,
  WorkOrderQueueDocument,
} from '../../gql/graphql';
import { EnumLabel, enumLabel } from '../../lib/enum-label';
import { ErrorNotice } from '../../lib/errors';
import { chinaToday, formatChinaDate, formatChinaDateTime } from '../../lib/format';
import { useGraphQLMutation, useGraphQLQuery } from '../../lib/graphql';
import { href } from '../../lib/route';
import { ResponsiveList } from '../../lib/responsive-list';
import { Loaded } from '../../lib/states';
import { WorkOrderStatusTag } from '../../lib/status-tags';
import { BackupTasks } from './backup-tasks';
import { BookModal } from './book-modal';
import { OverrideModal } from './override-modal';
import { citiesOf, productOf } from './work-order-text';

const SLOT_ORDER: Record<string, number> = { MORNING: 0, AFTERNOON: 1, EVENING: 2 };
const POLL_MS = 4000;
const QUEUE_PAGE = 50;

export default function DispatchPage() {
  const { t } = useTranslation('dispatch');
  const { message } = App.useApp();
  const [date, setDate] = useState(chinaToday());
  const [city, setCity] = useState<string>();
  const [lastRun, setLastRun] = useState<DispatchDayMutation['dispatchDay']>();
  const [overriding, setOverriding] = useState<BoardWorkOrderFragment>();
  const [booking, setBooking] = useState<BoardWorkOrderFragment>();

  const board = useGraphQLQuery(DayBoardDocument, { date }, { refetchInterval: POLL_MS });
  const backups = useGraphQLQuery(OpenBackupTasksDocument, {}, { refetchInterval: POLL_MS * 3 });
  // New work orders arrive from sales' orders over Kafka at any time: the queue is watched like the board.
  const queue = useGraphQLQuery(WorkOrderQueueDocument, { status: 'CREATED', city: city ?? null, first: QUEUE_PAGE }, { refetchInterval: POLL_MS * 2 });
  const engineerCities = useGraphQLQuery(EngineerCitiesDocument, {});
  const dispatchDay = useGraphQLMutation(DispatchDayDocument, { invalidates: ['DayBoard', 'OpenBackupTasks'] });

  const day = useMemo(() => board.data?.workOrdersOn ?? [], [board.data]);
  // Not only the day's appointments: on a day without any, the filter still lists every city we serve.
  const cities = useMemo(
    () => citiesOf(day, queue.data?.workOrders.edges.map((edge) => edge.node) ?? [], engineerCities.data?.engineers.edges.map((edge) => edge.node) ?? []),
    [day, queue.data, engineerCities.data],
  );
  const shown = day
    .filter((workOrder) => !city || workOrder.city === city)
    .sort((a, b) => a.city.localeCompare(b.city) || (SLOT_ORDER[a.appointmentSlot ?? ''] ?? 9) - (SLOT_ORDER[b.appointmentSlot ?? ''] ?? 9));
  const count = (status: string) => shown.filter((workOrder) => workOrder.status === status).length;
  const unplaced = shown.filter((workOrder) => workOrder.awaitingBackup || workOrder.selfInstallOffered);
  const justAssigned = new Set(lastRun?.date === date ? lastRun.assignedWorkOrderIds : []);

  const run = async () => {
    try {
      const result = await dispatchDay.mutateAsync({ date });
      setLastRun(result.dispatchDay);
      message.success(t('run.done', { date: formatChinaDate(date) }));
    } catch {
      // shown under the button (dispatchDay.error)
    }
  };

  const where = city ? t('inCity', { city }) : '';
  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      <Card>
        <Space wrap size="middle">
          <label>
            {t('day')}{' '}
            <DatePicker
              allowClear={false}
              value={dayjs(date)}
              onChange={(value) => value && setDate(value.format('YYYY-MM-DD'))}
              data-testid="board-date"
              aria-label={t('day')}
            />
          </label>
          <Space>
            <span id="city-filter-label">{t('city')}</span>
            <Select
              allowClear
              showSearch
              placeholder={t('everyCity')}
              style={{ width: 180, maxWidth: '60vw' }}
              value={city}
              onChange={setCity}
              options={cities.map((name) => ({ value: name, label: name }))}
              aria-labelledby="city-filter-label"
              data-testid="city-filter"
            />
          </Space>
          <Button type="primary" onClick={() => void run()} loading={dispatchDay.isPending} data-testid="run-dispatch">
            {t('run.button')}
          </Button>
          <Tooltip title={t('live.tooltip', { seconds: POLL_MS / 1000 })}>
            <Badge status={board.isFetching ? 'processing' : board.error ? 'error' : 'success'} text={board.error ? t('live.failed') : t('live.live')} />
          </Tooltip>
        </Space>
        {dispatchDay.error ? (
          <div style={{ marginTop: 12 }}>
            <ErrorNotice error={dispatchDay.error} />
          </div>
        ) : null}
        {lastRun && lastRun.date === date && (
          <Typography.Paragraph style={{ marginTop: 12, marginBottom: 0 }} data-testid="dispatch-result">
            {t('run.result', {
              considered: lastRun.considered,
              assigned: lastRun.assignedWorkOrderIds.length,
              backup: lastRun.unassignableWorkOrderIds.length,
              beyond: lastRun.beyondServiceRadiusWorkOrderIds.length,
            })}
          </Typography.Paragraph>
        )}
      </Card>

      <Row gutter={[16, 16]}>
        {['SCHEDULED', 'ASSIGNED', 'IN_PROGRESS', 'COMPLETED'].map((status) => (
          <Col xs={12} md={6} key={status}>
            <Card size="small">
              <Statistic title={enumLabel('WorkOrderStatus', status)} value={count(status)} />
            </Card>
          </Col>
        ))}
      </Row>

      <Card title={t('queue.title', { where })}>
        <Loaded query={queue} isEmpty={(data) => data.workOrders.edges.length === 0} empty={t('queue.empty')}>
          {(data) => (
            <>
              <ResponsiveList<BoardWorkOrderFragment>
                rowKey="id"
                size="small"
                pagination={false}
                dataSource={data.workOrders.edges.map((edge) => edge.node)}
                data-testid="to-schedule"
                columns={[
                  { title: t('col.site'), dataIndex: 'siteAddress' },
                  { title: t('col.city'), dataIndex: 'city' },
                  { title: t('col.type'), dataIndex: 'type', render: (value: string) => <EnumLabel enum="WorkOrderType" value={value} /> },
                  { title: t('col.product'), key: 'product', render: (_, row) => productOf(row) },
                  {
                    title: t('col.customer'),
                    key: 'customer',
                    render: (_, row) => <a href={href('customers', row.customerId)}>{row.customer?.name ?? t('open360')}</a>,
                  },
                  {
                    title: t('col.preferred'),
                    dataIndex: 'preferredDate',
                    render: (value: string | null) => (value ? formatChinaDate(value) : t('noPreference')),
                  },
                  { title: t('col.since'), dataIndex: 'createdAt', render: formatChinaDateTime },
                  {
                    title: t('common:table.actions'),
                    key: 'book',
                    render: (_, row) => (
                      <Button size="small" type="primary" ghost onClick={() => setBooking(row)} data-testid="book">
                        {t('book.button')}
                      </Button>
                    ),
                  },
                ]}
              />
              {data.workOrders.pageInfo.hasNextPage && <Typography.Text type="secondary">{t('queue.more', { count: QUEUE_PAGE })}</Typography.Text>}
            </>
          )}
        </Loaded>
      </Card>

      <Card title={t('board.title', { date: formatChinaDate(date), where })}>
        <Loaded query={board} isEmpty={() => shown.length === 0} empty={t('board.empty', { date: formatChinaDate(date), where })}>
          {() => (
            <ResponsiveList<BoardWorkOrderFragment>
              rowKey="id"
              size="middle"
              pagination={false}
              dataSource={shown}
              data-testid="day-board"
              rowClassName={(workOrder) => (justAssigned.has(workOrder.id) ? 'just-assigned' : '')}
              columns={[
                { title: t('col.site'), dataIndex: 'siteAddress' },
                { title: t('col.city'), dataIndex: 'city' },
                { title: t('col.slot'), dataIndex: 'appointmentSlot', render: (value: string) => <EnumLabel enum="AppointmentSlot" value={value} /> },
                { title: t('col.type'), dataIndex: 'type', render: (value: string) => <EnumLabel enum="WorkOrderType" value={value} /> },
                {
                  title: t('col.status'),
                  dataIndex: 'status',
                  render: (status: string, row) => (
                    <Space>
                      <WorkOrderStatusTag status={status} />
                      {justAssigned.has(row.id) && <Tag color="green">{t('justAssigned')}</Tag>}
                    </Space>
                  ),
                },
                { title: t('col.product'), key: 'product', render: (_, row) => productOf(row) },
                {
                  title: t('col.customer'),
                  key: 'customer',
                  render: (_, row) => <a href={href('customers', row.customerId)}>{row.customer?.name ?? t('open360')}</a>,
                },
                {
                  title: t('col.engineer'),
                  key: 'engineer',
                  render: (_, row) =>
                    row.engineer ? (
                      <span data-testid="assigned-engineer">{row.engineer.name}</span>
                    ) : row.awaitingBackup ? (
                      <Tag color="orange">{t('awaitingBackup')}</Tag>
                    ) : (
                      '—'
                    ),
                },
                {
                  title: t('common:table.actions'),
                  key: 'override',
                  render: (_, row) =>
                    ['SCHEDULED', 'ASSIGNED'].includes(row.status) ? (
                      <Button size="small" onClick={() => setOverriding(row)} data-testid="override">
                        {t('override.button')}
                      </Button>
                    ) : null,
                },
              ]}
            />
          )}
        </Loaded>
      </Card>

      <Card title={t('unplaced.title')}>
        <Space direction="vertical" style={{ width: '100%' }}>
          {unplaced.length > 0 && (
            <ResponsiveList<BoardWorkOrderFragment>
              rowKey="id"
              size="small"
              pagination={false}
              dataSource={unplaced}
              columns={[
                { title: t('col.site'), dataIndex: 'siteAddress' },
                { title: t('col.city'), dataIndex: 'city' },
                { title: t('col.product'), key: 'product', render: (_, row) => productOf(row) },
                {
                  title: t('unplaced.why'),
                  key: 'why',
                  render: (_, row) =>
                    row.selfInstallOffered ? <Tag color="volcano">{t('unplaced.selfInstall')}</Tag> : <Tag color="orange">{t('unplaced.backup')}</Tag>,
                },
              ]}
            />
          )}
          <Loaded query={backups} isEmpty={(data) => data.openBackupTasks.length === 0} empty={t('backup.none')}>
            {(data) => <BackupTasks tasks={data.openBackupTasks} />}
          </Loaded>
        </Space>
      </Card>

      <OverrideModal workOrder={overriding} onClose={() => setOverriding(undefined)} />
      <BookModal
        workOrder={booking}
        onClose={() => setBooking(undefined)}
        onBooked={(bookedDay) => {
          // The board follows the booking: the work order now waits there for the day's dispatch.
          setDate(bookedDay);
        }}
      />
    </Space>
  );
}
