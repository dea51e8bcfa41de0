import { Form, Input, Modal, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { ChangeProspectGradeDocument, SalesCardFragment, type ProspectGrade } from '../../gql/graphql';
import { enumOptions } from '../../lib/enum-label';
import { ErrorNotice } from '../../lib/errors';
import { useGraphQLMutation } from '../../lib/graphql';

const GRADES: ProspectGrade[] = ['A', 'B', 'C', 'D', 'E', 'F'];

export function GradeModal({ card, onClose }: { card: SalesCardFragment; onClose: () => void }) {
  const { t } = useTranslation('sales');
  const [form] = Form.useForm<{ grade: ProspectGrade; reason: string }>();
  const change = useGraphQLMutation(ChangeProspectGradeDocument, { invalidates: ['SalesCustomer', 'MyCustomers'] });
  return (
    <Modal
      open
      title={t('grade.title', { name: card.name })}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={change.isPending}
      okText={t('common:actions.save')}
      cancelText={t('common:actions.cancel')}
    >
      {change.error ? <ErrorNotice error={change.error} /> : null}
      <Form
        form={form}
        layout="vertical"
        initialValues={{ grade: card.grade }}
        onFinish={(values) =>
          void change
            .mutateAsync({ input: { customerId: card.id, grade: values.grade, reason: values.reason.trim() } })
            .then(onClose)
            .catch(() => undefined)
        }
      >
        <Form.Item name="grade" label={t('form.grade')}>
          <Select options={enumOptions('ProspectGrade', GRADES)} />
        </Form.Item>
        <Form.Item name="reason" label={t('grade.reason')} rules={[{ required: true, whitespace: true }]}>
          <Input.TextArea rows={2} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
