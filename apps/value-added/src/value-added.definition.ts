import {
  CallOutcomeRecorded,
  ComplaintFiled,
  ComplaintResolved,
  ConsumablePlanDefined,
  CustomerProfileChanged,
  CustomerRegistered,
  CustomerValueChanged,
  ReminderDue,
  ReplacementOrdered,
  WorkOrderCancelled,
  WorkOrderCompleted,
} from '@aftercare/event-contracts';
import { todayInChina } from '@aftercare/business-time';
import { on } from '@aftercare/messaging';
import { alignByKey, batchedReference, RequestContext } from '@aftercare/subgraph';
import type { ServiceDefinition } from '@aftercare/service-runtime';
import { valueAddedAccess } from './access-table';
import { AgentAbsence } from './agents/agent-absence.entity';
import { CallAgent } from './agents/agent.entity';
import { CallAgentResolver } from './agents/agent.resolver';
import { BrandReminderService } from './brands/brand-reminder-service.entity';
import { BrandResolver } from './brands/brand.resolver';
import { WarrantyTerm } from './brands/warranty-term.entity';
import { CallRecord } from './calls/call-record.entity';
import { CallTask } from './calls/call-task.entity';
import { CallTaskResolver } from './calls/call-task.resolver';
import { DailyRunService } from './calls/daily-run.service';
import { ConsumablePlan } from './consumable-plans/consumable-plan.entity';
import { ConsumablePlanResolver, ConsumableStageResolver } from './consumable-plans/consumable-plan.resolver';
import { ConsumablePlansService } from './consumable-plans/consumable-plans.service';
import { ConsumableStage } from './consumable-plans/consumable-stage.entity';
import { StagePriceChange } from './consumable-plans/stage-price-change.entity';
import { CustomerCard } from './read-models/customer-card.entity';
import { CustomerConsumablesResolver } from './customers/customer-consumables.resolver';
import { CustomersService } from './customers/customers.service';
import { OpenComplaint } from './read-models/open-complaint.entity';
import { DEVICE_BY_SERIAL, DeviceResolver } from './devices/device.resolver';
import { DevicesService } from './devices/devices.service';
import { InstalledDevice } from './devices/installed-device.entity';
import { StageClock } from './devices/stage-clock.entity';
import { FunnelResolver } from './funnel/funnel.resolver';
import { valueAddedMigrations } from './migrations';
import { ReplacementOrder } from './replacements/replacement-order.entity';
import { ReplacementsService } from './replacements/replacements.service';

export const valueAddedService: ServiceDefinition = {
  name: 'value-added',
  access: valueAddedAccess,
  defaultPort: 4005,
  entities: [
    ConsumablePlan,
    ConsumableStage,
    StagePriceChange,
    BrandReminderService,
    WarrantyTerm,
    CustomerCard,
    OpenComplaint,
    InstalledDevice,
    StageClock,
    CallAgent,
    AgentAbsence,
    CallTask,
    CallRecord,
    ReplacementOrder,
  ],
  migrations: valueAddedMigrations,
  resolvers: [
    ConsumablePlanResolver,
    ConsumableStageResolver,
    BrandResolver,
    DeviceResolver,
    CustomerConsumablesResolver,
    CallAgentResolver,
    CallTaskResolver,
    FunnelResolver,
  ],
  referenceResolvers: (container) => ({
    ConsumablePlan: batchedReference(ConsumablePlan, (ids) => container.get(ConsumablePlansService).findByIds(ids)),
    // Complaints and dispatch know a machine by its serial, not by our id.
    Device: {
      __resolveReference: (reference: { serial: string }, { loaders }: RequestContext) =>
        loaders
          .get<string, InstalledDevice | null>(DEVICE_BY_SERIAL, async (serials) =>
            alignByKey(serials, await container.get(DevicesService).findBySerial(serials), (device) => device.serial),
          )
          .load(reference.serial.trim()),
    },
  }),
  publishes: [ConsumablePlanDefined, ReminderDue, CallOutcomeRecorded, ReplacementOrdered],
  // The day's run is idempotent, so repeating it through the day only picks up what fell due since (a restart loses nothing).
  background: (container) => [{ name: 'daily-reminder-run', intervalMs: 10 * 60_000, run: () => container.get(DailyRunService).run(todayInChina()) }],
  eventHandlers: (container) => {
    const customers = container.get(CustomersService);
    const devices = container.get(DevicesService);
    const replacements = container.get(ReplacementsService);
    return [
      on(WorkOrderCompleted, ({ payload }, manager) => {
        if (payload.type === 'INSTALL') return devices.recordInstall(payload, manager);
        if (payload.type === 'CONSUMABLE_REPLACEMENT') return replacements.onCompleted(payload, manager);
        return Promise.resolve();
      }),
      on(WorkOrderCancelled, ({ payload }, manager) =>
        payload.type === 'CONSUMABLE_REPLACEMENT' ? replacements.onCancelled(payload, manager) : Promise.resolve(),
      ),
      on(CustomerRegistered, ({ payload }, manager) => customers.recordCard(payload, manager, false)),
      on(CustomerProfileChanged, ({ payload }, manager) => customers.recordCard(payload, manager, true)),
      on(CustomerValueChanged, ({ payload }, manager) => customers.recordValue(payload, manager)),
      on(ComplaintFiled, ({ payload }, manager) => customers.complaintFiled(payload, manager)),
      on(ComplaintResolved, ({ payload }, manager) => customers.complaintResolved(payload, manager)),
    ];
  },
};
