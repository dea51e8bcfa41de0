import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { alignByKey, CalendarDateScalar, groupLoader, Guarded, RequestContext } from '@aftercare/subgraph';
import { DevicesService } from '../devices/devices.service';
import { InstalledDevice } from '../devices/installed-device.entity';
import { Customer } from './customer.entity';

const DEVICES = Symbol('devicesByCustomer');
const NEXT_DUE = Symbol('nextDueByCustomer');

/** Customer 360: the customer's machines with their consumables, and when the next change is due. */
@Resolver(() => Customer)
export class CustomerConsumablesResolver {
  constructor(private readonly devices: DevicesService) {}

  @Guarded()
  @FieldResolver(() => [InstalledDevice], { description: "The customer's installed machines with their consumable stages (last and next change)." })
  consumables(@Root() customer: Customer, @Ctx() { loaders }: RequestContext): Promise<InstalledDevice[]> {
    return groupLoader<string, InstalledDevice>(
      loaders,
      DEVICES,
      (ids) => this.devices.findByCustomerIds(ids),
      (device) => device.customerId,
    ).load(customer.id);
  }

  @Guarded()
  @FieldResolver(() => CalendarDateScalar, { nullable: true, description: 'The earliest consumable change due on any of their machines.' })
  async nextReplacementDue(@Root() customer: Customer, @Ctx() { loaders }: RequestContext): Promise<string | null> {
    const next = await loaders
      .get<string, { due: string | null } | null>(NEXT_DUE, async (ids) => alignByKey(ids, await this.devices.nextDueOf(ids), (row) => row.customerId))
      .load(customer.id);
    return next?.due ?? null;
  }
}
