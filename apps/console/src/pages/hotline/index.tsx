import { Alert, App, Button, Card, Col, DatePicker, Form, Input, Modal, Radio, Row, Space, Statistic, Switch, Tag } from 'antd';
import dayjs from 'dayjs';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  CompleteCallbackDocument,
  HotlineAnswerRatesDocument,
  OpenCallbacksDocument,
  RecordHotlineCallDocument,
  type CallbackStatus,
  type OpenCallbacksQuery,
} from '../../gql/graphql';
import { categoryAxis, Chart } from '../../lib/chart';
import { ErrorNotice } from '../../lib/errors';
import { addDays, chinaToday, formatChinaDate, formatChinaDateTime, formatPercent } from '../../lib/format';
import { useGraphQLMutation, useGraphQLQuery } from '../../lib/graphql';
import { hasRole, useSession } from '../../lib/session';
import { ResponsiveList } from '../../lib/responsive-list';
import { Loaded } from '../../lib/states';
import { answerRateOver, ANSWER_RATE_TARGET } from './answer-rate';

type Callback = OpenCallbacksQuery['openCallbacks'][number];

/** The 400 line: log a call, call back the missed ones, and the answer rate against the 85 % target. */
export default function HotlinePage() {
  const { t } = useTranslation('hotline');
  const [range, setRange] = useState<[string, string]>([addDays(chinaToday(), -13), chinaToday()]);
  const callbacks = useGraphQLQuery(OpenCallbacksDocument, {}, { refetchInterval: 15000 });
  const { session } = useSession();
  // The graph gives the answer rate to supervisors (and admins) only: an agent sees why it is not here.
  const mayReadRates = hasRole(session, 'SUPERVISOR', 'ADMIN');
  const rates = useGraphQLQuery(HotlineAnswerRatesDocument, { from: range[0], to: range[1] }, { refetchInterval: 60000, enabled: mayReadRates });
  const [calling, setCalling] = useState<Callback>();

  const days = useMemo(() => [...(rates.data?.hotlineAnswerRates ?? [])].sort((a, b) => a.day.localeCompare(b.day)), [rates.data]);
  const overall = answerRateOver(days);
  const option = useMemo(() => {
    const offered = days.filter((day) => day.offered > 0);
    if (offered.length === 0) return null;
    return {
      tooltip: { trigger: 'axis', valueFormatter: (value: number) => `${value}%` },
      xAxis: categoryAxis(offered.map((day) => formatChinaDate(day.day))),
      yAxis: { type: 'value', min: 0, max: 100, axisLabel: { formatter: '{value}%' } },
      series: [
        {
          type: 'bar',
          name: t('rate.answered'),
          data: offered.map((day) => ({ value: Math.round(day.answerRate * 1000) / 10, itemStyle: { color: day.meetsTarget ? '#2e7d32' : '#c62828' } })),
          markLine: {
            symbol: 'none',
            label: { formatter: t('rate.target', { target: ANSWER_RATE_TARGET * 100 }) },
            data: [{ yAxis: ANSWER_RATE_TARGET * 100 }],
            lineStyle: { type: 'dashed', color: '#555' },
          },
        },
      ],
      grid: { left: 16, right: 60, top: 24, bottom: 30, containLabel: true },
    };
  }, [days, t]);

  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      <LogCall />
      <Card title={t('callbacks.title')}>
        <Loaded query={callbacks} isEmpty={(data) => data.openCallbacks.length === 0} empty={t('callbacks.none')}>
          {(data) => (
            <ResponsiveList<Callback>
              rowKey="id"
              size="small"
              pagination={false}
              dataSource={data.openCallbacks}
              data-testid="open-callbacks"
              columns={[
                { title: t('callbacks.phone'), dataIndex: 'callerPhone' },
                { title: t('callbacks.missedAt'), dataIndex: 'calledAt', render: formatChinaDateTime },
                {
                  title: t('common:table.actions'),
                  key: 'call-back',
                  render: (_, call) => (
                    <Button size="small" type="primary" onClick={() => setCalling(call)} data-testid="complete-callback">
                      {t('callbacks.complete')}
                    </Button>
                  ),
                },
              ]}
            />
          )}
        </Loaded>
      </Card>
      <Card
        title={t('rate.title')}
        extra={
          <DatePicker.RangePicker
            allowClear={false}
            aria-label={t('rate.period')}
            value={[dayjs(range[0]), dayjs(range[1])]}
            onChange={(values) => values?.[0] && values[1] && setRange([values[0].format('YYYY-MM-DD'), values[1].format('YYYY-MM-DD')])}
          />
        }
      >
        {!mayReadRates ? (
          <Alert type="info" showIcon message={t('rate.supervisorsOnly')} data-testid="answer-rate-supervisors-only" />
        ) : (
          <Loaded query={rates}>
            {() => (
              <Space direction="vertical" style={{ width: '100%' }}>
                <Row gutter={[16, 16]}>
                  <Col xs={12} md={6}>
                    <Statistic title={t('rate.offered')} value={overall.offered} />
                  </Col>
                  <Col xs={12} md={6}>
                    <Statistic title={t('rate.missed')} value={overall.missed} />
                  </Col>
                  <Col xs={24} md={12}>
                    <Space direction="vertical" size={0} data-testid="answer-rate">
                      <Statistic title={t('rate.overall')} value={overall.rate === null ? t('common:states.noDataYet') : formatPercent(overall.rate)} />
                      {overall.rate !== null && (
                        <Tag color={overall.rate >= ANSWER_RATE_TARGET ? 'green' : 'red'}>
                          {t(overall.rate >= ANSWER_RATE_TARGET ? 'rate.meets' : 'rate.below', { target: formatPercent(ANSWER_RATE_TARGET) })}
                        </Tag>
                      )}
                    </Space>
                  </Col>
                </Row>
                <Chart option={option} height={260} testId="answer-rate-chart" label={t('rate.title')} />
              </Space>
            )}
          </Loaded>
        )}
      </Card>
      {calling && <CallbackModal call={calling} onClose={() => setCalling(undefined)} />}
    </Space>
  );
}

function LogCall() {
  const { t } = useTranslation('hotline');
  const { message } = App.useApp();
  const [form] = Form.useForm<{ callerPhone: string; answered: boolean }>();
  const record = useGraphQLMutation(RecordHotlineCallDocument, { invalidates: ['OpenCallbacks', 'HotlineAnswerRates'] });
  const submit = async (values: { callerPhone: string; answered: boolean }) => {
    try {
      const call = await record.mutateAsync({ input: { callerPhone: values.callerPhone.trim(), answered: values.answered } });
      message.success(call.recordHotlineCall.answered ? t('log.answered') : t('log.missed'));
      form.resetFields();
    } catch {
      // shown above the form
    }
  };
  return (
    <Card title={t('log.title')}>
      {record.error ? <ErrorNotice error={record.error} /> : null}
      <Form
        form={form}
        layout="inline"
        onFinish={(values) => void submit(values)}
        initialValues={{ answered: true }}
        data-testid="log-call"
        style={{ rowGap: 8 }}
      >
        <Form.Item name="callerPhone" label={t('log.phone')} rules={[{ required: true, whitespace: true, message: t('common:states.required') }]}>
          <Input style={{ width: 180 }} inputMode="tel" />
        </Form.Item>
        <Form.Item name="answered" label={t('log.answeredLabel')} valuePropName="checked">
          <Switch />
        </Form.Item>
        <Form.Item>
          <Button type="primary" htmlType="submit" loading={record.isPending}>
            {t('log.submit')}
          </Button>
        </Form.Item>
      </Form>
    </Card>
  );
}

function CallbackModal({ call, onClose }: { call: Callback; onClose: () => void }) {
  const { t } = useTranslation('hotline');
  const { message } = App.useApp();
  const [form] = Form.useForm<{ outcome: CallbackStatus; note?: string }>();
  const complete = useGraphQLMutation(CompleteCallbackDocument, { invalidates: ['OpenCallbacks', 'HotlineAnswerRates'] });
  const submit = async (values: { outcome: CallbackStatus; note?: string }) => {
    try {
      await complete.mutateAsync({ callId: call.id, input: { outcome: values.outcome, note: values.note?.trim() || null } });
      message.success(t('callbacks.done'));
      onClose();
    } catch {
      // shown in the dialog
    }
  };
  return (
    <Modal
      open
      title={t('callbacks.modalTitle', { phone: call.callerPhone })}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('common:actions.save')}
      cancelText={t('common:actions.cancel')}
      confirmLoading={complete.isPending}
    >
      {complete.error ? <ErrorNotice error={complete.error} /> : null}
      <Form form={form} layout="vertical" onFinish={(values) => void submit(values)} initialValues={{ outcome: 'DONE' }}>
        <Form.Item name="outcome" label={t('callbacks.outcome')}>
          <Radio.Group
            options={[
              { value: 'DONE', label: t('callbacks.reached') },
              { value: 'UNREACHABLE', label: t('callbacks.unreachable') },
            ]}
          />
        </Form.Item>
        <Form.Item name="note" label={t('common:fields.note')}>
          <Input.TextArea rows={2} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
