import { App, Badge, Button, Card, Col, DatePicker, Form, Input, Modal, Row, Select, Space, Statistic, Switch, Table, Tag, Tooltip, Typography } from 'antd';
import dayjs from 'dayjs';
import { useMemo, useState } from 'react';
import {
  AssignWorkOrderDocument,
  BackupCandidatesDocument,
  BoardWorkOrderFragment,
  DayBoardDocument,
  DispatchDayDocument,
  DispatchDayMutation,
  EngineersForDocument,
  FillBackupTaskDocument,
  OpenBackupTasksDocument,
  OpenBackupTasksQuery,
  ScheduleWorkOrderDocument,
  WorkOrderQueueDocument,
  type AppointmentSlot,
} from '../gql/graphql';
import { ErrorNotice } from '../lib/errors';
import { useMutation, useQuery } from '../lib/graphql';
import { href } from '../lib/route';
import { useSession } from '../lib/session';
import { Loaded } from '../lib/states';
import { chinaDate, formatTime, words } from '../lib/time';

const STATUS_COLOUR: Record<string, string> = {
  CREATED: 'default',
  SCHEDULED: 'blue',
  ASSIGNED: 'green',
  IN_PROGRESS: 'gold',
  COMPLETED: 'cyan',
  VERIFIED: 'purple',
  CANCELLED: 'red',
};

export const StatusTag = ({ status }: { status: string }) => (
  <Tag color={STATUS_COLOUR[status] ?? 'default'} data-testid="work-order-status">
    {words(status)}
  </Tag>
);

const SLOT_ORDER: Record<string, number> = { MORNING: 0, AFTERNOON: 1, EVENING: 2 };
const POLL_MS = 4000;
const QUEUE_PAGE = 50;

export function DispatcherBoard() {
  const { session } = useSession();
  const { message } = App.useApp();
  const [date, setDate] = useState(chinaDate());
  const [city, setCity] = useState<string>();
  const [lastRun, setLastRun] = useState<DispatchDayMutation['dispatchDay']>();
  const [runError, setRunError] = useState<unknown>();
  const [overriding, setOverriding] = useState<BoardWorkOrderFragment>();

  const board = useQuery(session, DayBoardDocument, { date }, { pollMs: POLL_MS });
  const backups = useQuery(session, OpenBackupTasksDocument, {}, { pollMs: POLL_MS * 3 });
  // New work orders arrive from sales' orders over Kafka at any time: the queue is watched like the board.
  const queue = useQuery(session, WorkOrderQueueDocument, { status: 'CREATED', city: city ?? null, first: QUEUE_PAGE }, { pollMs: POLL_MS * 2 });
  const [booking, setBooking] = useState<BoardWorkOrderFragment>();
  const [dispatchDay, dispatching] = useMutation(session, DispatchDayDocument);

  const day = board.data?.workOrdersOn ?? [];
  const cities = useMemo(() => [...new Set(day.map((workOrder) => workOrder.city))].sort(), [day]);
  const shown = day
    .filter((workOrder) => !city || workOrder.city === city)
    .sort((a, b) => a.city.localeCompare(b.city) || (SLOT_ORDER[a.appointmentSlot ?? ''] ?? 9) - (SLOT_ORDER[b.appointmentSlot ?? ''] ?? 9));
  const count = (status: string) => shown.filter((workOrder) => workOrder.status === status).length;
  const unplaced = shown.filter((workOrder) => workOrder.awaitingBackup || workOrder.selfInstallOffered);
  const justAssigned = new Set(lastRun?.date === date ? lastRun.assignedWorkOrderIds : []);

  const run = async () => {
    setRunError(undefined);
    try {
      const result = await dispatchDay({ date });
      setLastRun(result.dispatchDay);
      const { considered, assignedWorkOrderIds, unassignableWorkOrderIds, beyondServiceRadiusWorkOrderIds } = result.dispatchDay;
      message.success(
        `Dispatch of ${date}: ${considered} considered, ${assignedWorkOrderIds.length} assigned, ${unassignableWorkOrderIds.length} waiting for a backup engineer, ${beyondServiceRadiusWorkOrderIds.length} beyond the service radius`,
      );
      await Promise.all([board.refetch(), backups.refetch()]);
    } catch (error) {
      setRunError(error);
    }
  };

  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      <Card>
        <Space wrap size="large">
          <span>
            Day{' '}
            <DatePicker
              allowClear={false}
              value={dayjs(date)}
              onChange={(value) => value && setDate(value.format('YYYY-MM-DD'))}
              data-testid="board-date"
            />
          </span>
          <span>
            City{' '}
            <Select allowClear placeholder="Every city" style={{ width: 180 }} value={city} onChange={setCity} options={cities.map((name) => ({ value: name, label: name }))} />
          </span>
          <Button type="primary" onClick={() => void run()} loading={dispatching.loading} data-testid="run-dispatch">
            Run the day’s dispatch
          </Button>
          <Tooltip title={`The board refreshes every ${POLL_MS / 1000} s`}>
            <Badge status={board.loading ? 'processing' : board.error ? 'error' : 'success'} text={board.error ? 'refresh failed' : 'live'} />
          </Tooltip>
        </Space>
        {runError ? <div style={{ marginTop: 12 }}><ErrorNotice error={runError} /></div> : null}
        {lastRun && lastRun.date === date && (
          <Typography.Paragraph style={{ marginTop: 12, marginBottom: 0 }} data-testid="dispatch-result">
            Last run: {lastRun.considered} considered · {lastRun.assignedWorkOrderIds.length} assigned · {lastRun.unassignableWorkOrderIds.length} waiting for a backup ·{' '}
            {lastRun.beyondServiceRadiusWorkOrderIds.length} beyond the service radius
          </Typography.Paragraph>
        )}
      </Card>

      <Row gutter={16}>
        {['SCHEDULED', 'ASSIGNED', 'IN_PROGRESS', 'COMPLETED'].map((status) => (
          <Col span={6} key={status}>
            <Card size="small">
              <Statistic title={words(status)} value={count(status)} />
            </Card>
          </Col>
        ))}
      </Row>

      <Card title={`Waiting to be booked${city ? ` in ${city}` : ''} — oldest first`}>
        <Loaded query={queue} isEmpty={(data) => data.workOrders.edges.length === 0} empty="Every work order is booked">
          {(data) => (
            <>
              <Table<BoardWorkOrderFragment>
                rowKey="id"
                size="small"
                pagination={false}
                dataSource={data.workOrders.edges.map((edge) => edge.node)}
                data-testid="to-schedule"
                columns={[
                  { title: 'City', dataIndex: 'city' },
                  { title: 'Type', dataIndex: 'type', render: words },
                  { title: 'Product', render: (_, row) => [row.brand, row.productModel].filter(Boolean).join(' ') || '—' },
                  { title: 'Site', dataIndex: 'siteAddress' },
                  { title: 'Customer', render: (_, row) => <a href={href('customers', row.customerId)}>{row.customer?.name ?? 'open 360'}</a> },
                  { title: 'Preferred day', dataIndex: 'preferredDate', render: (value: string | null) => value ?? 'none given' },
                  { title: 'Since', dataIndex: 'createdAt', render: formatTime },
                  { title: '', render: (_, row) => <Button size="small" type="primary" ghost onClick={() => setBooking(row)}>Book</Button> },
                ]}
              />
              {data.workOrders.pageInfo.hasNextPage && <Typography.Text type="secondary">Showing the oldest {QUEUE_PAGE}; book these first or narrow by city.</Typography.Text>}
            </>
          )}
        </Loaded>
      </Card>

      <Card title={`Appointments on ${date}${city ? ` in ${city}` : ''}`}>
        <Loaded query={board} isEmpty={() => shown.length === 0} empty={`No appointments on ${date}${city ? ` in ${city}` : ''}`}>
          {() => (
            <Table<BoardWorkOrderFragment>
              rowKey="id"
              size="middle"
              pagination={false}
              dataSource={shown}
              data-testid="day-board"
              rowClassName={(workOrder) => (justAssigned.has(workOrder.id) ? 'just-assigned' : '')}
              columns={[
                { title: 'City', dataIndex: 'city', render: (value: string, _row, index) => (index === 0 || shown[index - 1]?.city !== value ? <strong>{value}</strong> : '') },
                { title: 'Slot', dataIndex: 'appointmentSlot', render: words },
                { title: 'Type', dataIndex: 'type', render: words },
                { title: 'Status', dataIndex: 'status', render: (status: string, row) => <Space><StatusTag status={status} />{justAssigned.has(row.id) && <Tag color="green">just assigned</Tag>}</Space> },
                { title: 'Product', render: (_, row) => [row.brand, row.productModel].filter(Boolean).join(' ') || '—' },
                { title: 'Site', dataIndex: 'siteAddress' },
                { title: 'Customer', render: (_, row) => <a href={href('customers', row.customerId)}>{row.customer?.name ?? 'open 360'}</a> },
                {
                  title: 'Engineer',
                  render: (_, row) =>
                    row.engineer ? <span data-testid="assigned-engineer">{row.engineer.name}</span> : row.engineerId ? <Typography.Text code>{row.engineerId.slice(0, 8)}</Typography.Text> : row.awaitingBackup ? <Tag color="orange">awaiting backup</Tag> : '—',
                },
                {
                  title: '',
                  render: (_, row) =>
                    ['SCHEDULED', 'ASSIGNED'].includes(row.status) ? (
                      <Button size="small" onClick={() => setOverriding(row)}>
                        Override
                      </Button>
                    ) : null,
                },
              ]}
            />
          )}
        </Loaded>
      </Card>

      <Card title="Nobody could take these">
        <Space direction="vertical" style={{ width: '100%' }}>
          {unplaced.length > 0 && (
            <Table<BoardWorkOrderFragment>
              rowKey="id"
              size="small"
              pagination={false}
              dataSource={unplaced}
              columns={[
                { title: 'City', dataIndex: 'city' },
                { title: 'Product', render: (_, row) => [row.brand, row.productModel].filter(Boolean).join(' ') || '—' },
                { title: 'Why', render: (_, row) => (row.selfInstallOffered ? <Tag color="volcano">beyond the service radius: self-install offered</Tag> : <Tag color="orange">no suitable engineer: backup search open</Tag>) },
              ]}
            />
          )}
          <Loaded query={backups} isEmpty={(data) => data.openBackupTasks.length === 0} empty="No backup engineer searches are open">
            {(data) => <BackupTasks tasks={data.openBackupTasks} onFilled={() => void Promise.all([backups.refetch(), board.refetch()])} />}
          </Loaded>
        </Space>
      </Card>

      <OverrideModal workOrder={overriding} onClose={() => setOverriding(undefined)} onDone={() => void board.refetch()} />
      <BookModal
        workOrder={booking}
        onClose={() => setBooking(undefined)}
        onBooked={(day) => {
          // The board follows the booking: the work order now waits there for the day's dispatch.
          setDate(day);
          void queue.refetch();
          void board.refetch();
        }}
      />
    </Space>
  );
}

function OverrideModal({ workOrder, onClose, onDone }: { workOrder?: BoardWorkOrderFragment; onClose: () => void; onDone: () => void }) {
  const { session } = useSession();
  const { message } = App.useApp();
  const [assign, assigning] = useMutation(session, AssignWorkOrderDocument);
  const [error, setError] = useState<unknown>();
  const [form] = Form.useForm<{ engineerId: string; reason: string }>();
  const [anyEngineer, setAnyEngineer] = useState(false);
  const [search, setSearch] = useState('');
  // Those who cover the city and hold the skill first; a dispatcher overriding the rules may pick anyone.
  const engineers = useQuery(
    session,
    EngineersForDocument,
    anyEngineer || !workOrder ? { city: null, productModel: null, text: search || null } : { city: workOrder.city, productModel: workOrder.productModel ?? null, text: search || null },
    { skip: !workOrder },
  );

  const submit = async (values: { engineerId: string; reason: string }) => {
    if (!workOrder) return;
    setError(undefined);
    try {
      await assign({ input: { workOrderId: workOrder.id, engineerId: values.engineerId, reason: values.reason } });
      message.success('Assigned by hand');
      form.resetFields();
      onDone();
      onClose();
    } catch (failure) {
      setError(failure);
    }
  };

  return (
    <Modal open={!!workOrder} title="Assign by hand (overrides the rules)" onCancel={onClose} okText="Assign" confirmLoading={assigning.loading} onOk={() => form.submit()} destroyOnClose>
      {workOrder && (
        <Typography.Paragraph>
          {words(workOrder.type)} in {workOrder.city}, {workOrder.siteAddress} — {[workOrder.brand, workOrder.productModel].filter(Boolean).join(' ')}
        </Typography.Paragraph>
      )}
      {error ? <ErrorNotice error={error} /> : null}
      <Form form={form} layout="vertical" onFinish={(values) => void submit(values)}>
        <Space style={{ marginBottom: 8 }}>
          <Switch size="small" checked={anyEngineer} onChange={setAnyEngineer} /> any engineer, not only those covering {workOrder?.city} with the skill
        </Space>
        {engineers.error ? <ErrorNotice error={engineers.error} /> : null}
        <Form.Item name="engineerId" label="Engineer" rules={[{ required: true, message: 'Which engineer?' }]}>
          <Select
            showSearch
            filterOption={false}
            onSearch={setSearch}
            loading={engineers.loading}
            placeholder="Search by name or phone"
            notFoundContent={engineers.loading ? 'Loading…' : 'No active engineer matches'}
            options={(engineers.data?.engineers.edges ?? []).map(({ node }) => ({ value: node.id, label: `${node.name} — ${node.homeCity}, ${words(node.employment).toLowerCase()}, ${node.dailyCapacity}/day` }))}
          />
        </Form.Item>
        <Form.Item name="reason" label="Reason (kept in the work order’s history)" rules={[{ required: true, whitespace: true, message: 'Say why you override the rules' }]}>
          <Input.TextArea rows={2} placeholder="e.g. Installed it last year; the customer asked for him" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function BookModal({ workOrder, onClose, onBooked }: { workOrder?: BoardWorkOrderFragment; onClose: () => void; onBooked: (day: string) => void }) {
  const { session } = useSession();
  const { message } = App.useApp();
  const [schedule, scheduling] = useMutation(session, ScheduleWorkOrderDocument);
  const [error, setError] = useState<unknown>();
  const today = chinaDate();
  // The customer's preferred day when it is still ahead, else today.
  const initialDay = workOrder?.preferredDate && workOrder.preferredDate >= today ? workOrder.preferredDate : today;
  const [day, setDay] = useState(initialDay);
  const [slot, setSlot] = useState<AppointmentSlot>('MORNING');
  const [shownFor, setShownFor] = useState<string>();
  if (workOrder && shownFor !== workOrder.id) {
    setShownFor(workOrder.id);
    setDay(initialDay);
    setError(undefined);
  }

  const book = async () => {
    if (!workOrder) return;
    setError(undefined);
    try {
      const result = await schedule({ input: { workOrderId: workOrder.id, appointmentDate: day, slot } });
      message.success(`Booked for ${result.scheduleWorkOrder.appointmentDate} ${words(slot).toLowerCase()}`);
      onBooked(result.scheduleWorkOrder.appointmentDate ?? day);
      onClose();
    } catch (failure) {
      setError(failure);
    }
  };

  return (
    <Modal open={!!workOrder} title="Book the appointment" okText="Book" onOk={() => void book()} confirmLoading={scheduling.loading} onCancel={onClose}>
      {error ? <div style={{ marginBottom: 12 }}><ErrorNotice error={error} /></div> : null}
      {workOrder && (
        <Space direction="vertical">
          <Typography.Text>
            {words(workOrder.type)} for {workOrder.customer?.name ?? 'the customer'} at {workOrder.siteAddress}, {workOrder.city}
            {workOrder.preferredDate ? ` (preferred ${workOrder.preferredDate})` : ''}
          </Typography.Text>
          <Space>
            <DatePicker allowClear={false} value={dayjs(day)} disabledDate={(value) => value.format('YYYY-MM-DD') < today} onChange={(value) => value && setDay(value.format('YYYY-MM-DD'))} />
            <Select<AppointmentSlot> value={slot} onChange={setSlot} style={{ width: 140 }} options={(['MORNING', 'AFTERNOON', 'EVENING'] as const).map((value) => ({ value, label: words(value) }))} />
          </Space>
        </Space>
      )}
    </Modal>
  );
}

type Task = OpenBackupTasksQuery['openBackupTasks'][number];

function BackupTasks({ tasks, onFilled }: { tasks: Task[]; onFilled: () => void }) {
  const [open, setOpen] = useState<Task>();
  return (
    <>
      <Table<Task>
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={tasks}
        data-testid="backup-tasks"
        columns={[
          { title: 'City', dataIndex: 'city' },
          { title: 'Work', dataIndex: 'workType', render: words },
          { title: 'Skill needed', render: (_, task) => [task.brand, task.productModel].filter(Boolean).join(' ') || 'none' },
          { title: 'Deadline', dataIndex: 'deadline', render: formatTime },
          { title: 'Opened', dataIndex: 'openedAt', render: formatTime },
          { title: '', render: (_, task) => <Button size="small" onClick={() => setOpen(task)}>Find an engineer</Button> },
        ]}
      />
      {open && <BackupCandidatesModal task={open} onClose={() => setOpen(undefined)} onFilled={onFilled} />}
    </>
  );
}

function BackupCandidatesModal({ task, onClose, onFilled }: { task: Task; onClose: () => void; onFilled: () => void }) {
  const { session } = useSession();
  const { message } = App.useApp();
  const candidates = useQuery(session, BackupCandidatesDocument, { taskId: task.id });
  const [fill, filling] = useMutation(session, FillBackupTaskDocument);
  const [error, setError] = useState<unknown>();

  const choose = async (engineerId: string) => {
    setError(undefined);
    try {
      await fill({ taskId: task.id, input: { engineerId } });
      message.success('Backup engineer found; dispatch assigns the work order');
      onFilled();
      onClose();
    } catch (failure) {
      setError(failure);
    }
  };

  return (
    <Modal open title={`Backup engineer for ${task.city} — ${[task.brand, task.productModel].filter(Boolean).join(' ')}`} onCancel={onClose} footer={null} width={720}>
      {error ? <ErrorNotice error={error} /> : null}
      <Loaded query={candidates} isEmpty={(data) => data.backupCandidates.length === 0} empty="No candidates nearby: certify or recruit an engineer in engineer-network">
        {(data) => (
          <Table
            rowKey={(candidate) => candidate.engineer.id}
            size="small"
            pagination={false}
            dataSource={data.backupCandidates}
            columns={[
              { title: 'Engineer', render: (_, candidate) => candidate.engineer.name },
              { title: 'Home city', render: (_, candidate) => candidate.engineer.homeCity },
              { title: 'Kind', dataIndex: 'kind', render: words },
              { title: 'Covers the city', dataIndex: 'coversCity', render: (value: boolean) => (value ? 'yes' : 'no') },
              { title: '', render: (_, candidate) => <Button size="small" type="primary" loading={filling.loading} onClick={() => void choose(candidate.engineer.id)}>Put on the job</Button> },
            ]}
          />
        )}
      </Loaded>
    </Modal>
  );
}
