import { defineEvent } from './define-event';

export const EngineerEmployments = ['EMPLOYEE', 'PLATFORM_PARTNER'] as const;
export type EngineerEmployment = (typeof EngineerEmployments)[number];

/** What dispatch needs to place work; the engineer's phone stays in engineer-network. */
export interface EngineerRegisteredPayload {
  engineerId: string;
  name: string;
  employment: EngineerEmployment;
  homeCity: string;
  dailyCapacity: number;
}

export const EngineerRegistered = defineEvent<EngineerRegisteredPayload>()({
  type: 'EngineerRegistered',
  version: 1,
  source: 'engineer-network',
  aggregateType: 'Engineer',
});
