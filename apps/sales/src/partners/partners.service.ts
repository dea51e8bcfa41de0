import { DataSource } from 'typeorm';
import { DomainError, Injectable, onlyUuids } from '@aftercare/subgraph';
import { isUniqueViolation } from '@aftercare/persistence';
import { generateApiKey, hashApiKey } from './api-key';
import { Partner } from './partner.entity';
import { RegisterPartnerInput } from './partner.inputs';

@Injectable()
export class PartnersService {
  constructor(private readonly dataSource: DataSource) {}

  async register(input: RegisterPartnerInput): Promise<{ partner: Partner; apiKey: string }> {
    const code = input.code.toUpperCase();
    const apiKey = generateApiKey(code);
    const repository = this.dataSource.getRepository(Partner);
    try {
      const partner = await repository.save(repository.create({ code, name: input.name.trim(), apiKeyHash: hashApiKey(apiKey) }));
      return { partner, apiKey };
    } catch (error) {
      if (isUniqueViolation(error)) {
        throw new DomainError('PARTNER_CODE_TAKEN', `A partner with code ${code} is already registered`, { partnerCode: code });
      }
      throw error;
    }
  }

  findByApiKey(apiKey: string): Promise<Partner | null> {
    return this.dataSource.getRepository(Partner).findOneBy({ apiKeyHash: hashApiKey(apiKey) });
  }

  findByIds(ids: readonly string[]): Promise<Partner[]> {
    return this.dataSource.getRepository(Partner).createQueryBuilder('partner').where('partner.id = ANY(:ids)', { ids: onlyUuids(ids) }).getMany();
  }
}
