import { GraphQLError, ValidationContext, ValidationRule } from 'graphql';

/**
 * graphql-js turns a literal like 1e400 into Infinity without complaint, and JSON cannot carry it to a
 * subgraph; refuse it during validation so it is a 400, not a failure deep in the query plan.
 */
export const finiteNumbersRule: ValidationRule = (context: ValidationContext) => ({
  FloatValue(node) {
    if (!Number.isFinite(Number(node.value))) {
      context.reportError(new GraphQLError(`Number ${node.value.slice(0, 40)} is out of range`, { nodes: [node] }));
    }
  },
  IntValue(node) {
    if (!Number.isSafeInteger(Number(node.value))) {
      context.reportError(new GraphQLError(`Number ${node.value.slice(0, 40)} is out of range`, { nodes: [node] }));
    }
  },
});
