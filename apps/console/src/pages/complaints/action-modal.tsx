import { App, Form, Input, InputNumber, Modal, Radio, Rate, Select, Switch } from 'antd';
import { useTranslation } from 'react-i18next';
import {
  CloseComplaintDocument,
  ComplaintFullFragment,
  CustomerRespondedDocument,
  DetermineLiabilityDocument,
  GiveOpinionDocument,
  ProposeCompensationDocument,
  RecordContactDocument,
  ReopenComplaintDocument,
  ResolveComplaintDocument,
  StartInvestigationDocument,
  WaitForCustomerDocument,
  type CompensationPayer,
  type LiabilityParty,
} from '../../gql/graphql';
import { enumOptions } from '../../lib/enum-label';
import { ErrorNotice } from '../../lib/errors';
import { useGraphQLMutation } from '../../lib/graphql';
import type { ComplaintAction } from './allowed-actions';

const LIABILITIES: LiabilityParty[] = ['PRODUCT', 'INSTALLATION', 'SALES', 'LOGISTICS', 'CUSTOMER'];
const PAYERS: CompensationPayer[] = ['COMPANY', 'BRAND', 'INSURER', 'ENGINEER'];
/** What a complaint change refreshes: the case, the inbox, and the supervisor's waiting compensations. */
const AFTER = { invalidates: ['ComplaintDetail', 'ComplaintInbox', 'PendingCompensations'] };

interface Values {
  content?: string;
  proposedSolution?: string;
  note?: string;
  liability?: LiabilityParty;
  finding?: string;
  responsibleDepartment?: string;
  responsiblePerson?: string;
  opinion?: string;
  amountYuan?: number;
  payer?: CompensationPayer;
  reason?: string;
  resolution?: string;
  reviewWithdrawn?: boolean;
  satisfaction?: number;
  customerAccepted?: boolean;
}

/** The form of one complaint action; every field labelled, every choice a translated label. */
export function ActionModal({ action, complaint, onClose }: { action?: ComplaintAction; complaint: ComplaintFullFragment; onClose: () => void }) {
  const { t } = useTranslation('complaints');
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const contact = useGraphQLMutation(RecordContactDocument, AFTER);
  const investigate = useGraphQLMutation(StartInvestigationDocument, AFTER);
  const wait = useGraphQLMutation(WaitForCustomerDocument, AFTER);
  const responded = useGraphQLMutation(CustomerRespondedDocument, AFTER);
  const liability = useGraphQLMutation(DetermineLiabilityDocument, AFTER);
  const opinion = useGraphQLMutation(GiveOpinionDocument, AFTER);
  const compensation = useGraphQLMutation(ProposeCompensationDocument, AFTER);
  const resolve = useGraphQLMutation(ResolveComplaintDocument, AFTER);
  const close = useGraphQLMutation(CloseComplaintDocument, AFTER);
  const reopen = useGraphQLMutation(ReopenComplaintDocument, AFTER);
  const all = [contact, investigate, wait, responded, liability, opinion, compensation, resolve, close, reopen];
  const busy = all.some((mutation) => mutation.isPending);
  const error = all.find((mutation) => mutation.error)?.error;
  const id = complaint.id;
  const optional = (value?: string) => (value && value.trim() ? value.trim() : null);

  const submit = async (values: Values) => {
    try {
      switch (action) {
        case 'contact':
          await contact.mutateAsync({ id, input: { content: values.content!, proposedSolution: optional(values.proposedSolution) } });
          break;
        case 'investigate':
          await investigate.mutateAsync({ id, note: optional(values.note) });
          break;
        case 'wait':
          await wait.mutateAsync({ id, note: values.note! });
          break;
        case 'responded':
          await responded.mutateAsync({ id, note: values.note! });
          break;
        case 'liability':
          await liability.mutateAsync({
            id,
            input: {
              liability: values.liability!,
              finding: values.finding!,
              responsibleDepartment: optional(values.responsibleDepartment),
              responsiblePerson: optional(values.responsiblePerson),
            },
          });
          break;
        case 'opinion':
          await opinion.mutateAsync({ id, input: { opinion: values.opinion!, proposedSolution: optional(values.proposedSolution) } });
          break;
        case 'compensation':
          // The graph counts money in integer cents (fen); people type yuan.
          await compensation.mutateAsync({
            complaintId: id,
            input: { amountCents: Math.round((values.amountYuan ?? 0) * 100), currency: 'CNY', payer: values.payer!, reason: values.reason! },
          });
          break;
        case 'resolve':
          await resolve.mutateAsync({
            id,
            input: { resolution: values.resolution!, reviewWithdrawn: complaint.channel === 'REVIEW_SITE' ? !!values.reviewWithdrawn : null },
          });
          break;
        case 'close':
          await close.mutateAsync({
            id,
            input: { satisfaction: values.satisfaction!, customerAccepted: !!values.customerAccepted, note: optional(values.note) },
          });
          break;
        case 'reopen':
          await reopen.mutateAsync({ id, reason: values.reason! });
          break;
        default:
          return;
      }
      message.success(t(`actions.${action}.done`));
      form.resetFields();
      onClose();
    } catch {
      // shown in the dialog (error below)
    }
  };

  const required = [{ required: true, whitespace: true, message: t('common:states.required') }];
  const requiredChoice = [{ required: true, message: t('common:states.required') }];
  const cancel = () => {
    all.forEach((mutation) => mutation.reset());
    onClose();
  };
  return (
    <Modal
      open={!!action}
      title={action ? t(`actions.${action}.title`) : ''}
      onCancel={cancel}
      onOk={() => form.submit()}
      okText={t('common:actions.save')}
      cancelText={t('common:actions.cancel')}
      confirmLoading={busy}
      destroyOnClose
    >
      {error ? (
        <div style={{ marginBottom: 12 }}>
          <ErrorNotice error={error} />
        </div>
      ) : null}
      <Form form={form} layout="vertical" onFinish={(values) => void submit(values)} preserve={false} initialValues={{ customerAccepted: true }}>
        {action === 'contact' && (
          <>
            <Form.Item name="content" label={t('form.content')} rules={required}>
              <Input.TextArea rows={3} autoFocus />
            </Form.Item>
            <Form.Item name="proposedSolution" label={t('form.solutionChanged')}>
              <Input />
            </Form.Item>
          </>
        )}
        {action === 'investigate' && (
          <Form.Item name="note" label={t('form.note')}>
            <Input.TextArea rows={2} autoFocus />
          </Form.Item>
        )}
        {(action === 'wait' || action === 'responded') && (
          <Form.Item name="note" label={t(action === 'wait' ? 'form.waitNote' : 'form.respondedNote')} rules={required}>
            <Input.TextArea rows={2} autoFocus />
          </Form.Item>
        )}
        {action === 'liability' && (
          <>
            <Form.Item name="liability" label={t('form.liability')} rules={requiredChoice}>
              <Select options={enumOptions('LiabilityParty', LIABILITIES)} data-testid="liability-party" />
            </Form.Item>
            <Form.Item name="finding" label={t('form.finding')} rules={required}>
              <Input.TextArea rows={2} />
            </Form.Item>
            <Form.Item name="responsibleDepartment" label={t('form.department')}>
              <Input />
            </Form.Item>
            <Form.Item name="responsiblePerson" label={t('form.person')}>
              <Input />
            </Form.Item>
          </>
        )}
        {action === 'opinion' && (
          <>
            <Form.Item name="opinion" label={t('form.opinion')} rules={required}>
              <Input.TextArea rows={3} autoFocus />
            </Form.Item>
            <Form.Item name="proposedSolution" label={t('form.solutionChanged')}>
              <Input />
            </Form.Item>
          </>
        )}
        {action === 'compensation' && (
          <>
            <Form.Item name="amountYuan" label={t('form.amount')} rules={requiredChoice} extra={t('form.amountHint')}>
              <InputNumber min={0.01} step={10} precision={2} prefix="¥" style={{ width: '100%' }} autoFocus />
            </Form.Item>
            <Form.Item name="payer" label={t('form.payer')} rules={requiredChoice}>
              <Select options={enumOptions('CompensationPayer', PAYERS)} data-testid="compensation-payer" />
            </Form.Item>
            <Form.Item name="reason" label={t('form.reason')} rules={required}>
              <Input />
            </Form.Item>
          </>
        )}
        {action === 'resolve' && (
          <>
            <Form.Item name="resolution" label={t('form.resolution')} rules={required}>
              <Input.TextArea rows={3} autoFocus />
            </Form.Item>
            {complaint.channel === 'REVIEW_SITE' && (
              <Form.Item name="reviewWithdrawn" label={t('form.reviewWithdrawn')} valuePropName="checked">
                <Switch />
              </Form.Item>
            )}
          </>
        )}
        {action === 'close' && (
          <>
            <Form.Item name="satisfaction" label={t('form.satisfaction')} rules={requiredChoice}>
              <Rate count={5} tooltips={[1, 2, 3, 4, 5].map((score) => t('form.stars', { count: score }))} data-testid="close-satisfaction" />
            </Form.Item>
            <Form.Item name="customerAccepted" label={t('form.accepted')} rules={requiredChoice}>
              <Radio.Group
                options={[
                  { value: true, label: t('form.acceptedYes') },
                  { value: false, label: t('form.acceptedNo') },
                ]}
              />
            </Form.Item>
            <Form.Item name="note" label={t('form.note')}>
              <Input.TextArea rows={2} />
            </Form.Item>
          </>
        )}
        {action === 'reopen' && (
          <Form.Item name="reason" label={t('form.reopenReason')} rules={required}>
            <Input.TextArea rows={2} autoFocus />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}
