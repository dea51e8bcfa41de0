import { App, DatePicker, Modal, Select, Space, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { BoardWorkOrderFragment, ScheduleWorkOrderDocument, type AppointmentSlot } from '../../gql/graphql';
import { enumLabel, enumOptions } from '../../lib/enum-label';
import { ErrorNotice } from '../../lib/errors';
import { chinaToday, formatChinaDate } from '../../lib/format';
import { useGraphQLMutation } from '../../lib/graphql';

const SLOTS = ['MORNING', 'AFTERNOON', 'EVENING'] as const;

/** Book a waiting work order: the customer's preferred day when it is still ahead, else today. */
export function BookModal({ workOrder, onClose, onBooked }: { workOrder?: BoardWorkOrderFragment; onClose: () => void; onBooked: (day: string) => void }) {
  const { t } = useTranslation('dispatch');
  const { message } = App.useApp();
  const schedule = useGraphQLMutation(ScheduleWorkOrderDocument, { invalidates: ['DayBoard', 'WorkOrderQueue'] });
  const today = chinaToday();
  const initialDay = workOrder?.preferredDate && workOrder.preferredDate >= today ? workOrder.preferredDate : today;
  const [day, setDay] = useState(initialDay);
  const [slot, setSlot] = useState<AppointmentSlot>('MORNING');
  const [shownFor, setShownFor] = useState<string>();
  if (workOrder && shownFor !== workOrder.id) {
    setShownFor(workOrder.id);
    setDay(initialDay);
    schedule.reset();
  }

  const book = async () => {
    if (!workOrder) return;
    try {
      const result = await schedule.mutateAsync({ input: { workOrderId: workOrder.id, appointmentDate: day, slot } });
      const booked = result.scheduleWorkOrder.appointmentDate ?? day;
      message.success(t('book.done', { date: formatChinaDate(booked), slot: enumLabel('AppointmentSlot', slot) }));
      onBooked(booked);
      onClose();
    } catch {
      // shown in the dialog (schedule.error)
    }
  };

  return (
    <Modal
      open={!!workOrder}
      title={t('book.title')}
      okText={t('book.ok')}
      cancelText={t('common:actions.cancel')}
      onOk={() => void book()}
      confirmLoading={schedule.isPending}
      onCancel={onClose}
    >
      {schedule.error ? (
        <div style={{ marginBottom: 12 }}>
          <ErrorNotice error={schedule.error} />
        </div>
      ) : null}
      {workOrder && (
        <Space direction="vertical" style={{ width: '100%' }}>
          <Typography.Text>
            {t('book.what', {
              type: enumLabel('WorkOrderType', workOrder.type),
              customer: workOrder.customer?.name ?? '—',
              site: workOrder.siteAddress,
              city: workOrder.city,
            })}
            {workOrder.preferredDate ? t('book.preferred', { date: formatChinaDate(workOrder.preferredDate) }) : ''}
          </Typography.Text>
          <Space wrap>
            <DatePicker
              allowClear={false}
              aria-label={t('book.day')}
              value={dayjs(day)}
              disabledDate={(value) => value.format('YYYY-MM-DD') < today}
              onChange={(value) => value && setDay(value.format('YYYY-MM-DD'))}
              data-testid="book-day"
            />
            <Select<AppointmentSlot>
              aria-label={t('book.slot')}
              value={slot}
              onChange={setSlot}
              style={{ width: 140 }}
              options={enumOptions('AppointmentSlot', SLOTS)}
              data-testid="book-slot"
            />
          </Space>
        </Space>
      )}
    </Modal>
  );
}
