import { App, DatePicker, Form, Input, InputNumber, Modal, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import {
  AdminEngineerFragment,
  CertifyEngineerSkillDocument,
  ChangeEngineerProfileDocument,
  MarkEngineerUnavailableDocument,
  RegisterEngineerDocument,
  type EngineerEmployment,
  type EngineerStatus,
  type UnavailabilityReason,
} from '../../gql/graphql';
import { enumOptions } from '../../lib/enum-label';
import { ErrorNotice } from '../../lib/errors';
import { chinaToday } from '../../lib/format';
import { useGraphQLMutation } from '../../lib/graphql';

const EMPLOYMENTS: EngineerEmployment[] = ['EMPLOYEE', 'PLATFORM_PARTNER'];
const STATUSES: EngineerStatus[] = ['ACTIVE', 'ON_LEAVE', 'SUSPENDED'];
const REASONS: UnavailabilityReason[] = ['SICK', 'PERSONAL', 'LEAVE', 'TRAINING'];
const day = (value: Dayjs) => value.format('YYYY-MM-DD');
const cityList = (value: string[] | undefined) => (value ?? []).map((city) => city.trim()).filter(Boolean);

/** One modal shape for the engineer forms: the error above, the form, OK submits. */
function FormModal<T extends object>({
  title,
  onClose,
  onSubmit,
  busy,
  error,
  children,
  initialValues,
  testId,
}: {
  title: string;
  onClose: () => void;
  onSubmit: (values: T) => Promise<void>;
  busy: boolean;
  error: unknown;
  children: ReactNode;
  initialValues?: Partial<T>;
  testId: string;
}) {
  const { t } = useTranslation('admin');
  const [form] = Form.useForm<T>();
  return (
    <Modal
      open
      title={title}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={busy}
      okText={t('common:actions.save')}
      cancelText={t('common:actions.cancel')}
      okButtonProps={{ 'data-testid': `${testId}-ok` } as Record<string, string>}
    >
      {error ? <ErrorNotice error={error} /> : null}
      <Form<T> form={form} layout="vertical" initialValues={initialValues} onFinish={(values) => void onSubmit(values).catch(() => undefined)}>
        {children}
      </Form>
    </Modal>
  );
}

export function RegisterEngineerModal({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation('admin');
  const { message } = App.useApp();
  const register = useGraphQLMutation(RegisterEngineerDocument, { invalidates: ['AdminEngineers', 'AdminCoverage'] });
  type Values = { name: string; phone: string; employment: EngineerEmployment; homeCity: string; cities?: string[]; dailyCapacity: number };
  return (
    <FormModal<Values>
      title={t('engineers.register')}
      testId="register-engineer"
      onClose={onClose}
      busy={register.isPending}
      error={register.error}
      initialValues={{ employment: 'EMPLOYEE', dailyCapacity: 5 }}
      onSubmit={async (values) => {
        await register.mutateAsync({
          input: {
            name: values.name.trim(),
            phone: values.phone.trim(),
            employment: values.employment,
            homeCity: values.homeCity.trim(),
            cities: cityList(values.cities),
            dailyCapacity: values.dailyCapacity,
          },
        });
        message.success(t('engineers.registered'));
        onClose();
      }}
    >
      <Form.Item name="name" label={t('engineers.name')} rules={[{ required: true, whitespace: true }]}>
        <Input data-testid="engineer-form-name" />
      </Form.Item>
      <Form.Item name="phone" label={t('engineers.phone')} rules={[{ required: true, whitespace: true }]}>
        <Input inputMode="tel" data-testid="engineer-form-phone" />
      </Form.Item>
      <Form.Item name="employment" label={t('engineers.employment')}>
        <Select options={enumOptions('EngineerEmployment', EMPLOYMENTS)} />
      </Form.Item>
      <Form.Item name="homeCity" label={t('engineers.homeCity')} rules={[{ required: true, whitespace: true }]}>
        <Input data-testid="engineer-form-city" />
      </Form.Item>
      <Form.Item name="cities" label={t('engineers.otherCities')}>
        <Select mode="tags" tokenSeparators={[',', '，']} open={false} />
      </Form.Item>
      <Form.Item name="dailyCapacity" label={t('engineers.capacity')} rules={[{ required: true }]}>
        <InputNumber min={1} max={20} />
      </Form.Item>
    </FormModal>
  );
}

export function CertifyModal({ engineer, onClose }: { engineer: AdminEngineerFragment; onClose: () => void }) {
  const { t } = useTranslation('admin');
  const certify = useGraphQLMutation(CertifyEngineerSkillDocument, { invalidates: ['AdminEngineers', 'AdminCoverage'] });
  type Values = { brand: string; productModel: string; certifiedOn: Dayjs };
  return (
    <FormModal<Values>
      title={t('engineers.certifyTitle', { name: engineer.name })}
      testId="certify"
      onClose={onClose}
      busy={certify.isPending}
      error={certify.error}
      initialValues={{ certifiedOn: dayjs(chinaToday()) }}
      onSubmit={async (values) => {
        await certify.mutateAsync({
          engineerId: engineer.id,
          skill: { brand: values.brand.trim().toUpperCase(), productModel: values.productModel.trim(), certifiedOn: day(values.certifiedOn) },
        });
        onClose();
      }}
    >
      <Form.Item name="brand" label={t('engineers.brand')} rules={[{ required: true, whitespace: true }]}>
        <Input data-testid="certify-brand" />
      </Form.Item>
      <Form.Item name="productModel" label={t('engineers.model')} rules={[{ required: true, whitespace: true }]}>
        <Input data-testid="certify-model" />
      </Form.Item>
      <Form.Item name="certifiedOn" label={t('engineers.certifiedOn')} rules={[{ required: true }]}>
        <DatePicker style={{ width: '100%' }} />
      </Form.Item>
    </FormModal>
  );
}

export function ProfileModal({ engineer, onClose }: { engineer: AdminEngineerFragment; onClose: () => void }) {
  const { t } = useTranslation('admin');
  const change = useGraphQLMutation(ChangeEngineerProfileDocument, { invalidates: ['AdminEngineers', 'AdminCoverage'] });
  type Values = { status: EngineerStatus; cities?: string[]; dailyCapacity: number };
  return (
    <FormModal<Values>
      title={t('engineers.profileTitle', { name: engineer.name })}
      testId="profile"
      onClose={onClose}
      busy={change.isPending}
      error={change.error}
      initialValues={{ status: engineer.status, cities: engineer.cities.filter((city) => city !== engineer.homeCity), dailyCapacity: engineer.dailyCapacity }}
      onSubmit={async (values) => {
        await change.mutateAsync({
          engineerId: engineer.id,
          input: { status: values.status, cities: cityList(values.cities), dailyCapacity: values.dailyCapacity },
        });
        onClose();
      }}
    >
      <Form.Item name="status" label={t('engineers.status')}>
        <Select options={enumOptions('EngineerStatus', STATUSES)} />
      </Form.Item>
      <Form.Item name="cities" label={t('engineers.otherCities')} extra={t('engineers.homeCityIs', { city: engineer.homeCity })}>
        <Select mode="tags" tokenSeparators={[',', '，']} open={false} data-testid="profile-cities" />
      </Form.Item>
      <Form.Item name="dailyCapacity" label={t('engineers.capacity')}>
        <InputNumber min={1} max={20} data-testid="profile-capacity" />
      </Form.Item>
    </FormModal>
  );
}

export function UnavailableModal({ engineer, onClose }: { engineer: AdminEngineerFragment; onClose: () => void }) {
  const { t } = useTranslation('admin');
  const mark = useGraphQLMutation(MarkEngineerUnavailableDocument, { invalidates: ['AdminEngineers'] });
  type Values = { range: [Dayjs, Dayjs]; reason: UnavailabilityReason };
  return (
    <FormModal<Values>
      title={t('engineers.markOffTitle', { name: engineer.name })}
      testId="unavailable"
      onClose={onClose}
      busy={mark.isPending}
      error={mark.error}
      initialValues={{ reason: 'LEAVE' }}
      onSubmit={async (values) => {
        await mark.mutateAsync({ engineerId: engineer.id, input: { startsOn: day(values.range[0]), endsOn: day(values.range[1]), reason: values.reason } });
        onClose();
      }}
    >
      <Form.Item name="range" label={t('engineers.offDays')} rules={[{ required: true }]}>
        <DatePicker.RangePicker style={{ width: '100%' }} disabledDate={(value) => day(value) < chinaToday()} data-testid="off-range" />
      </Form.Item>
      <Form.Item name="reason" label={t('engineers.reason')}>
        <Select options={enumOptions('UnavailabilityReason', REASONS)} />
      </Form.Item>
    </FormModal>
  );
}
