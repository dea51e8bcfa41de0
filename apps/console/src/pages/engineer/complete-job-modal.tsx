import { App, Checkbox, Form, Input, InputNumber, Modal, Switch } from 'antd';
import { useTranslation } from 'react-i18next';
import { CompleteWorkOrderDocument, EngineerJobFragment } from '../../gql/graphql';
import { ErrorNotice } from '../../lib/errors';
import { formatMoney } from '../../lib/format';
import { useGraphQLMutation } from '../../lib/graphql';
import { amountDueOf, amountForReplaced, completionFields, yuanToCents } from './job-facts';

interface CompletionForm {
  installedSerial?: string;
  measuredAreaM2?: number;
  replacedStages?: string[];
  refusedAtDoor?: boolean;
  collectedYuan?: number;
  notes?: string;
}

/** Completing a job on site: the facts its kind asks for (serial, measured area, stages replaced, amount collected). */
export function CompleteJobModal({ job, onClose }: { job: EngineerJobFragment; onClose: () => void }) {
  const { t } = useTranslation('engineer');
  const { message } = App.useApp();
  const [form] = Form.useForm<CompletionForm>();
  const complete = useGraphQLMutation(CompleteWorkOrderDocument, { invalidates: ['EngineerDay', 'EngineerPay'] });
  const fields = completionFields(job.type);
  const due = amountDueOf(job);
  const refused = Form.useWatch('refusedAtDoor', form) ?? false;
  const replaced = Form.useWatch('replacedStages', form) ?? job.stages;
  // What the stages actually replaced cost: a stage refused at the door is not charged.
  const owed = fields.stages ? amountForReplaced(job, replaced) : due;

  const submit = async (values: CompletionForm) => {
    try {
      const collected = values.refusedAtDoor ? 0 : (yuanToCents(values.collectedYuan) ?? 0);
      await complete.mutateAsync({
        input: {
          workOrderId: job.id,
          installedSerial: values.installedSerial?.trim() || null,
          measuredAreaM2: values.measuredAreaM2 ?? null,
          replacedStages: fields.stages && !values.refusedAtDoor ? (values.replacedStages ?? []) : null,
          refusedAtDoor: values.refusedAtDoor ?? false,
          paymentCollectedCents: collected,
          // Less collected than the replaced stages cost: the customer refused to pay the rest.
          refusedAmountCents: owed !== null && !values.refusedAtDoor && collected < owed ? owed - collected : null,
          notes: values.notes?.trim() || null,
        },
      });
      message.success(t('completed'));
      onClose();
    } catch {
      // shown in the modal
    }
  };

  return (
    <Modal
      open
      title={t('completeTitle')}
      okText={t('complete')}
      cancelText={t('common:actions.cancel')}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={complete.isPending}
      okButtonProps={{ 'data-testid': 'confirm-complete' } as Record<string, string>}
      width={480}
    >
      {complete.error ? <ErrorNotice error={complete.error} /> : null}
      <Form
        form={form}
        layout="vertical"
        onFinish={(values) => void submit(values)}
        onValuesChange={(changed: Partial<CompletionForm>) => {
          if (changed.replacedStages) {
            const amount = amountForReplaced(job, changed.replacedStages);
            if (amount !== null) form.setFieldValue('collectedYuan', amount / 100);
          }
        }}
        initialValues={{ replacedStages: job.stages, refusedAtDoor: false, collectedYuan: due === null ? undefined : due / 100 }}
      >
        {fields.serial && (
          <Form.Item name="installedSerial" label={t('form.serial')} rules={[{ required: true, whitespace: true, message: t('form.serialRequired') }]}>
            <Input autoComplete="off" inputMode="text" data-testid="serial" />
          </Form.Item>
        )}
        {fields.area && (
          <Form.Item name="measuredAreaM2" label={t('form.area')}>
            <InputNumber min={0} step={1} style={{ width: '100%' }} data-testid="measured-area" />
          </Form.Item>
        )}
        {fields.stages && (
          <Form.Item name="refusedAtDoor" label={t('form.refusedAtDoor')} valuePropName="checked">
            <Switch />
          </Form.Item>
        )}
        {fields.stages && !refused && (
          <Form.Item name="replacedStages" label={t('form.stages')}>
            <Checkbox.Group options={job.stages.map((stage) => ({ value: stage, label: stage }))} />
          </Form.Item>
        )}
        {(fields.payment || due !== null) && !refused && (
          <Form.Item name="collectedYuan" label={t('form.collected')} extra={owed === null ? undefined : t('form.due', { amount: formatMoney(owed) })}>
            <InputNumber min={0} step={0.01} precision={2} prefix="¥" style={{ width: '100%' }} inputMode="decimal" data-testid="collected" />
          </Form.Item>
        )}
        <Form.Item name="notes" label={t('form.notes')}>
          <Input.TextArea rows={2} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
