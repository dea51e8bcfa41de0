import { Arg, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { StaffIdentity } from '@aftercare/identity';
import { groupLoader, Guarded, loadOrNotFound, RequestContext } from '@aftercare/subgraph';
import { assertActsForEngineer } from '../engineer-row-rules';
import { AvailabilityService } from './availability.service';
import { Engineer } from './engineer.entity';
import { EngineerSkill } from './engineer-skill.entity';
import { ChangeEngineerProfileInput, RegisterEngineerInput, SkillInput, UnavailabilityInput } from './engineer.inputs';
import { coveredCities } from './engineer-profile';
import { EngineersService } from './engineers.service';
import { UnavailabilityWindow } from './unavailability-window.entity';

const SKILLS = Symbol('skillsByEngineer');
const WINDOWS = Symbol('unavailabilityByEngineer');

@Resolver(() => Engineer)
export class EngineerResolver {
  constructor(
    private readonly engineers: EngineersService,
    private readonly availability: AvailabilityService,
  ) {}

  @Guarded()
  @Mutation(() => Engineer, { description: 'Adds an engineer to the network, ACTIVE; fails with ENGINEER_PHONE_TAKEN for a known phone.' })
  registerEngineer(@Arg('input', () => RegisterEngineerInput) input: RegisterEngineerInput): Promise<Engineer> {
    return this.engineers.register(input);
  }

  @Guarded()
  @Mutation(() => Engineer, { description: 'Changes status, covered cities and/or daily capacity; publishes EngineerProfileChanged.' })
  changeEngineerProfile(
    @Arg('engineerId', () => ID) engineerId: string,
    @Arg('input', () => ChangeEngineerProfileInput) input: ChangeEngineerProfileInput,
  ): Promise<Engineer> {
    return this.engineers.changeProfile(engineerId, input);
  }

  @Guarded()
  @Mutation(() => Engineer, { description: 'Records a brand/model certification (a newer date replaces the older one).' })
  certifyEngineerSkill(@Arg('engineerId', () => ID) engineerId: string, @Arg('skill', () => SkillInput) skill: SkillInput): Promise<Engineer> {
    return this.engineers.certifySkill(engineerId, skill);
  }

  @Guarded()
  @Mutation(() => Engineer)
  withdrawEngineerSkill(
    @Arg('engineerId', () => ID) engineerId: string,
    @Arg('brand') brand: string,
    @Arg('productModel') productModel: string,
  ): Promise<Engineer> {
    return this.engineers.withdrawSkill(engineerId, brand, productModel);
  }

  @Guarded()
  @Mutation(() => Engineer, {
    description: 'Sick or personal days; fails with UNAVAILABILITY_OVERLAPS over days already marked. An engineer marks only their own.',
  })
  markEngineerUnavailable(
    @Arg('engineerId', () => ID) engineerId: string,
    @Arg('input', () => UnavailabilityInput) input: UnavailabilityInput,
    @Ctx() { identity }: RequestContext,
  ): Promise<Engineer> {
    assertActsForEngineer(identity, engineerId);
    return this.availability.markUnavailable(engineerId, input);
  }

  @Guarded()
  @Mutation(() => Engineer, { description: 'Clears one window; an engineer clears only their own.' })
  cancelEngineerUnavailability(@Arg('windowId', () => ID) windowId: string, @Ctx() { identity }: RequestContext): Promise<Engineer> {
    return this.availability.cancelUnavailability(windowId, (engineerId) => assertActsForEngineer(identity, engineerId));
  }

  @Guarded()
  @Query(() => Engineer)
  engineer(@Arg('id', () => ID) id: string, @Ctx() context: RequestContext): Promise<Engineer> {
    return loadOrNotFound(context, Engineer, 'Engineer', id, (ids) => this.engineers.findByIds(ids));
  }

  @Guarded()
  @Query(() => Engineer, { description: "The calling engineer's own profile (the token's sub is the Engineer id)." })
  me(@Ctx() context: RequestContext): Promise<Engineer> {
    const { userId } = context.identity as StaffIdentity;
    return loadOrNotFound(context, Engineer, 'Engineer', userId, (ids) => this.engineers.findByIds(ids));
  }

  @FieldResolver(() => [String], { description: 'Every city the engineer covers, the home city first.' })
  cities(@Root() engineer: Engineer): string[] {
    return coveredCities(engineer.homeCity, engineer.cities);
  }

  @FieldResolver(() => [EngineerSkill])
  skills(@Root() engineer: Engineer, @Ctx() { loaders }: RequestContext): Promise<EngineerSkill[]> {
    return groupLoader(
      loaders,
      SKILLS,
      (ids: readonly string[]) => this.engineers.skillsOf(ids),
      (skill) => skill.engineerId,
    ).load(engineer.id);
  }

  @FieldResolver(() => [UnavailabilityWindow], { description: 'Every recorded window, earliest first.' })
  unavailability(@Root() engineer: Engineer, @Ctx() { loaders }: RequestContext): Promise<UnavailabilityWindow[]> {
    return groupLoader(
      loaders,
      WINDOWS,
      (ids: readonly string[]) => this.availability.windowsOf(ids),
      (window) => window.engineerId,
    ).load(engineer.id);
  }
}
