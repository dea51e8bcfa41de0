import { Arg, Authorized, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import { loadOrNotFound, RequestContext } from '@aftercare/subgraph';
import { Engineer } from './engineer.entity';
import { RegisterEngineerInput } from './engineer.inputs';
import { EngineersService } from './engineers.service';

const ENGINEER_MANAGERS = ['DISPATCHER', 'SUPERVISOR', 'ADMIN'];

@Resolver(() => Engineer)
export class EngineerResolver {
  constructor(private readonly engineers: EngineersService) {}

  @Authorized(...ENGINEER_MANAGERS)
  @Mutation(() => Engineer, { description: 'Adds an engineer to the network, ACTIVE; fails with ENGINEER_PHONE_TAKEN for a known phone.' })
  registerEngineer(@Arg('input', () => RegisterEngineerInput) input: RegisterEngineerInput): Promise<Engineer> {
    return this.engineers.register(input);
  }

  @Authorized(...ENGINEER_MANAGERS)
  @Query(() => Engineer)
  engineer(@Arg('id', () => ID) id: string, @Ctx() context: RequestContext): Promise<Engineer> {
    return loadOrNotFound(context, Engineer, 'Engineer', id, (ids) => this.engineers.findByIds(ids));
  }
}
