import { FieldNode, FragmentDefinitionNode, Kind, OperationDefinitionNode, parse } from 'graphql';
import { fieldSetKey, selectedFields, selectedFieldsOn } from './selected-fields';

/** The root field of `query` as a resolver's info sees it, fragments included. */
function infoOf(query: string) {
  const document = parse(query);
  const operation = document.definitions.find((definition): definition is OperationDefinitionNode => definition.kind === Kind.OPERATION_DEFINITION)!;
  const fragments = Object.fromEntries(
    document.definitions
      .filter((definition): definition is FragmentDefinitionNode => definition.kind === Kind.FRAGMENT_DEFINITION)
      .map((fragment) => [fragment.name.value, fragment]),
  );
  return { fieldNodes: [operation.selectionSet.selections[0] as FieldNode], fragments };
}

describe('selectedFields', () => {
  it('names the fields selected at a path, through fragments, inline fragments and directives', () => {
    const info = infoOf(`
      query Board($withCity: Boolean!) {
        workOrders(first: 100) {
          pageInfo { hasNextPage }
          edges { cursor node { __typename id ...Row ... on WorkOrder { customer { id name } } city @include(if: $withCity) } }
        }
      }
      fragment Row on WorkOrder { status engineer { id } }`);
    expect(selectedFields(info, ['edges', 'node'])).toEqual(new Set(['__typename', 'id', 'status', 'engineer', 'customer', 'city']));
    expect(selectedFields(info)).toEqual(new Set(['pageInfo', 'edges']));
  });

  it('merges a field selected twice (aliases, repeated paths) and answers an empty set for a path not asked for', () => {
    const info = infoOf(`{ workOrders { edges { node { id } } more: edges { node { status } } } }`);
    expect(selectedFields(info, ['edges', 'node'])).toEqual(new Set(['id', 'status']));
    expect(selectedFields(info, ['pageInfo'])).toEqual(new Set());
  });

  it("names what an _entities fetch asks of one type, not what it asks of another type's representations", () => {
    const info = infoOf(`
      query ($representations: [_Any!]!) {
        _entities(representations: $representations) {
          __typename
          ... on Customer { name city }
          ... on Order { status }
          ...Card
        }
      }
      fragment Card on Customer { phone }`);
    expect(selectedFieldsOn(info, 'Customer')).toEqual(new Set(['__typename', 'name', 'city', 'phone']));
    expect(selectedFieldsOn(info, 'Order')).toEqual(new Set(['__typename', 'status']));
  });

  it('keys a set of fields the same whatever their order or repeats', () => {
    expect(fieldSetKey(['city', 'name', 'city'])).toBe(fieldSetKey(new Set(['name', 'city'])));
    expect(fieldSetKey(['name'])).not.toBe(fieldSetKey(['name', 'city']));
  });

  it('works a selection out once per field node: a list asking it per item gets the same set, keyed once', () => {
    const info = infoOf(`{ customers { id complaints { id status } } }`);
    const first = selectedFields(info, ['complaints']);
    expect(selectedFields(info, ['complaints'])).toBe(first);
    expect(selectedFields(info)).not.toBe(first);
    expect(fieldSetKey(first)).toBe('id,status');
  });
});
