import { App, Button, Card, Descriptions, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { EngineerJobFragment, StartWorkOrderDocument } from '../../gql/graphql';
import { EnumLabel } from '../../lib/enum-label';
import { ErrorNotice } from '../../lib/errors';
import { formatMoney } from '../../lib/format';
import { useGraphQLMutation } from '../../lib/graphql';
import { WorkOrderStatusTag } from '../../lib/status-tags';
import { CompleteJobModal } from './complete-job-modal';
import { amountDueOf } from './job-facts';

/** One job of the day as a card: where, whom to call, what to do, what to collect, and the next step. */
export function JobCard({ job, position }: { job: EngineerJobFragment; position: number }) {
  const { t } = useTranslation('engineer');
  const { message } = App.useApp();
  const start = useGraphQLMutation(StartWorkOrderDocument, { invalidates: ['EngineerDay'] });
  const [completing, setCompleting] = useState(false);
  const due = amountDueOf(job);

  const onStart = async () => {
    try {
      await start.mutateAsync({ workOrderId: job.id });
      message.success(t('started'));
    } catch {
      // shown below the card's buttons
    }
  };

  return (
    <Card
      size="small"
      data-testid="job-card"
      data-work-order-id={job.id}
      title={
        <Space wrap size={4} style={{ whiteSpace: 'normal' }}>
          <Tag color="blue">{position}</Tag>
          <EnumLabel enum="AppointmentSlot" value={job.appointmentSlot} />
          <strong>
            <EnumLabel enum="WorkOrderType" value={job.type} />
          </strong>
        </Space>
      }
      extra={<WorkOrderStatusTag status={job.status} />}
    >
      <Descriptions column={1} size="small" colon>
        <Descriptions.Item label={t('address')}>
          <span style={{ overflowWrap: 'anywhere' }}>
            {job.siteAddress}（{job.city}）
          </span>
        </Descriptions.Item>
        <Descriptions.Item label={t('customer')}>
          <Space wrap size={4}>
            <span>{job.customer?.name ?? '—'}</span>
            {job.customer?.phone && (
              <a href={`tel:${job.customer.phone}`} data-testid="customer-phone">
                {job.customer.phone}
              </a>
            )}
          </Space>
        </Descriptions.Item>
        <Descriptions.Item label={t('whatToDo')}>
          <span style={{ overflowWrap: 'anywhere' }}>
            {[job.brand, job.productModel].filter(Boolean).join(' ') || '—'}
            {job.serial ? ` · ${t('serialShort', { serial: job.serial })}` : ''}
          </span>
        </Descriptions.Item>
        {job.stages.length > 0 && (
          <Descriptions.Item label={t('stages')}>
            <Space wrap size={4}>
              {job.stages.map((stage) => (
                <Tag key={stage}>{stage}</Tag>
              ))}
            </Space>
          </Descriptions.Item>
        )}
        <Descriptions.Item label={t('toCollect')}>
          <span data-testid="amount-due">{due === null ? t('nothingToCollect') : formatMoney(due)}</span>
        </Descriptions.Item>
        {job.completion && (
          <Descriptions.Item label={t('collected')}>
            <span data-testid="amount-collected">{formatMoney(job.completion.paymentCollectedCents)}</span>
          </Descriptions.Item>
        )}
      </Descriptions>
      {start.error ? <ErrorNotice error={start.error} /> : null}
      <Space wrap style={{ marginTop: 8 }}>
        {job.status === 'ASSIGNED' && (
          <Button type="primary" size="large" loading={start.isPending} onClick={() => void onStart()} data-testid="start-job">
            {t('start')}
          </Button>
        )}
        {job.status === 'IN_PROGRESS' && (
          <Button type="primary" size="large" onClick={() => setCompleting(true)} data-testid="complete-job">
            {t('complete')}
          </Button>
        )}
        {(job.status === 'COMPLETED' || job.status === 'VERIFIED') && <Typography.Text type="success">{t('done')}</Typography.Text>}
      </Space>
      {completing && <CompleteJobModal job={job} onClose={() => setCompleting(false)} />}
    </Card>
  );
}
