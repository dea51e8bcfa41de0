import { DataSource } from 'typeorm';
import { Args, ArgsType, Field, ObjectType, Query, Resolver } from 'type-graphql';
import { IsOptional, MaxLength } from 'class-validator';
import { Connection, ConnectionType, Guarded, Injectable, keysetPage, PageArgs } from '@aftercare/subgraph';
import { containsPattern } from '../search-text';
import { Salesperson, SalespersonStatus, SalespersonStatusEnum } from './salesperson.entity';

@ObjectType()
export class SalespersonConnection extends ConnectionType(Salesperson) {}

@ArgsType()
export class SalespersonSearchArgs extends PageArgs {
  @Field(() => SalespersonStatusEnum, { nullable: true, description: 'ACTIVE to pick a successor from.' })
  @IsOptional()
  status?: SalespersonStatus | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(100)
  team?: string | null;

  @Field(() => String, { nullable: true, description: 'Part of the name.' })
  @IsOptional()
  @MaxLength(100)
  text?: string | null;
}

@Injectable()
export class SalespersonListService {
  constructor(private readonly dataSource: DataSource) {}

  /** In the order they joined. */
  async search(args: SalespersonSearchArgs): Promise<Connection<Salesperson>> {
    const query = this.dataSource.getRepository(Salesperson).createQueryBuilder('person');
    if (args.status) query.andWhere('person.status = :status', { status: args.status });
    if (args.team?.trim()) query.andWhere('lower(person.team) = lower(:team)', { team: args.team.trim() });
    if (args.text?.trim()) query.andWhere('person.name ILIKE :pattern', { pattern: containsPattern(args.text) });
    return keysetPage(query, 'person', args, 'ASC');
  }
}

@Resolver(() => Salesperson)
export class SalespersonListResolver {
  constructor(private readonly salespersonList: SalespersonListService) {}

  @Guarded()
  @Query(() => SalespersonConnection, { description: 'The sales team by status, team or name, in the order they joined: whom to hand customers to.' })
  salespeople(@Args(() => SalespersonSearchArgs) args: SalespersonSearchArgs): Promise<SalespersonConnection> {
    return this.salespersonList.search(args);
  }
}
