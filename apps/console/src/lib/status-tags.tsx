import { EnumLabel } from './enum-label';

const WORK_ORDER_COLOUR: Record<string, string> = {
  CREATED: 'default',
  SCHEDULED: 'blue',
  ASSIGNED: 'green',
  IN_PROGRESS: 'gold',
  COMPLETED: 'cyan',
  VERIFIED: 'purple',
  CANCELLED: 'red',
};

/** A work order's status as a coloured tag, labelled in the console's language. */
export const WorkOrderStatusTag = ({ status }: { status: string }) => (
  <span data-testid="work-order-status">
    <EnumLabel enum="WorkOrderStatus" value={status} tag color={WORK_ORDER_COLOUR[status] ?? 'default'} />
  </span>
);
