import { DataSource } from 'typeorm';
import { Args, ArgsType, Field, ObjectType, Query, Resolver } from 'type-graphql';
import { IsOptional, MaxLength } from 'class-validator';
import { Connection, ConnectionType, Guarded, Injectable, keysetPage, PageArgs } from '@aftercare/subgraph';
import { containsPattern } from '../search-text';
import { Partner } from './partner.entity';

@ObjectType()
export class PartnerConnection extends ConnectionType(Partner) {}

@ArgsType()
export class PartnerSearchArgs extends PageArgs {
  @Field(() => String, { nullable: true, description: 'Part of the code or name.' })
  @IsOptional()
  @MaxLength(100)
  text?: string | null;
}

@Injectable()
export class PartnerListService {
  constructor(private readonly dataSource: DataSource) {}

  /** In the order they were registered. */
  async search(args: PartnerSearchArgs): Promise<Connection<Partner>> {
    const query = this.dataSource.getRepository(Partner).createQueryBuilder('partner');
    if (args.text?.trim()) query.andWhere('(partner.code ILIKE :pattern OR partner.name ILIKE :pattern)', { pattern: containsPattern(args.text) });
    return keysetPage(query, 'partner', args, 'ASC');
  }
}

@Resolver(() => Partner)
export class PartnerListResolver {
  constructor(private readonly partnerList: PartnerListService) {}

  @Guarded()
  @Query(() => PartnerConnection, { description: 'Partner brands by code or name, in the order they were registered.' })
  partners(@Args(() => PartnerSearchArgs) args: PartnerSearchArgs): Promise<PartnerConnection> {
    return this.partnerList.search(args);
  }
}
