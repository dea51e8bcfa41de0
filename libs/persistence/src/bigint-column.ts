import type { ValueTransformer } from 'typeorm';

/**
 * node-postgres returns `bigint` as a string so it never loses precision; amounts in fen stay far below
 * 2^53, so reading them as integers is exact and lets totals beyond int4 (21 million CNY) be stored.
 */
export const bigintAsNumber: ValueTransformer = {
  to: (value: number | null | undefined) => value,
  from: (value: string | null) => (value === null ? null : Number(value)),
};
