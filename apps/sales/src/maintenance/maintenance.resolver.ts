import { Arg, Ctx, FieldResolver, Mutation, Resolver, Root } from 'type-graphql';
import { groupLoader, Guarded, RequestContext } from '@aftercare/subgraph';
import { Customer } from '../customers/customer.entity';
import { MaintenanceContact } from './maintenance-contact.entity';
import { LogContactInput, MaintenanceSummary } from './maintenance.inputs';
import { MaintenanceService } from './maintenance.service';

@Resolver(() => Customer)
export class MaintenanceResolver {
  constructor(private readonly trace: MaintenanceService) {}

  @Guarded()
  @Mutation(() => MaintenanceContact, { description: 'Logs a call, online contact or visit with a customer.' })
  logContact(@Arg('input', () => LogContactInput) input: LogContactInput, @Ctx() { identity }: RequestContext): Promise<MaintenanceContact> {
    return this.trace.log(identity, input);
  }

  @Guarded()
  @FieldResolver(() => [MaintenanceContact], { description: 'The sales maintenance trace, newest first.' })
  maintenanceContacts(@Root() customer: Customer, @Ctx() context: RequestContext): Promise<MaintenanceContact[]> {
    return groupLoader(
      context.loaders,
      MaintenanceContact,
      (ids: readonly string[]) => this.trace.contactsOf(ids),
      (row: MaintenanceContact) => row.customerId,
    ).load(customer.id);
  }

  @Guarded()
  @FieldResolver(() => MaintenanceSummary, { description: 'Last contact and contact frequency.' })
  maintenance(@Root() customer: Customer, @Ctx() context: RequestContext): Promise<MaintenanceSummary> {
    return context.loaders.get<string, MaintenanceSummary>(MaintenanceSummary, (ids) => this.trace.summaries(ids)).load(customer.id);
  }
}
