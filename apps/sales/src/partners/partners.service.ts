import { DataSource, EntityManager, IsNull } from 'typeorm';
import { SalesErrorCodes } from '@aftercare/error-codes';
import { badInput, DomainError, Injectable, notFound } from '@aftercare/subgraph';
import { findByIds, rejectingDuplicates } from '@aftercare/persistence';
import { generateApiKey, hashApiKey } from './api-key';
import { PartnerApiKey } from './partner-api-key.entity';
import { Partner } from './partner.entity';
import { RegisterPartnerInput, RotatePartnerKeyInput } from './partner.inputs';

/** How long the old key keeps working after a rotation when the admin does not say. */
export const DEFAULT_ROTATION_OVERLAP_MS = 24 * 60 * 60 * 1000;
/** Longer than this, an old key is not being rotated out but kept. */
export const MAX_ROTATION_OVERLAP_MS = 30 * 24 * 60 * 60 * 1000;

@Injectable()
export class PartnersService {
  constructor(private readonly dataSource: DataSource) {}

  async register(input: RegisterPartnerInput): Promise<{ partner: Partner; apiKey: string }> {
    const code = input.code.toUpperCase();
    return rejectingDuplicates(
      () =>
        this.dataSource.transaction(async (manager) => {
          const partner = await manager.save(manager.create(Partner, { code, name: input.name.trim() }));
          return { partner, apiKey: await this.issueKey(manager, partner) };
        }),
      { error: () => new DomainError(SalesErrorCodes.PARTNER_CODE_TAKEN, `A partner with code ${code} is already registered`, { partnerCode: code }) },
    );
  }

  /**
   * A new key for the partner; every key it holds now keeps working until `oldKeysExpireAt` (default: a day),
   * so the brand can deploy the new key before the old one stops. A key due to expire earlier keeps its date.
   */
  async rotate(input: RotatePartnerKeyInput, now = new Date()): Promise<{ partner: Partner; apiKey: string; key: PartnerApiKey }> {
    const expiresAt = input.oldKeysExpireAt ?? new Date(now.getTime() + DEFAULT_ROTATION_OVERLAP_MS);
    if (expiresAt.getTime() < now.getTime() || expiresAt.getTime() > now.getTime() + MAX_ROTATION_OVERLAP_MS) {
      throw badInput('oldKeysExpireAt must be between now and 30 days from now', 'oldKeysExpireAt');
    }
    return this.dataSource.transaction(async (manager) => {
      // Locks the partner, so two rotations at once cannot both leave their old key without an expiry.
      const partner = await manager.getRepository(Partner).findOne({ where: { id: input.partnerId }, lock: { mode: 'pessimistic_write' } });
      if (!partner) throw notFound('Partner', input.partnerId);
      await manager
        .createQueryBuilder()
        .update(PartnerApiKey)
        .set({ expiresAt })
        .where('partner_id = :partnerId AND revoked_at IS NULL AND (expires_at IS NULL OR expires_at > :expiresAt)', { partnerId: partner.id, expiresAt })
        .execute();
      const apiKey = await this.issueKey(manager, partner);
      const key = await manager.findOneByOrFail(PartnerApiKey, { keyHash: hashApiKey(apiKey) });
      return { partner, apiKey, key };
    });
  }

  /** Stops one key at once (the gateway's cache forgets it within seconds). Revoking twice changes nothing. */
  async revoke(partnerId: string, keyId: string, now = new Date()): Promise<PartnerApiKey> {
    const repository = this.dataSource.getRepository(PartnerApiKey);
    const key = await repository.findOneBy({ id: keyId, partnerId });
    if (!key) throw notFound('PartnerApiKey', keyId);
    if (key.revokedAt === null) {
      await repository.update({ id: key.id, revokedAt: IsNull() }, { revokedAt: now });
      return repository.findOneByOrFail({ id: key.id });
    }
    return key;
  }

  /** The partner a key belongs to, if the key is current: not revoked and not past its expiry. */
  async findByApiKey(apiKey: string): Promise<Partner | null> {
    return this.dataSource
      .getRepository(Partner)
      .createQueryBuilder('partner')
      .innerJoin(PartnerApiKey, 'key', 'key.partner_id = partner.id')
      .where('key.key_hash = :hash', { hash: hashApiKey(apiKey) })
      .andWhere('key.revoked_at IS NULL')
      .andWhere('(key.expires_at IS NULL OR key.expires_at > now())')
      .getOne();
  }

  keysOf(partnerIds: readonly string[]): Promise<PartnerApiKey[]> {
    return this.dataSource.getRepository(PartnerApiKey).find({ where: partnerIds.map((partnerId) => ({ partnerId })), order: { createdAt: 'DESC' } });
  }

  findByIds(ids: readonly string[]): Promise<Partner[]> {
    return findByIds(this.dataSource.getRepository(Partner), ids);
  }

  private async issueKey(manager: EntityManager, partner: Partner): Promise<string> {
    const apiKey = generateApiKey(partner.code);
    await manager.save(
      manager.create(PartnerApiKey, { partnerId: partner.id, keyHash: hashApiKey(apiKey), prefix: apiKey.slice(0, apiKey.lastIndexOf('_') + 5) }),
    );
    return apiKey;
  }
}
