import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { Guarded, RequestContext } from '@aftercare/subgraph';
import { Customer } from '../customers/customer.entity';
import { Engineer } from '../engineers/engineer.entity';
import { QualityFactor } from './quality-factor';
import { QualityService, QualitySubject } from './quality.service';

const LOADERS: Record<QualitySubject, symbol> = { customer: Symbol('customerQuality'), engineer: Symbol('engineerQuality') };

function load(quality: QualityService, subject: QualitySubject, id: string, { loaders }: RequestContext): Promise<QualityFactor> {
  return loaders.get<string, QualityFactor>(LOADERS[subject], (ids) => quality.factorsOf(subject, ids)).load(id);
}

@Resolver(() => Customer)
export class CustomerQualityResolver {
  constructor(private readonly quality: QualityService) {}

  @Guarded()
  @FieldResolver(() => QualityFactor, { description: 'The quality factor of the service this customer received, with its components.' })
  qualityFactor(@Root() customer: Customer, @Ctx() context: RequestContext): Promise<QualityFactor> {
    return load(this.quality, 'customer', customer.id, context);
  }
}

@Resolver(() => Engineer)
export class EngineerQualityResolver {
  constructor(private readonly quality: QualityService) {}

  @Guarded()
  @FieldResolver(() => QualityFactor, { description: "The quality factor of the engineer's work, with its components." })
  qualityFactor(@Root() engineer: Engineer, @Ctx() context: RequestContext): Promise<QualityFactor> {
    return load(this.quality, 'engineer', engineer.id, context);
  }
}
