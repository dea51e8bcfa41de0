import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { composeSupergraph, CompositionError } from './compose-supergraph';
import { SUBGRAPHS, SUPERGRAPH_PATH } from './subgraph-registry';
import { subgraphsOf } from './supergraph-subgraphs';

const root = join(__dirname, '../../..');

describe('the checked-in supergraph', () => {
  it('is exactly what the subgraphs compose to (run `npm run compose` after a schema change)', () => {
    expect(readFileSync(join(root, SUPERGRAPH_PATH), 'utf8')).toEqual(composeSupergraph(root));
  });

  it('routes to all five services', () => {
    const routed = subgraphsOf(readFileSync(join(root, SUPERGRAPH_PATH), 'utf8'));
    expect(routed.map((subgraph) => subgraph.name).sort()).toEqual(SUBGRAPHS.map((subgraph) => subgraph.name).sort());
  });

  it('fails loudly when subgraphs disagree', () => {
    const broken = [
      ...SUBGRAPHS.filter((subgraph) => subgraph.name === 'sales'),
      { name: 'rogue', url: 'http://127.0.0.1:1/graphql', schemaPath: 'libs/supergraph/src/testing/conflicting-order.graphql' },
    ];
    expect(() => composeSupergraph(root, broken)).toThrow(CompositionError);
  });
});
