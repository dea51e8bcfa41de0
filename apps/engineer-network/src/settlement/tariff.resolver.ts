import { Arg, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import type { WorkOrderType } from '@aftercare/event-contracts';
import { actorOf } from '@aftercare/identity';
import { Guarded, RequestContext } from '@aftercare/subgraph';
import { SettlementWorkTypeEnum, Tariff } from './tariff.entity';
import { DefineTariffInput } from './tariff.inputs';
import { TariffsService } from './tariffs.service';

@Resolver(() => Tariff)
export class TariffResolver {
  constructor(private readonly tariffService: TariffsService) {}

  @Guarded()
  @Mutation(() => Tariff, { description: 'A new tariff version; jobs still UNPRICED are priced with it where it fits.' })
  defineTariff(@Arg('input', () => DefineTariffInput) input: DefineTariffInput, @Ctx() { identity }: RequestContext): Promise<Tariff> {
    return this.tariffService.define(input, actorOf(identity).id);
  }

  @Guarded()
  @Query(() => [Tariff], { description: 'Every tariff version, the latest first within each band.' })
  tariffs(@Arg('workType', () => SettlementWorkTypeEnum, { nullable: true }) workType?: WorkOrderType | null): Promise<Tariff[]> {
    return this.tariffService.history(workType ?? null);
  }
}
