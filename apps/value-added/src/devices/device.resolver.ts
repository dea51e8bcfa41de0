import { Arg, Ctx, FieldResolver, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { todayInChina } from '@aftercare/business-time';
import { alignByKey, badInput, CalendarDateScalar, groupLoader, Guarded, RequestContext } from '@aftercare/subgraph';
import { Customer } from '../customers/customer.entity';
import { InstalledDeviceInput } from './device.inputs';
import { DevicesService } from './devices.service';
import { InstalledDevice } from './installed-device.entity';
import { StageClock } from './stage-clock.entity';

const CLOCKS = Symbol('clocksByDevice');
const WARRANTY = Symbol('warrantyByDevice');
const REMINDER_SERVICE = Symbol('reminderServiceByDevice');
export const DEVICE_BY_SERIAL = Symbol('deviceBySerial');

@Resolver(() => InstalledDevice)
export class DeviceResolver {
  constructor(private readonly devices: DevicesService) {}

  @Guarded()
  @Query(() => InstalledDevice, { nullable: true, description: 'An installed machine by its serial, or null if we never installed it.' })
  device(@Arg('serial') serial: string, @Ctx() { loaders }: RequestContext): Promise<InstalledDevice | null> {
    return loaders
      .get<string, InstalledDevice | null>(DEVICE_BY_SERIAL, async (serials) => alignByKey(serials, await this.devices.findBySerial(serials), (d) => d.serial))
      .load(serial.trim());
  }

  @Guarded()
  @Mutation(() => Int, {
    description:
      'Adds machines installed before we served them (a brand opting in hands over its base); known serials are skipped. Returns how many were added.',
  })
  importInstalledBase(@Arg('devices', () => [InstalledDeviceInput]) devices: InstalledDeviceInput[]): Promise<number> {
    const today = todayInChina();
    const future = devices.findIndex((device) => device.installedOn > today);
    if (future >= 0) throw badInput('A machine cannot have been installed after today', `devices.${future}.installedOn`);
    return this.devices.importDevices(devices);
  }

  // Any signed-in caller who reaches the parent (AUTHENTICATED in the access table).
  @Guarded()
  @FieldResolver(() => Customer)
  customer(@Root() device: InstalledDevice): Customer {
    return { id: device.customerId };
  }

  @FieldResolver(() => [StageClock], { description: 'One clock per consumable stage, soonest due first; empty when the model has no plan.' })
  stages(@Root() device: InstalledDevice, @Ctx() { loaders }: RequestContext): Promise<StageClock[]> {
    return groupLoader<string, StageClock>(
      loaders,
      CLOCKS,
      (ids) => this.devices.clocksOf(ids),
      (clock) => clock.deviceId,
    ).load(device.id);
  }

  @FieldResolver(() => CalendarDateScalar, {
    nullable: true,
    description: "Install day plus the brand's warranty for the model; null when the brand has no terms on record.",
  })
  async warrantyEndsOn(@Root() device: InstalledDevice, @Ctx() { loaders }: RequestContext): Promise<string | null> {
    const warranty = await loaders
      .get<string, { warrantyEndsOn: string | null } | null>(WARRANTY, async (ids) => alignByKey(ids, await this.devices.warrantiesOf(ids), (w) => w.deviceId))
      .load(device.id);
    return warranty?.warrantyEndsOn ?? null;
  }

  @FieldResolver(() => Boolean, { description: 'Today (China time) is on or before warrantyEndsOn; false when no terms are on record.' })
  async underWarranty(@Root() device: InstalledDevice, @Ctx() context: RequestContext): Promise<boolean> {
    const endsOn = await this.warrantyEndsOn(device, context);
    return endsOn !== null && todayInChina() <= endsOn;
  }

  @FieldResolver(() => Boolean, { description: 'The model has a plan and the brand has opted in: the customer is reminded.' })
  async remindersActive(@Root() device: InstalledDevice, @Ctx() { loaders }: RequestContext): Promise<boolean> {
    const service = await loaders
      .get<string, { active: boolean } | null>(REMINDER_SERVICE, async (ids) => alignByKey(ids, await this.devices.reminderServiceOf(ids), (s) => s.deviceId))
      .load(device.id);
    return service?.active ?? false;
  }
}
