import { App, Button, Card, Col, Empty, Form, Input, Modal, Row, Select, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FileDisputeEvidenceDocument, OpenDisputesQuery, RuleDisputeDocument, type DisputeRuling, type DisputeSide } from '../../gql/graphql';
import { enumLabel, enumOptions } from '../../lib/enum-label';
import { ErrorNotice } from '../../lib/errors';
import { formatChinaDateTime } from '../../lib/format';
import { useGraphQLMutation } from '../../lib/graphql';
import { href } from '../../lib/route';
import { Loaded, type QueryLike } from '../../lib/states';

type Dispute = OpenDisputesQuery['disputes'][number];
const SIDES: DisputeSide[] = ['SALES', 'SERVICE'];
const RULINGS: DisputeRuling[] = ['SERVICE_FULFILS', 'AMEND_CONTRACT', 'RENEGOTIATE'];
const AFTER = { invalidates: ['OpenDisputes'] };

/** Contract disputes: both sides' evidence side by side, then the ruling (possible once both sides have spoken). */
export function Disputes({ query }: { query: QueryLike<OpenDisputesQuery> }) {
  const { t } = useTranslation('approvals');
  return (
    <Loaded query={query} isEmpty={(data) => data.disputes.length === 0} empty={t('disputes.none')}>
      {(data) => (
        <Space direction="vertical" style={{ width: '100%' }} data-testid="open-disputes">
          {data.disputes.map((dispute) => (
            <DisputeCard key={dispute.id} dispute={dispute} />
          ))}
        </Space>
      )}
    </Loaded>
  );
}

function DisputeCard({ dispute }: { dispute: Dispute }) {
  const { t } = useTranslation('approvals');
  const { message } = App.useApp();
  const rule = useGraphQLMutation(RuleDisputeDocument, AFTER);
  const [ruling, setRuling] = useState<DisputeRuling>();
  const [note, setNote] = useState('');
  const [filing, setFiling] = useState<DisputeSide>();
  const bothSides = SIDES.every((side) => dispute.evidence.some((evidence) => evidence.side === side));

  const submit = async () => {
    if (!ruling) return;
    try {
      await rule.mutateAsync({ disputeId: dispute.id, input: { ruling, note: note.trim() || null } });
      message.success(t('disputes.ruled'));
    } catch {
      // shown in the card
    }
  };

  return (
    <Card
      size="small"
      title={t('disputes.title', { reason: enumLabel('DisputeReason', dispute.reason), at: formatChinaDateTime(dispute.openedAt) })}
      extra={<a href={href('customers', dispute.customerId)}>{t('disputes.customer')}</a>}
      data-testid="dispute"
    >
      {dispute.description && <Typography.Paragraph>{dispute.description}</Typography.Paragraph>}
      <Row gutter={[16, 16]}>
        {SIDES.map((side) => {
          const evidence = dispute.evidence.filter((item) => item.side === side);
          return (
            <Col xs={24} md={12} key={side}>
              <Card size="small" type="inner" title={t('disputes.side', { side: enumLabel('DisputeSide', side) })} data-testid={`evidence-${side}`}>
                {evidence.length === 0 ? (
                  <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('disputes.noEvidence')} />
                ) : (
                  evidence.map((item) => (
                    <Typography.Paragraph key={item.id} style={{ overflowWrap: 'anywhere' }}>
                      {item.content}
                      <br />
                      <Typography.Text type="secondary">{t('disputes.filed', { by: item.filedBy, at: formatChinaDateTime(item.filedAt) })}</Typography.Text>
                    </Typography.Paragraph>
                  ))
                )}
                <Button size="small" onClick={() => setFiling(side)}>
                  {t('disputes.addEvidence')}
                </Button>
              </Card>
            </Col>
          );
        })}
      </Row>
      <div style={{ marginTop: 12 }}>
        {rule.error ? <ErrorNotice error={rule.error} /> : null}
        {bothSides ? (
          <Space wrap style={{ marginTop: 8 }}>
            <Select<DisputeRuling>
              placeholder={t('disputes.ruling')}
              aria-label={t('disputes.ruling')}
              style={{ width: 200 }}
              value={ruling}
              onChange={setRuling}
              options={enumOptions('DisputeRuling', RULINGS)}
              data-testid="dispute-ruling"
            />
            <Input
              placeholder={t('disputes.note')}
              aria-label={t('disputes.note')}
              value={note}
              onChange={(event) => setNote(event.target.value)}
              style={{ width: 260, maxWidth: '100%' }}
            />
            <Button type="primary" disabled={!ruling} loading={rule.isPending} onClick={() => void submit()} data-testid="rule-dispute">
              {t('disputes.rule')}
            </Button>
          </Space>
        ) : (
          <Typography.Text type="secondary">{t('disputes.waitingForBoth')}</Typography.Text>
        )}
      </div>
      {filing && <EvidenceModal dispute={dispute} side={filing} onClose={() => setFiling(undefined)} />}
    </Card>
  );
}

function EvidenceModal({ dispute, side, onClose }: { dispute: Dispute; side: DisputeSide; onClose: () => void }) {
  const { t } = useTranslation('approvals');
  const file = useGraphQLMutation(FileDisputeEvidenceDocument, AFTER);
  const [form] = Form.useForm<{ content: string }>();
  const submit = async ({ content }: { content: string }) => {
    try {
      await file.mutateAsync({ disputeId: dispute.id, input: { side, content: content.trim() } });
      onClose();
    } catch {
      // shown in the dialog
    }
  };
  return (
    <Modal
      open
      title={t('disputes.evidenceTitle', { side: enumLabel('DisputeSide', side) })}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('common:actions.save')}
      cancelText={t('common:actions.cancel')}
      confirmLoading={file.isPending}
    >
      {file.error ? <ErrorNotice error={file.error} /> : null}
      <Form form={form} layout="vertical" onFinish={(values) => void submit(values)}>
        <Form.Item name="content" label={t('disputes.evidence')} rules={[{ required: true, whitespace: true, message: t('common:states.required') }]}>
          <Input.TextArea rows={3} autoFocus />
        </Form.Item>
      </Form>
    </Modal>
  );
}
