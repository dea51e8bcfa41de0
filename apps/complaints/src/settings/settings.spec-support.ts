import { staff } from '@aftercare/testing';

export const admin = staff('ADMIN');

export const DEFINE_POLICY = `mutation ($input: DefineSlaPolicyInput!) {
  defineSlaPolicy(input: $input) { id category priority firstContactHours opinionHours resolutionHours countedIn warnBeforeMinutes backOfficeObservesHolidays }
}`;

/** The seeded NORMAL targets (migration): 2 / 20 / 91 hotline hours, warning 30 minutes before. */
export const NORMAL_TARGETS = { firstContactHours: 2, opinionHours: 20, resolutionHours: 91, countedIn: 'BUSINESS_HOURS', warnBeforeMinutes: 30 };
