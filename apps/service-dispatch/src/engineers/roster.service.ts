import { DataSource, EntityManager } from 'typeorm';
import type { EngineerAvailabilityChangedPayload, EngineerProfile, EventEnvelope } from '@aftercare/event-contracts';
import { Injectable } from '@aftercare/subgraph';
import { RosterEngineer } from '../read-models/roster-engineer.entity';

/** Keeps the engineer read model current; every profile event carries the whole profile, so an upsert is always right. */
@Injectable()
export class RosterService {
  constructor(private readonly dataSource: DataSource) {}

  async profileChanged({ payload }: EventEnvelope<string, EngineerProfile>, manager: EntityManager): Promise<void> {
    await manager
      .createQueryBuilder()
      .insert()
      .into(RosterEngineer)
      .values({
        engineerId: payload.engineerId,
        name: payload.name,
        status: payload.status,
        homeCity: payload.homeCity,
        cities: [...new Set([payload.homeCity, ...payload.cities])],
        skills: payload.skills,
        dailyCapacity: payload.dailyCapacity,
      })
      .orUpdate(['name', 'status', 'home_city', 'cities', 'skills', 'daily_capacity', 'updated_at'], ['engineer_id'])
      .execute();
  }

  /**
   * The complete set of windows replaces the earlier one. An availability event may overtake the
   * registration on another path, so an unknown engineer is kept as a placeholder that cannot be dispatched
   * (SUSPENDED, no cities) until the profile arrives.
   */
  async availabilityChanged({ payload }: EventEnvelope<string, EngineerAvailabilityChangedPayload>, manager: EntityManager): Promise<void> {
    await manager
      .createQueryBuilder()
      .insert()
      .into(RosterEngineer)
      .values({ engineerId: payload.engineerId, name: '', status: 'SUSPENDED', cities: [], skills: [], dailyCapacity: 0, unavailable: payload.unavailable })
      .orUpdate(['unavailable', 'updated_at'], ['engineer_id'])
      .execute();
  }

  /** Engineers who might work: active ones; leave and sickness are checked per day by the dispatch plan. */
  activeEngineers(manager: EntityManager = this.dataSource.manager): Promise<RosterEngineer[]> {
    return manager.getRepository(RosterEngineer).find({ where: { status: 'ACTIVE' } });
  }

  findOne(engineerId: string, manager: EntityManager = this.dataSource.manager): Promise<RosterEngineer | null> {
    return manager.getRepository(RosterEngineer).findOneBy({ engineerId });
  }
}
