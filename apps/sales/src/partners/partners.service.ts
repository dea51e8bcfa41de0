import { DataSource } from 'typeorm';
import { DomainError, Injectable } from '@aftercare/subgraph';
import { findByIds, rejectingDuplicates } from '@aftercare/persistence';
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
    const partner = await rejectingDuplicates(
      () => repository.save(repository.create({ code, name: input.name.trim(), apiKeyHash: hashApiKey(apiKey) })),
      { error: () => new DomainError('PARTNER_CODE_TAKEN', `A partner with code ${code} is already registered`, { partnerCode: code }) },
    );
    return { partner, apiKey };
  }

  findByApiKey(apiKey: string): Promise<Partner | null> {
    return this.dataSource.getRepository(Partner).findOneBy({ apiKeyHash: hashApiKey(apiKey) });
  }

  findByIds(ids: readonly string[]): Promise<Partner[]> {
    return findByIds(this.dataSource.getRepository(Partner), ids);
  }
}
