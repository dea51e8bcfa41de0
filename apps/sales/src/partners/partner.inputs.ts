import { Directive, Field, ID, InputType, ObjectType } from 'type-graphql';
import { Matches, MaxLength } from 'class-validator';
import { NotBlank } from '@aftercare/subgraph';
import { PartnerApiKey } from './partner-api-key.entity';
import { Partner } from './partner.entity';

@InputType()
export class RegisterPartnerInput {
  @Field({ description: 'Letters, digits, _ or -, 2–32 characters; stored upper case.' })
  @Matches(/^[A-Za-z0-9_-]{2,32}$/, { message: 'code must be 2–32 letters, digits, _ or -' })
  code: string;

  @Field()
  @NotBlank()
  @MaxLength(200)
  name: string;
}

@ObjectType({ description: 'A newly registered partner and its API key, which is shown only this once.' })
export class PartnerRegistration {
  @Field(() => Partner)
  partner: Partner;

  @Field({ description: 'Send as the x-api-key header. Store it safely: it cannot be shown again.' })
  apiKey: string;
}

@Directive('@inaccessible')
@ObjectType({ description: 'Who an API key belongs to; for the gateway only.' })
export class PartnerCredential {
  @Field()
  partnerId: string;

  @Field()
  partnerCode: string;
}

@InputType()
export class RotatePartnerKeyInput {
  @Field(() => ID)
  partnerId: string;

  @Field(() => Date, {
    nullable: true,
    description: 'Until when the keys the partner holds now keep working (default: 24 hours from now; at most 30 days).',
  })
  oldKeysExpireAt?: Date | null;
}

@ObjectType({ description: 'A new API key for a partner, shown only this once; the old keys work until their expiry.' })
export class PartnerKeyRotation {
  @Field(() => Partner)
  partner: Partner;

  @Field({ description: 'Send as the x-api-key header. Store it safely: it cannot be shown again.' })
  apiKey: string;

  @Field(() => PartnerApiKey)
  key: PartnerApiKey;
}
