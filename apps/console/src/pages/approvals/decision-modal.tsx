import { Form, Input, Modal } from 'antd';
import { useTranslation } from 'react-i18next';
import { ErrorNotice } from '../../lib/errors';

/** Approve or reject with a note: a rejection must say why (the person who asked reads it). */
export function DecisionModal({
  open,
  title,
  approve,
  busy,
  error,
  onSubmit,
  onClose,
  children,
}: {
  open: boolean;
  title: string;
  approve: boolean;
  busy: boolean;
  error: unknown;
  onSubmit: (note: string | null) => void;
  onClose: () => void;
  children?: React.ReactNode;
}) {
  const { t } = useTranslation('approvals');
  const [form] = Form.useForm<{ note?: string }>();
  return (
    <Modal
      open={open}
      title={title}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={approve ? t('common:actions.approve') : t('common:actions.reject')}
      okButtonProps={{ danger: !approve }}
      cancelText={t('common:actions.cancel')}
      confirmLoading={busy}
      destroyOnClose
    >
      {error ? <ErrorNotice error={error} /> : null}
      {children}
      <Form form={form} layout="vertical" preserve={false} onFinish={(values) => onSubmit(values.note?.trim() || null)}>
        <Form.Item
          name="note"
          label={approve ? t('decision.noteOptional') : t('decision.reason')}
          rules={approve ? [] : [{ required: true, whitespace: true, message: t('decision.reasonRequired') }]}
        >
          <Input.TextArea rows={2} autoFocus />
        </Form.Item>
      </Form>
    </Modal>
  );
}
