import { Arg, Authorized, Directive, Mutation, Query, Resolver } from 'type-graphql';
import { Partner } from './partner.entity';
import { PartnerCredential, PartnerRegistration, RegisterPartnerInput } from './partner.inputs';
import { PartnersService } from './partners.service';

@Resolver(() => Partner)
export class PartnerResolver {
  constructor(private readonly partners: PartnersService) {}

  @Authorized('ADMIN')
  @Mutation(() => PartnerRegistration, { description: 'Registers a partner brand; its API key is returned only here.' })
  registerPartner(@Arg('input', () => RegisterPartnerInput) input: RegisterPartnerInput): Promise<PartnerRegistration> {
    return this.partners.register(input);
  }

  /** How the gateway turns an x-api-key into a partner identity; hidden from the public graph. */
  @Authorized('SYSTEM')
  @Directive('@inaccessible')
  @Query(() => PartnerCredential, { nullable: true })
  async partnerCredential(@Arg('apiKey') apiKey: string): Promise<PartnerCredential | null> {
    const partner = await this.partners.findByApiKey(apiKey);
    return partner && { partnerId: partner.id, partnerCode: partner.code };
  }
}
