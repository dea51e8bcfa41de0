import { ApolloArmor } from '@escape.tech/graphql-armor';
import type { EdgeConfig } from './edge-config';
import { finiteNumbersRule } from './finite-numbers-rule';

/**
 * Query-shape limits from a maintained library (graphql-armor): depth, aliases, directives, tokens and a
 * cost estimate, all checked before anything is planned or sent to a subgraph. Suggestions are handled
 * by the edge plugin (staff in development keep them), so armor's blanket block is off.
 */
export function armorFor(config: EdgeConfig) {
  const protection = new ApolloArmor({
    maxDepth: { n: config.maxDepth, ignoreIntrospection: true, flattenFragments: true },
    maxAliases: { n: config.maxAliases },
    maxDirectives: { n: config.maxDirectives },
    maxTokens: { n: config.maxTokens },
    costLimit: { maxCost: config.maxCost, objectCost: 2, scalarCost: 1, depthCostFactor: 1.5, ignoreIntrospection: true },
    blockFieldSuggestion: { enabled: false },
  }).protect();
  return { ...protection, validationRules: [...protection.validationRules, finiteNumbersRule] };
}
