import { App, Button, Card, Descriptions, Form, Input, InputNumber, Rate, Select, Space, Tabs } from 'antd';
import { useTranslation } from 'react-i18next';
import {
  QualityWorkOrderDocument,
  RecordInspectionDocument,
  RecordReturnVisitDocument,
  RecordSatisfactionSurveyDocument,
  SubmitEvaluationDocument,
  type ReturnVisitOutcome,
} from '../../gql/graphql';
import { EnumLabel, enumOptions } from '../../lib/enum-label';
import { ErrorNotice } from '../../lib/errors';
import { formatChinaDateTime } from '../../lib/format';
import { useGraphQLMutation, useGraphQLQuery } from '../../lib/graphql';
import { hasRole, useSession } from '../../lib/session';
import { Loaded } from '../../lib/states';
import { WorkOrderStatusTag } from '../../lib/status-tags';

const OUTCOMES: ReturnVisitOutcome[] = ['OK', 'PROBLEM', 'PAYMENT_DISPUTE'];
const INVALIDATES = { invalidates: ['ReturnVisitsDue', 'QualityWorkOrder'] };

/** One finished work order and the quality records a dispatcher or supervisor keeps about it. */
export function QualityActions({ workOrderId, onClose }: { workOrderId: string; onClose: () => void }) {
  const { t } = useTranslation('quality');
  const { message } = App.useApp();
  const { session } = useSession();
  const workOrder = useGraphQLQuery(QualityWorkOrderDocument, { id: workOrderId });
  const returnVisit = useGraphQLMutation(RecordReturnVisitDocument, INVALIDATES);
  const inspection = useGraphQLMutation(RecordInspectionDocument, INVALIDATES);
  const survey = useGraphQLMutation(RecordSatisfactionSurveyDocument, INVALIDATES);
  const evaluation = useGraphQLMutation(SubmitEvaluationDocument, INVALIDATES);
  const done = () => message.success(t('recorded'));
  const failure = returnVisit.error ?? inspection.error ?? survey.error ?? evaluation.error;

  return (
    <Card size="small" title={t('workOrderTitle')} extra={<Button onClick={onClose}>{t('common:actions.close')}</Button>} data-testid="quality-work-order">
      <Loaded query={workOrder}>
        {({ workOrder: order }) => (
          <>
            <Descriptions size="small" column={{ xs: 1, md: 2 }}>
              <Descriptions.Item label={t('type')}>
                <EnumLabel enum="WorkOrderType" value={order.type} />
              </Descriptions.Item>
              <Descriptions.Item label={t('status')}>
                <WorkOrderStatusTag status={order.status} />
              </Descriptions.Item>
              <Descriptions.Item label={t('customer')}>{order.customer ? `${order.customer.name} ${order.customer.phone}` : '—'}</Descriptions.Item>
              <Descriptions.Item label={t('site')}>
                {order.siteAddress}（{order.city}）
              </Descriptions.Item>
              <Descriptions.Item label={t('engineer')}>{order.engineer?.name ?? '—'}</Descriptions.Item>
              <Descriptions.Item label={t('completedAt')}>{formatChinaDateTime(order.completedAt)}</Descriptions.Item>
            </Descriptions>
            {failure ? <ErrorNotice error={failure} /> : null}
            <Tabs
              items={[
                {
                  key: 'return',
                  label: t('returnVisit'),
                  children: (
                    <Form
                      layout="vertical"
                      initialValues={{ outcome: 'OK' }}
                      onFinish={(values: { outcome: ReturnVisitOutcome; notes?: string }) =>
                        void returnVisit
                          .mutateAsync({ input: { workOrderId, outcome: values.outcome, notes: values.notes?.trim() || null } })
                          .then(done)
                          .catch(() => undefined)
                      }
                    >
                      <Form.Item name="outcome" label={t('outcome')}>
                        <Select options={enumOptions('ReturnVisitOutcome', OUTCOMES)} style={{ maxWidth: 240 }} data-testid="return-outcome" />
                      </Form.Item>
                      <Form.Item name="notes" label={t('notes')}>
                        <Input.TextArea rows={2} />
                      </Form.Item>
                      <Button type="primary" htmlType="submit" loading={returnVisit.isPending} data-testid="record-return-visit">
                        {t('record')}
                      </Button>
                    </Form>
                  ),
                },
                ...(hasRole(session, 'SUPERVISOR', 'ADMIN')
                  ? [
                      {
                        key: 'inspection',
                        label: t('inspection'),
                        children: (
                          <Form
                            layout="vertical"
                            initialValues={{ score: 90 }}
                            onFinish={(values: { score: number; findings?: string }) =>
                              void inspection
                                .mutateAsync({ input: { workOrderId, score: values.score, findings: values.findings?.trim() || null } })
                                .then(done)
                                .catch(() => undefined)
                            }
                          >
                            <Form.Item name="score" label={t('score')} rules={[{ required: true }]}>
                              <InputNumber min={0} max={100} data-testid="inspection-score" />
                            </Form.Item>
                            <Form.Item name="findings" label={t('findings')}>
                              <Input.TextArea rows={2} />
                            </Form.Item>
                            <Button type="primary" htmlType="submit" loading={inspection.isPending} data-testid="record-inspection">
                              {t('record')}
                            </Button>
                          </Form>
                        ),
                      },
                    ]
                  : []),
                {
                  key: 'survey',
                  label: t('survey'),
                  children: (
                    <Form
                      layout="vertical"
                      initialValues={{ satisfaction: 5 }}
                      onFinish={(values: { satisfaction: number; comment?: string }) =>
                        void survey
                          .mutateAsync({
                            input: { customerId: order.customerId, workOrderId, satisfaction: values.satisfaction, comment: values.comment?.trim() || null },
                          })
                          .then(done)
                          .catch(() => undefined)
                      }
                    >
                      <Form.Item name="satisfaction" label={t('satisfaction')}>
                        <Rate />
                      </Form.Item>
                      <Form.Item name="comment" label={t('comment')}>
                        <Input.TextArea rows={2} />
                      </Form.Item>
                      <Button type="primary" htmlType="submit" loading={survey.isPending}>
                        {t('record')}
                      </Button>
                    </Form>
                  ),
                },
                {
                  key: 'evaluation',
                  label: t('evaluation'),
                  children: (
                    <Form
                      layout="vertical"
                      initialValues={{ rating: 5 }}
                      onFinish={(values: { rating: number; comment?: string }) =>
                        void evaluation
                          .mutateAsync({ input: { workOrderId, rating: values.rating, comment: values.comment?.trim() || null } })
                          .then(done)
                          .catch(() => undefined)
                      }
                    >
                      <Form.Item name="rating" label={t('rating')}>
                        <Rate />
                      </Form.Item>
                      <Form.Item name="comment" label={t('comment')}>
                        <Input.TextArea rows={2} />
                      </Form.Item>
                      <Space>
                        <Button type="primary" htmlType="submit" loading={evaluation.isPending}>
                          {t('record')}
                        </Button>
                      </Space>
                    </Form>
                  ),
                },
              ]}
            />
          </>
        )}
      </Loaded>
    </Card>
  );
}
