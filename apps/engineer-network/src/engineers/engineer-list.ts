import { DataSource } from 'typeorm';
import { Args, ArgsType, Field, ObjectType, Query, Resolver } from 'type-graphql';
import { IsOptional, MaxLength } from 'class-validator';
import type { EngineerEmployment, EngineerStatus } from '@aftercare/event-contracts';
import { Connection, ConnectionType, Guarded, Injectable, keysetPage, NotBlank, PageArgs } from '@aftercare/subgraph';
import { Engineer, EngineerEmploymentEnum, EngineerStatusEnum } from './engineer.entity';
import { EngineerSkill } from './engineer-skill.entity';

@ObjectType()
export class EngineerConnection extends ConnectionType(Engineer) {}

/** Every filter given must hold. */
@ArgsType()
export class EngineerSearchArgs extends PageArgs {
  @Field(() => String, { nullable: true, description: 'A city the engineer works in: home city or a further covered city (case-insensitive).' })
  @IsOptional()
  @NotBlank()
  @MaxLength(50)
  city?: string | null;

  @Field(() => String, { nullable: true, description: 'Holds a skill for this brand (case-insensitive).' })
  @IsOptional()
  @NotBlank()
  @MaxLength(100)
  brand?: string | null;

  @Field(() => String, { nullable: true, description: 'Holds a skill for this product model (case-insensitive; with brand, the same skill).' })
  @IsOptional()
  @NotBlank()
  @MaxLength(100)
  productModel?: string | null;

  @Field(() => EngineerStatusEnum, { nullable: true })
  @IsOptional()
  status?: EngineerStatus | null;

  @Field(() => EngineerEmploymentEnum, { nullable: true })
  @IsOptional()
  employment?: EngineerEmployment | null;

  @Field(() => String, { nullable: true, description: 'Part of the name, or of the phone number.' })
  @IsOptional()
  @MaxLength(100)
  text?: string | null;
}

@Injectable()
export class EngineerListService {
  constructor(private readonly dataSource: DataSource) {}

  /** In the order they joined the network; one statement per page. */
  async search(args: EngineerSearchArgs): Promise<Connection<Engineer>> {
    const query = this.dataSource.getRepository(Engineer).createQueryBuilder('engineer');
    if (args.city?.trim()) {
      // Engineers registered before coverage was recorded have only their home city.
      query.andWhere('(lower(engineer.homeCity) = lower(:city) OR lower(:city) = ANY (SELECT lower(covered) FROM unnest(engineer.cities) AS covered))', {
        city: args.city.trim(),
      });
    }
    if (args.brand?.trim() || args.productModel?.trim()) {
      const skill = this.dataSource.createQueryBuilder().select('1').from(EngineerSkill, 'skill').where('skill.engineerId = engineer.id');
      if (args.brand?.trim()) skill.andWhere('lower(skill.brand) = lower(:brand)');
      if (args.productModel?.trim()) skill.andWhere('lower(skill.productModel) = lower(:productModel)');
      query.andWhere(`EXISTS (${skill.getQuery()})`, { brand: args.brand?.trim(), productModel: args.productModel?.trim() });
    }
    if (args.status) query.andWhere('engineer.status = :status', { status: args.status });
    if (args.employment) query.andWhere('engineer.employment = :employment', { employment: args.employment });
    if (args.text?.trim()) {
      const text = args.text.trim();
      const digits = /^[\d\s+\-().]+$/.test(text) ? text.replace(/\D/g, '') : '';
      query.andWhere(digits ? '(engineer.name ILIKE :pattern OR engineer.phone LIKE :digits)' : 'engineer.name ILIKE :pattern', {
        pattern: `%${text.replace(/[%_\\]/g, '\\$&')}%`,
        digits: `%${digits}%`,
      });
    }
    return keysetPage(query, 'engineer', args, 'ASC');
  }
}

@Resolver(() => Engineer)
export class EngineerListResolver {
  constructor(private readonly engineerList: EngineerListService) {}

  @Guarded()
  @Query(() => EngineerConnection, {
    description: 'Engineers by city, skill (brand, product model), status, employment or name/phone, in the order they joined.',
  })
  engineers(@Args(() => EngineerSearchArgs) args: EngineerSearchArgs): Promise<EngineerConnection> {
    return this.engineerList.search(args);
  }
}
