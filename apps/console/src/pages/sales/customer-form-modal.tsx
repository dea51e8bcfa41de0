import { Button, Checkbox, Form, Input, InputNumber, Modal, Select, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { CreateCustomerDocument, SalesCardFragment, UpdateCustomerDocument, type BusinessType, type ProspectGrade } from '../../gql/graphql';
import { enumOptions } from '../../lib/enum-label';
import { ErrorNotice } from '../../lib/errors';
import { useGraphQLMutation } from '../../lib/graphql';
import { BUSINESS_TYPES } from '../admin/sales-reference';

const GRADES: ProspectGrade[] = ['A', 'B', 'C', 'D', 'E', 'F'];

interface CardForm {
  name: string;
  phone: string;
  city: string;
  address: string;
  businessType: BusinessType;
  grade: ProspectGrade;
  scale?: number;
  influence?: number;
  key?: boolean;
  contacts?: { name: string; phone: string; position?: string }[];
  sites?: { city: string; address: string; areaM2?: number }[];
}

const trimmed = (value: string | undefined) => value?.trim() || null;

/** A customer card: create one, or edit its profile, contacts and sites. */
export function CustomerFormModal({ card, onClose, onSaved }: { card?: SalesCardFragment; onClose: () => void; onSaved?: (id: string) => void }) {
  const { t } = useTranslation('sales');
  const [form] = Form.useForm<CardForm>();
  const create = useGraphQLMutation(CreateCustomerDocument, { invalidates: ['MyCustomers'] });
  const update = useGraphQLMutation(UpdateCustomerDocument, { invalidates: ['MyCustomers', 'SalesCustomer'] });
  const busy = create.isPending || update.isPending;

  const submit = async (values: CardForm) => {
    const profile = {
      name: values.name.trim(),
      city: values.city.trim(),
      address: values.address.trim(),
      businessType: values.businessType,
      // Left out when not given (the graph takes a missing field as "as it is"; an explicit null is refused).
      ...(values.scale != null ? { scale: values.scale } : {}),
      ...(values.influence != null ? { influence: values.influence } : {}),
      key: values.key ?? false,
      contacts: (values.contacts ?? []).map((contact) => ({ name: contact.name.trim(), phone: contact.phone.trim(), position: trimmed(contact.position) })),
      sites: (values.sites ?? []).map((site) => ({ city: site.city.trim(), address: site.address.trim(), areaM2: site.areaM2 ?? null })),
    };
    try {
      if (card) {
        await update.mutateAsync({ id: card.id, input: profile });
        onSaved?.(card.id);
      } else {
        const result = await create.mutateAsync({ input: { ...profile, phone: values.phone.trim(), grade: values.grade } });
        onSaved?.(result.createCustomer.id);
      }
      onClose();
    } catch {
      // shown in the modal
    }
  };

  return (
    <Modal
      open
      width={640}
      title={card ? t('form.editTitle', { name: card.name }) : t('form.newTitle')}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={busy}
      okText={t('common:actions.save')}
      cancelText={t('common:actions.cancel')}
      okButtonProps={{ 'data-testid': 'save-customer' } as Record<string, string>}
    >
      {create.error || update.error ? <ErrorNotice error={create.error ?? update.error} /> : null}
      <Form<CardForm>
        form={form}
        layout="vertical"
        onFinish={(values) => void submit(values)}
        initialValues={
          card
            ? {
                ...card,
                scale: card.scale,
                influence: card.influence,
                contacts: card.contacts.map((contact) => ({ ...contact, position: contact.position ?? undefined })),
                sites: card.sites.map((site) => ({ ...site, areaM2: site.areaM2 ?? undefined })),
              }
            : { businessType: 'RESTAURANT', grade: 'C', key: false, contacts: [], sites: [] }
        }
      >
        <Form.Item name="name" label={t('form.name')} rules={[{ required: true, whitespace: true }]}>
          <Input data-testid="customer-name" />
        </Form.Item>
        {!card && (
          <Form.Item name="phone" label={t('form.phone')} rules={[{ required: true, whitespace: true }]}>
            <Input inputMode="tel" data-testid="customer-phone-input" />
          </Form.Item>
        )}
        <Space wrap align="start">
          <Form.Item name="city" label={t('form.city')} rules={[{ required: true, whitespace: true }]}>
            <Input data-testid="customer-city" />
          </Form.Item>
          <Form.Item name="businessType" label={t('form.businessType')}>
            <Select options={enumOptions('BusinessType', BUSINESS_TYPES)} style={{ width: 140 }} />
          </Form.Item>
          {!card && (
            <Form.Item name="grade" label={t('form.grade')}>
              <Select options={enumOptions('ProspectGrade', GRADES)} style={{ width: 120 }} />
            </Form.Item>
          )}
        </Space>
        <Form.Item name="address" label={t('form.address')} rules={[{ required: true, whitespace: true }]}>
          <Input data-testid="customer-address" />
        </Form.Item>
        <Space wrap align="start">
          <Form.Item name="scale" label={t('form.scale')}>
            <InputNumber min={1} max={5} />
          </Form.Item>
          <Form.Item name="influence" label={t('form.influence')}>
            <InputNumber min={1} max={5} />
          </Form.Item>
          <Form.Item name="key" label={t('form.key')} valuePropName="checked">
            <Checkbox>{t('form.keyYes')}</Checkbox>
          </Form.Item>
        </Space>
        <Form.List name="contacts">
          {(fields, { add, remove }) => (
            <fieldset style={{ border: 'none', padding: 0, margin: 0 }}>
              <legend style={{ fontSize: 14, fontWeight: 600 }}>{t('form.contacts')}</legend>
              {fields.map((field) => (
                <Space key={field.key} wrap align="start">
                  <Form.Item name={[field.name, 'name']} label={t('form.contactName')} rules={[{ required: true, whitespace: true }]}>
                    <Input data-testid="contact-name" />
                  </Form.Item>
                  <Form.Item name={[field.name, 'phone']} label={t('form.contactPhone')} rules={[{ required: true, whitespace: true }]}>
                    <Input inputMode="tel" data-testid="contact-phone" />
                  </Form.Item>
                  <Form.Item name={[field.name, 'position']} label={t('form.position')}>
                    <Input />
                  </Form.Item>
                  <Button type="link" danger onClick={() => remove(field.name)}>
                    {t('common:actions.remove')}
                  </Button>
                </Space>
              ))}
              <Button type="dashed" onClick={() => add({ name: '', phone: '' })} data-testid="add-contact">
                {t('form.addContact')}
              </Button>
            </fieldset>
          )}
        </Form.List>
        <Form.List name="sites">
          {(fields, { add, remove }) => (
            <fieldset style={{ border: 'none', padding: 0, margin: '12px 0 0' }}>
              <legend style={{ fontSize: 14, fontWeight: 600 }}>{t('form.sites')}</legend>
              {fields.map((field) => (
                <Space key={field.key} wrap align="start">
                  <Form.Item name={[field.name, 'city']} label={t('form.city')} rules={[{ required: true, whitespace: true }]}>
                    <Input />
                  </Form.Item>
                  <Form.Item name={[field.name, 'address']} label={t('form.address')} rules={[{ required: true, whitespace: true }]}>
                    <Input data-testid="site-address" />
                  </Form.Item>
                  <Form.Item name={[field.name, 'areaM2']} label={t('form.area')}>
                    <InputNumber min={0} />
                  </Form.Item>
                  <Button type="link" danger onClick={() => remove(field.name)}>
                    {t('common:actions.remove')}
                  </Button>
                </Space>
              ))}
              <Button type="dashed" onClick={() => add({ city: form.getFieldValue('city') ?? '', address: '' })}>
                {t('form.addSite')}
              </Button>
            </fieldset>
          )}
        </Form.List>
      </Form>
    </Modal>
  );
}
