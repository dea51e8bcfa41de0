import { App, Button, Card, Form, Input, Select, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { LogContactDocument, type MaintenanceContactInitiator, type MaintenanceContactKind } from '../../gql/graphql';
import { enumOptions } from '../../lib/enum-label';
import { ErrorNotice } from '../../lib/errors';
import { useGraphQLMutation } from '../../lib/graphql';

const KINDS: MaintenanceContactKind[] = ['CALL', 'VISIT', 'ONLINE'];
const INITIATORS: MaintenanceContactInitiator[] = ['SALES', 'CUSTOMER'];

/** Keeping the customer warm: each call, visit or online contact goes on the maintenance trace. */
export function LogContactForm({ customerId }: { customerId: string }) {
  const { t } = useTranslation('sales');
  const { message } = App.useApp();
  const [form] = Form.useForm<{ kind: MaintenanceContactKind; initiatedBy: MaintenanceContactInitiator; place?: string; notes: string }>();
  const log = useGraphQLMutation(LogContactDocument, { invalidates: ['SalesCustomer'] });
  const kind = Form.useWatch('kind', form);
  return (
    <Card size="small" title={t('trace.log')}>
      {log.error ? <ErrorNotice error={log.error} /> : null}
      <Form
        form={form}
        layout="vertical"
        initialValues={{ kind: 'CALL', initiatedBy: 'SALES' }}
        onFinish={(values) =>
          void log
            .mutateAsync({
              input: { customerId, kind: values.kind, initiatedBy: values.initiatedBy, place: values.place?.trim() || null, notes: values.notes.trim() },
            })
            .then(() => {
              message.success(t('trace.logged'));
              form.resetFields(['notes', 'place']);
            })
            .catch(() => undefined)
        }
      >
        <Space wrap align="start">
          <Form.Item name="kind" label={t('trace.kind')}>
            <Select options={enumOptions('MaintenanceContactKind', KINDS)} style={{ width: 120 }} data-testid="contact-kind" />
          </Form.Item>
          <Form.Item name="initiatedBy" label={t('trace.initiatedBy')}>
            <Select options={enumOptions('MaintenanceContactInitiator', INITIATORS)} style={{ width: 120 }} />
          </Form.Item>
          {kind === 'VISIT' && (
            <Form.Item name="place" label={t('trace.place')}>
              <Input style={{ width: 220, maxWidth: '100%' }} />
            </Form.Item>
          )}
        </Space>
        <Form.Item name="notes" label={t('trace.notes')} rules={[{ required: true, whitespace: true }]}>
          <Input.TextArea rows={2} data-testid="contact-notes" />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={log.isPending} data-testid="log-contact">
          {t('trace.logButton')}
        </Button>
      </Form>
    </Card>
  );
}
