import { EntityManager } from 'typeorm';
import { EngineerProfile } from '@aftercare/event-contracts';
import { Engineer } from './engineer.entity';
import { EngineerSkill } from './engineer-skill.entity';

/** The home city first, then the others once each, as people typed them minus the spaces. */
export function coveredCities(homeCity: string, cities: readonly string[]): string[] {
  return [...new Set([homeCity, ...cities].map((city) => city.trim()))];
}

/** The full dispatch-relevant profile as it stands inside the caller's transaction. */
export async function profileOf(manager: EntityManager, engineer: Engineer): Promise<EngineerProfile> {
  const skills = await manager.find(EngineerSkill, { where: { engineerId: engineer.id }, order: { brand: 'ASC', productModel: 'ASC' } });
  return {
    engineerId: engineer.id,
    name: engineer.name,
    employment: engineer.employment,
    status: engineer.status,
    homeCity: engineer.homeCity,
    cities: coveredCities(engineer.homeCity, engineer.cities),
    skills: skills.map(({ brand, productModel }) => ({ brand, productModel })),
    dailyCapacity: engineer.dailyCapacity,
  };
}
