import { defineEnum } from '@aftercare/subgraph';

/** A = about to buy … F = not yet contacted or a year away. */
export const ProspectGrades = ['A', 'B', 'C', 'D', 'E', 'F'] as const;
export type ProspectGrade = (typeof ProspectGrades)[number];
export const ProspectGradeEnum = defineEnum(
  ProspectGrades,
  'ProspectGrade',
  'How close a prospect is to buying: A about to buy … F not yet contacted or a year away.',
);

export const BusinessTypes = ['HOUSEHOLD', 'RESTAURANT', 'HOTEL', 'OFFICE', 'FACTORY', 'HOSPITAL', 'SCHOOL', 'RETAIL', 'OTHER'] as const;
export type BusinessType = (typeof BusinessTypes)[number];
export const BusinessTypeEnum = defineEnum(BusinessTypes, 'BusinessType', "The kind of business at the customer's site.");
