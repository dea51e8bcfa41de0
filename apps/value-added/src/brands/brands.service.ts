import { DataSource } from 'typeorm';
import { actorOf, type Identity } from '@aftercare/identity';
import { DomainError, ErrorCodes, Injectable } from '@aftercare/subgraph';
import { brandKey } from './brand-key';
import { DefineWarrantyTermInput, SetBrandReminderServiceInput } from './brand.inputs';
import { BrandReminderService } from './brand-reminder-service.entity';
import { WarrantyTerm } from './warranty-term.entity';

/** A partner acts for its own brand only: its partner code is its brand. */
export function assertOwnBrand(identity: Identity, brand: string): void {
  if (identity.kind === 'partner' && brandKey(identity.partnerCode) !== brandKey(brand)) {
    throw new DomainError(ErrorCodes.FORBIDDEN, `A partner sees and sets only its own brand (${identity.partnerCode})`, { brand });
  }
}

/** The brand a caller may look at: a partner always its own, staff the one they name. */
export function brandInView(identity: Identity, brand: string | null | undefined): string {
  if (identity.kind === 'partner') {
    if (brand) assertOwnBrand(identity, brand);
    return identity.partnerCode;
  }
  if (!brand?.trim()) throw new DomainError(ErrorCodes.BAD_USER_INPUT, 'Name the brand', { fields: [{ field: 'brand', messages: ['brand is required'] }] });
  return brand.trim();
}

/** What brands decide: whether their customers get reminders, and their warranty terms. */
@Injectable()
export class BrandsService {
  constructor(private readonly dataSource: DataSource) {}

  async setReminderService(input: SetBrandReminderServiceInput, identity: Identity): Promise<BrandReminderService> {
    assertOwnBrand(identity, input.brand);
    const key = brandKey(input.brand);
    await this.dataSource
      .createQueryBuilder()
      .insert()
      .into(BrandReminderService)
      .values({ brandKey: key, brand: input.brand.trim(), optedIn: input.optedIn, changedBy: actorOf(identity).id })
      .orUpdate(['opted_in', 'changed_by', 'changed_at'], ['brand_key'])
      .execute();
    return this.dataSource.getRepository(BrandReminderService).findOneByOrFail({ brandKey: key });
  }

  /** Every brand's choice (staff), or the partner's own (null until it has chosen: not opted in). */
  async reminderServices(identity: Identity): Promise<BrandReminderService[]> {
    const repository = this.dataSource.getRepository(BrandReminderService);
    if (identity.kind === 'partner') return repository.findBy({ brandKey: brandKey(identity.partnerCode) });
    return repository.find({ order: { brandKey: 'ASC' } });
  }

  async defineWarrantyTerm(input: DefineWarrantyTermInput, identity: Identity): Promise<WarrantyTerm> {
    const key = { brandKey: brandKey(input.brand), productModelKey: input.productModel?.trim() ?? '' };
    await this.dataSource
      .createQueryBuilder()
      .insert()
      .into(WarrantyTerm)
      .values({ ...key, brand: input.brand.trim(), months: input.months, definedBy: actorOf(identity).id })
      .orUpdate(['months', 'defined_by', 'defined_at'], ['brand_key', 'product_model_key'])
      .execute();
    return this.dataSource.getRepository(WarrantyTerm).findOneByOrFail(key);
  }

  warrantyTerms(): Promise<WarrantyTerm[]> {
    return this.dataSource.getRepository(WarrantyTerm).find({ order: { brandKey: 'ASC', productModelKey: 'ASC' } });
  }
}
