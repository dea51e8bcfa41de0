import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { alignByKey, groupLoader, Guarded, loaderKey, RequestContext } from '@aftercare/subgraph';
import { Customer } from '../customers/customer.entity';
import { CustomerValueChange } from './customer-value-change.entity';
import { CustomerValue } from './customer-value.entity';
import { ValueIndexService } from './value-index.service';

const VALUE_HISTORY_BY_CUSTOMER = loaderKey<string, CustomerValueChange[]>('value history by customer');

@Resolver(() => Customer)
export class CustomerValueResolver {
  constructor(private readonly valueIndex: ValueIndexService) {}

  @Guarded()
  @FieldResolver(() => CustomerValue, { nullable: true, description: 'The value index, tier and breakdown; null until first computed.' })
  value(@Root() customer: Customer, @Ctx() context: RequestContext): Promise<CustomerValue | null> {
    return context.loaders
      .get<string, CustomerValue | null>(CustomerValue, async (ids) => alignByKey(ids, await this.valueIndex.findByCustomerIds(ids), (row) => row.customerId))
      .load(customer.id);
  }

  @Guarded()
  @FieldResolver(() => [CustomerValueChange], { description: 'Every move of the value index, oldest first (newest last); empty until first computed.' })
  valueHistory(@Root() customer: Customer, @Ctx() context: RequestContext): Promise<CustomerValueChange[]> {
    return groupLoader(
      context.loaders,
      VALUE_HISTORY_BY_CUSTOMER,
      (ids: readonly string[]) => this.valueIndex.historiesOf(ids),
      (row) => row.customerId,
    ).load(customer.id);
  }
}
