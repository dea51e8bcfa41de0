import { SUBGRAPHS } from '@aftercare/supergraph';
import { accessTableOf } from './access-tables.spec-support';
import { entityFields, fieldRuleOf, mustHaveRule } from './entity-fields.spec-support';

/** Fast checks of the tables against the composed supergraph; the walk in security.e2e.spec.ts checks behaviour. */
describe('the access tables cover the graph', () => {
  const fields = entityFields();

  it('write down who reads every field one service adds to another service’s entity, and every link to another entity', () => {
    // e.g. Customer.orders (sales' orders on the card), Customer.workOrders (dispatch), Customer.complaints: without a
    // rule, whoever opens the card reads them — an engineer read a customer's orders that way.
    const missing = fields.filter((field) => mustHaveRule(field) && !fieldRuleOf(field)).map((field) => `${field.service}: ${field.type}.${field.field}`);
    expect(fields.filter(mustHaveRule).length).toBeGreaterThan(20);
    expect(missing).toEqual([]);
  });

  it('name only fields the graph has, each in the table of the service that resolves it', () => {
    const resolvedBy = new Map(fields.map((field) => [`${field.type}.${field.field}`, field.service]));
    const stray = SUBGRAPHS.flatMap(({ name }) =>
      Object.keys(accessTableOf(name)?.fields ?? {})
        .filter((key) => resolvedBy.get(key) !== name)
        .map((key) => `${name}: ${key} (${resolvedBy.has(key) ? `resolved by ${resolvedBy.get(key)}` : 'not an entity field of the supergraph'})`),
    );
    expect(stray).toEqual([]);
  });
});
