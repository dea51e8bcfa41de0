import { DataSource, EntityManager } from 'typeorm';
import { EngineerProfileChanged, EngineerRegistered } from '@aftercare/event-contracts';
import { Outbox } from '@aftercare/messaging';
import { findByIds, findReferencing, onlyUuids, rejectingDuplicates } from '@aftercare/persistence';
import { EngineerNetworkErrorCodes } from '@aftercare/error-codes';
import { DomainError, Injectable, normalisePhone, notFound } from '@aftercare/subgraph';
import { Engineer } from './engineer.entity';
import { EngineerSkill } from './engineer-skill.entity';
import { ChangeEngineerProfileInput, RegisterEngineerInput, SkillInput } from './engineer.inputs';
import { coveredCities, profileOf } from './engineer-profile';

const ENGINEER_PHONE = 'uq_engineer_phone';

@Injectable()
export class EngineersService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: Outbox,
  ) {}

  /** A new engineer starts ACTIVE; the registration and its announcement commit together. */
  register(input: RegisterEngineerInput): Promise<Engineer> {
    return this.dataSource.transaction((manager) => this.registerWithin(manager, input));
  }

  /** Registers inside the caller's transaction (a backup task filled by a newcomer uses it too). */
  registerWithin(manager: EntityManager, input: RegisterEngineerInput): Promise<Engineer> {
    const phone = normalisePhone(input.phone);
    // The unique index, not a prior lookup, decides: two registrations of one phone may race.
    return rejectingDuplicates(
      async () => {
        const homeCity = input.homeCity.trim();
        const engineer = await manager.save(
          manager.create(Engineer, {
            name: input.name.trim(),
            phone,
            employment: input.employment,
            homeCity,
            cities: coveredCities(homeCity, input.cities ?? []),
            dailyCapacity: input.dailyCapacity,
            status: 'ACTIVE',
          }),
        );
        await this.saveSkills(manager, engineer.id, input.skills ?? []);
        await this.outbox.record(manager, EngineerRegistered.create(engineer.id, await profileOf(manager, engineer)));
        return engineer;
      },
      {
        constraint: ENGINEER_PHONE,
        error: () => new DomainError(EngineerNetworkErrorCodes.ENGINEER_PHONE_TAKEN, `An engineer with phone ${phone} is already registered`, { phone }),
      },
    );
  }

  changeProfile(engineerId: string, input: ChangeEngineerProfileInput): Promise<Engineer> {
    return this.changing(engineerId, async (engineer) => {
      if (input.status) engineer.status = input.status;
      if (input.cities) engineer.cities = coveredCities(engineer.homeCity, input.cities);
      if (input.dailyCapacity) engineer.dailyCapacity = input.dailyCapacity;
    });
  }

  /** Certifying a model the engineer already holds records the newer certification date. */
  certifySkill(engineerId: string, skill: SkillInput): Promise<Engineer> {
    return this.changing(engineerId, (engineer, manager) => this.saveSkills(manager, engineer.id, [skill]));
  }

  withdrawSkill(engineerId: string, brand: string, productModel: string): Promise<Engineer> {
    return this.changing(engineerId, async (engineer, manager) => {
      await manager.delete(EngineerSkill, { engineerId: engineer.id, brand: brand.trim(), productModel: productModel.trim() });
    });
  }

  /**
   * Applies a change to a locked engineer and publishes the resulting full profile in the same
   * transaction; the row lock makes concurrent changes publish their profiles in commit order.
   */
  changing(engineerId: string, change: (engineer: Engineer, manager: EntityManager) => Promise<unknown>): Promise<Engineer> {
    return this.dataSource.transaction(async (manager) => {
      const engineer = await this.lock(manager, engineerId);
      await change(engineer, manager);
      return this.saveAndAnnounce(manager, engineer);
    });
  }

  async saveAndAnnounce(manager: EntityManager, engineer: Engineer): Promise<Engineer> {
    await manager.save(engineer);
    await this.outbox.record(manager, EngineerProfileChanged.create(engineer.id, await profileOf(manager, engineer)));
    return engineer;
  }

  async lock(manager: EntityManager, engineerId: string): Promise<Engineer> {
    const [engineer] = onlyUuids([engineerId]).length ? await manager.find(Engineer, { where: { id: engineerId }, lock: { mode: 'pessimistic_write' } }) : [];
    if (!engineer) throw notFound('Engineer', engineerId);
    return engineer;
  }

  async saveSkills(manager: EntityManager, engineerId: string, skills: readonly SkillInput[]): Promise<void> {
    if (skills.length === 0) return;
    const byModel = new Map(skills.map((skill) => [`${skill.brand.trim()}|${skill.productModel.trim()}`, skill]));
    await manager
      .createQueryBuilder()
      .insert()
      .into(EngineerSkill)
      .values(
        [...byModel.values()].map((skill) => ({
          engineerId,
          brand: skill.brand.trim(),
          productModel: skill.productModel.trim(),
          certifiedOn: skill.certifiedOn,
        })),
      )
      .orUpdate(['certified_on'], ['engineer_id', 'brand', 'product_model'])
      .execute();
  }

  findByIds(ids: readonly string[]): Promise<Engineer[]> {
    return findByIds(this.dataSource.getRepository(Engineer), ids);
  }

  skillsOf(engineerIds: readonly string[]): Promise<EngineerSkill[]> {
    return findReferencing(this.dataSource.getRepository(EngineerSkill), 'engineerId', engineerIds, { brand: 'ASC', productModel: 'ASC' });
  }
}
