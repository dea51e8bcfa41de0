import { Arg, Ctx, Directive, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { PartnerIdentity } from '@aftercare/identity';
import { groupLoader, Guarded, loaderKey, loadOrNotFound, RequestContext } from '@aftercare/subgraph';
import { PartnerApiKey } from './partner-api-key.entity';
import { Partner } from './partner.entity';
import { PartnerCredential, PartnerKeyRotation, PartnerRegistration, RegisterPartnerInput, RotatePartnerKeyInput } from './partner.inputs';
import { PartnersService } from './partners.service';

const KEYS_BY_PARTNER = loaderKey<string, PartnerApiKey[]>('partner api keys by partner');

@Resolver(() => Partner)
export class PartnerResolver {
  constructor(private readonly partners: PartnersService) {}

  @Guarded()
  @Mutation(() => PartnerRegistration, { description: 'Registers a partner brand; its API key is returned only here.' })
  registerPartner(@Arg('input', () => RegisterPartnerInput) input: RegisterPartnerInput): Promise<PartnerRegistration> {
    return this.partners.register(input);
  }

  @Guarded()
  @Mutation(() => PartnerKeyRotation, {
    description: 'A new API key for the partner (returned only here); the keys it holds now keep working until oldKeysExpireAt.',
  })
  rotatePartnerKey(@Arg('input', () => RotatePartnerKeyInput) input: RotatePartnerKeyInput): Promise<PartnerKeyRotation> {
    return this.partners.rotate(input);
  }

  @Guarded()
  @Mutation(() => PartnerApiKey, { description: 'Stops one key now; the gateway refuses it within seconds.' })
  revokePartnerKey(@Arg('partnerId', () => ID) partnerId: string, @Arg('keyId', () => ID) keyId: string): Promise<PartnerApiKey> {
    return this.partners.revoke(partnerId, keyId);
  }

  @Guarded()
  @FieldResolver(() => [PartnerApiKey], { description: 'Its keys, newest first, active or not (never the keys themselves).' })
  apiKeys(@Root() partner: Partner, @Ctx() context: RequestContext): Promise<PartnerApiKey[]> {
    return groupLoader(
      context.loaders,
      KEYS_BY_PARTNER,
      (ids: readonly string[]) => this.partners.keysOf(ids),
      (row) => row.partnerId,
    ).load(partner.id);
  }

  /** Row rule: no id to ask for — a partner reads only itself (the brand behind its key), e.g. for its portal's header. */
  @Guarded()
  @Query(() => Partner, { description: 'The calling partner brand itself: its code and name.' })
  myPartner(@Ctx() context: RequestContext): Promise<Partner> {
    const { partnerId } = context.identity as PartnerIdentity;
    return loadOrNotFound(context, Partner, 'Partner', partnerId, (ids) => this.partners.findByIds(ids));
  }

  /** How the gateway turns an x-api-key into a partner identity; hidden from the public graph. */
  @Guarded()
  @Directive('@inaccessible')
  @Query(() => PartnerCredential, { nullable: true })
  async partnerCredential(@Arg('apiKey') apiKey: string): Promise<PartnerCredential | null> {
    const partner = await this.partners.findByApiKey(apiKey);
    return partner && { partnerId: partner.id, partnerCode: partner.code };
  }
}
