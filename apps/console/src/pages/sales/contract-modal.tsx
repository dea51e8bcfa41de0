import { Alert, App, Button, DatePicker, Descriptions, Form, Input, InputNumber, Modal, Select, Space, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { ContractGuardrailsDocument, CreateContractDocument, RequestPromiseApprovalDocument, SalesCardFragment, type QualityStandard } from '../../gql/graphql';
import { EnumLabel, enumLabel, enumOptions } from '../../lib/enum-label';
import { ErrorNotice } from '../../lib/errors';
import { chinaToday, formatChinaDateTime, formatMoney } from '../../lib/format';
import { useGraphQLMutation, useGraphQLQuery } from '../../lib/graphql';
import { Loaded } from '../../lib/states';
import { QUALITY_STANDARDS } from '../admin/sales-reference';
import { yuanToCents } from '../engineer/job-facts';
import { checkDraft } from './guardrails';

interface ContractForm {
  siteAddress: string;
  signedAreaM2: number;
  items: { item?: string; priceYuan?: number }[];
  visitsPerMonth: number;
  qualityStandard: QualityStandard;
  startsOn: Dayjs;
  promiseApprovalId?: string;
  approvalReason?: string;
}

/**
 * A new contract with its guardrails in view while it is written: each item's reference price and floor, the
 * business type's standard promise, and — when the promise goes beyond it — the approvals the customer has.
 */
export function ContractModal({ card, onClose }: { card: SalesCardFragment; onClose: () => void }) {
  const { t } = useTranslation('sales');
  const { message } = App.useApp();
  const [form] = Form.useForm<ContractForm>();
  const guardrails = useGraphQLQuery(ContractGuardrailsDocument, { region: card.region, customerId: card.id });
  const create = useGraphQLMutation(CreateContractDocument, { invalidates: ['SalesCustomer'] });
  const request = useGraphQLMutation(RequestPromiseApprovalDocument, { invalidates: ['ContractGuardrails'] });
  const watched = Form.useWatch([], form) as ContractForm | undefined;

  return (
    <Modal open width={760} title={t('contract.title', { name: card.name })} onCancel={onClose} footer={null}>
      <Loaded query={guardrails}>
        {(data) => {
          const references = data.referencePrices.filter((row) => row.businessType === card.businessType);
          const template = data.promiseTemplates.find((row) => row.businessType === card.businessType);
          const items = (watched?.items ?? []).map((item) => ({ item: item.item ?? '', priceCents: yuanToCents(item.priceYuan) ?? 0 }));
          const promise = {
            visitsPerMonth: watched?.visitsPerMonth ?? template?.visitsPerMonth ?? 1,
            qualityStandard: watched?.qualityStandard ?? template?.qualityStandard ?? 'STANDARD',
          };
          const check = checkDraft(items, references, card.businessType, promise, template);
          const approvals = data.promiseApprovalRequests.edges.map((edge) => edge.node);
          const fitting = approvals.filter(
            (row) =>
              row.status === 'APPROVED' &&
              row.approvalId &&
              row.visitsPerMonth >= promise.visitsPerMonth &&
              QUALITY_STANDARDS.indexOf(row.qualityStandard) >= QUALITY_STANDARDS.indexOf(promise.qualityStandard),
          );
          const waiting = approvals.filter((row) => row.status === 'AWAITING_SUPERVISOR');
          const needsApproval = check.overTemplate && !watched?.promiseApprovalId;

          const submit = async (values: ContractForm) => {
            try {
              const result = await create.mutateAsync({
                input: {
                  customerId: card.id,
                  siteAddress: values.siteAddress.trim(),
                  signedAreaM2: values.signedAreaM2,
                  serviceItems: items.filter((item) => item.item.trim()).map((item) => ({ item: item.item.trim().toUpperCase(), priceCents: item.priceCents })),
                  visitsPerMonth: values.visitsPerMonth,
                  qualityStandard: values.qualityStandard,
                  startsOn: values.startsOn.format('YYYY-MM-DD'),
                  promiseApprovalId: check.overTemplate ? (values.promiseApprovalId ?? null) : null,
                },
              });
              message.success(t('contract.created', { status: enumLabel('ContractStatus', result.createContract.status) }));
              onClose();
            } catch {
              // shown above the form
            }
          };

          const askApproval = async () => {
            const reason = form.getFieldValue('approvalReason') as string | undefined;
            if (!reason?.trim()) {
              form.setFields([{ name: 'approvalReason', errors: [t('contract.reasonRequired')] }]);
              return;
            }
            try {
              await request.mutateAsync({
                input: {
                  customerId: card.id,
                  visitsPerMonth: promise.visitsPerMonth,
                  qualityStandard: promise.qualityStandard as QualityStandard,
                  reason: reason.trim(),
                },
              });
              message.success(t('contract.requested'));
            } catch {
              // shown below
            }
          };

          return (
            <>
              <Descriptions size="small" column={{ xs: 1, sm: 2 }} bordered data-testid="guardrails" style={{ marginBottom: 12 }}>
                <Descriptions.Item label={t('contract.template')}>
                  {template ? (
                    <span>
                      {t('contracts.visits', { count: template.visitsPerMonth })} · <EnumLabel enum="QualityStandard" value={template.qualityStandard} />
                    </span>
                  ) : (
                    t('contract.noTemplate')
                  )}
                </Descriptions.Item>
                <Descriptions.Item label={t('contract.tolerance')}>{data.areaTolerancePercent}%</Descriptions.Item>
                <Descriptions.Item label={t('contract.references')} span={2}>
                  {references.length === 0 ? (
                    t('contract.noReferences', { region: card.region })
                  ) : (
                    <Space direction="vertical" size={0}>
                      {references.map((row) => (
                        <span key={row.id} data-testid="reference-row">
                          {t('contract.referenceRow', {
                            item: row.serviceItem,
                            price: formatMoney(row.referencePriceCents),
                            floor: formatMoney(row.floorCents),
                          })}
                        </span>
                      ))}
                    </Space>
                  )}
                </Descriptions.Item>
              </Descriptions>
              {create.error ? <ErrorNotice error={create.error} /> : null}
              <Form<ContractForm>
                form={form}
                layout="vertical"
                onFinish={(values) => void submit(values)}
                initialValues={{
                  siteAddress: card.sites[0]?.address ?? card.address,
                  signedAreaM2: card.sites[0]?.areaM2 ?? undefined,
                  items: [{ item: references[0]?.serviceItem, priceYuan: references[0] ? references[0].referencePriceCents / 100 : undefined }],
                  visitsPerMonth: template?.visitsPerMonth ?? 1,
                  qualityStandard: template?.qualityStandard ?? 'STANDARD',
                  startsOn: dayjs(chinaToday()).add(7, 'day'),
                }}
              >
                <Space wrap align="start">
                  <Form.Item name="siteAddress" label={t('contract.site')} rules={[{ required: true, whitespace: true }]}>
                    <Input style={{ width: 280, maxWidth: '100%' }} />
                  </Form.Item>
                  <Form.Item name="signedAreaM2" label={t('contract.area')} rules={[{ required: true }]}>
                    <InputNumber min={1} data-testid="contract-area" />
                  </Form.Item>
                  <Form.Item name="startsOn" label={t('contract.startsOn')} rules={[{ required: true }]}>
                    <DatePicker disabledDate={(value) => value.format('YYYY-MM-DD') < chinaToday()} />
                  </Form.Item>
                </Space>
                <Form.List name="items">
                  {(fields, { add, remove }) => (
                    <fieldset style={{ border: 'none', padding: 0, margin: 0 }}>
                      <legend style={{ fontSize: 14, fontWeight: 600 }}>{t('contract.items')}</legend>
                      {fields.map((field) => (
                        <Space key={field.key} wrap align="start">
                          {/* No `required` rule here: antd would put aria-required on the select's wrapper (an ARIA error); an empty item is caught by the guardrail check. */}
                          <Form.Item name={[field.name, 'item']} label={t('contract.item')}>
                            <Select
                              style={{ width: 200 }}
                              options={references.map((row) => ({ value: row.serviceItem, label: row.serviceItem }))}
                              data-testid="contract-item"
                            />
                          </Form.Item>
                          <Form.Item name={[field.name, 'priceYuan']} label={t('contract.price')} rules={[{ required: true }]}>
                            <InputNumber min={0} precision={2} prefix="¥" style={{ width: 150 }} data-testid="contract-price" />
                          </Form.Item>
                          <Button type="link" danger onClick={() => remove(field.name)}>
                            {t('common:actions.remove')}
                          </Button>
                        </Space>
                      ))}
                      <Button type="dashed" onClick={() => add({})} data-testid="add-item">
                        {t('contract.addItem')}
                      </Button>
                    </fieldset>
                  )}
                </Form.List>
                <Space wrap align="start" style={{ marginTop: 12 }}>
                  <Form.Item name="visitsPerMonth" label={t('contract.visits')} rules={[{ required: true }]}>
                    <InputNumber min={1} max={31} data-testid="contract-visits" />
                  </Form.Item>
                  <Form.Item name="qualityStandard" label={t('contract.standard')}>
                    <Select options={enumOptions('QualityStandard', QUALITY_STANDARDS)} style={{ width: 140 }} data-testid="contract-standard" />
                  </Form.Item>
                </Space>
                <div role="status" aria-live="polite" data-testid="guardrail-checks">
                  <Typography.Paragraph>
                    {t('contract.monthly', { price: formatMoney(check.monthlyCents), reference: formatMoney(check.referenceMonthlyCents) })}
                  </Typography.Paragraph>
                  {check.free.length > 0 && (
                    <Alert type="error" showIcon message={t('contract.free', { items: check.free.join('、') })} style={{ marginBottom: 8 }} />
                  )}
                  {check.belowFloor.map((row) => (
                    <Alert
                      key={row.item}
                      type="error"
                      showIcon
                      message={t('contract.belowFloor', { item: row.item, floor: formatMoney(row.floorCents) })}
                      style={{ marginBottom: 8 }}
                      data-testid="below-floor"
                    />
                  ))}
                  {check.unknown.length > 0 && (
                    <Alert type="error" showIcon message={t('contract.unknown', { items: check.unknown.join('、') })} style={{ marginBottom: 8 }} />
                  )}
                  {check.duplicates.length > 0 && (
                    <Alert type="error" showIcon message={t('contract.duplicates', { items: check.duplicates.join('、') })} style={{ marginBottom: 8 }} />
                  )}
                  {check.special && <Alert type="warning" showIcon message={t('contract.special')} style={{ marginBottom: 8 }} />}
                  {check.overTemplate && (
                    <Alert
                      type="warning"
                      showIcon
                      data-testid="needs-approval"
                      style={{ marginBottom: 8 }}
                      message={t('contract.overTemplate')}
                      description={
                        <Space direction="vertical" style={{ width: '100%' }}>
                          {fitting.length > 0 ? (
                            <Form.Item name="promiseApprovalId" label={t('contract.approval')} style={{ marginBottom: 0 }}>
                              <Select
                                allowClear
                                data-testid="approval-select"
                                options={fitting.map((row) => ({
                                  value: row.approvalId ?? '',
                                  label: t('contract.approvalOption', {
                                    visits: row.visitsPerMonth,
                                    standard: enumLabel('QualityStandard', row.qualityStandard),
                                    at: formatChinaDateTime(row.createdAt),
                                  }),
                                }))}
                              />
                            </Form.Item>
                          ) : (
                            <Typography.Text>{t('contract.noApproval')}</Typography.Text>
                          )}
                          {waiting.length > 0 && <Typography.Text type="secondary">{t('contract.waiting', { count: waiting.length })}</Typography.Text>}
                          <Form.Item name="approvalReason" label={t('contract.approvalReason')} style={{ marginBottom: 0 }}>
                            <Input.TextArea rows={2} data-testid="approval-reason" />
                          </Form.Item>
                          {request.error ? <ErrorNotice error={request.error} /> : null}
                          <Button onClick={() => void askApproval()} loading={request.isPending} data-testid="request-approval">
                            {t('contract.requestApproval')}
                          </Button>
                        </Space>
                      }
                    />
                  )}
                </div>
                <Space style={{ marginTop: 8 }}>
                  <Button onClick={onClose}>{t('common:actions.cancel')}</Button>
                  <Button type="primary" htmlType="submit" loading={create.isPending} disabled={check.blocked || needsApproval} data-testid="submit-contract">
                    {t('contract.submit')}
                  </Button>
                </Space>
              </Form>
            </>
          );
        }}
      </Loaded>
    </Modal>
  );
}
