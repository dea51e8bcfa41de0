import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { WORKSPACE_ROOT } from '../workspace';
import { buildEventMap, EVENT_MAP_DOC, EventMap, eventMapProblems, loadServiceDefinitions, payloadContractProblems, renderEventMap } from './event-map';
import { analysePayloadUsage } from './payload-usage';

describe('the platform event map (from the five service definitions)', () => {
  const map = buildEventMap(loadServiceDefinitions());

  it('has a producer for every consumed event, unless marked as published outside the platform or planned', () => {
    expect(eventMapProblems(map)).toEqual([]);
    // The five events the issue found consumed by three services and produced by none are published now.
    for (const type of ['ComplaintResolved', 'LiabilityDetermined', 'CompensationApproved', 'DisputeRuled', 'ReplacementOrdered']) {
      const flow = map.flows.find((candidate) => candidate.type === type)!;
      expect({ type, producers: flow.producers }).toEqual({ type, producers: [flow.source] });
      expect(flow.consumers.length).toBeGreaterThan(0);
    }
  });

  it('has no payload key a consumer reads that its producer never sets, and every event built is declared', () => {
    const usage = analysePayloadUsage(map.services);
    expect(payloadContractProblems(map, usage)).toEqual([]);
    // The analysis sees real reads: dispatch reads the order's customer from OrderPlaced.
    expect([...usage.reads.get('service-dispatch')!.get('OrderPlaced')!.keys()]).toEqual(expect.arrayContaining(['orderId', 'customer']));
  });

  it('is what docs/event-map.md shows (run `npm run docs:events` after changing publishes or handlers)', () => {
    expect(readFileSync(join(WORKSPACE_ROOT, EVENT_MAP_DOC), 'utf8')).toEqual(renderEventMap(map));
  });
});

describe('the event-map checks catch', () => {
  const flow = (type: string, producers: string[], consumers: string[]) =>
    ({ type, version: 1, source: 'sales', producers, consumers }) as EventMap['flows'][number];

  it('an event consumed that nobody publishes, and a producer that is not the contract source', () => {
    const problems = eventMapProblems({
      services: ['sales', 'complaints'],
      flows: [flow('Orphaned', [], ['complaints']), flow('Borrowed', ['complaints'], [])],
    });
    expect(problems).toEqual([
      expect.stringContaining('Orphaned v1 is consumed by complaints but no service publishes it'),
      expect.stringContaining('complaints declares it publishes Borrowed v1, whose contract names sales'),
    ]);
  });

  describe('in the services’ code (a small workspace analysed like the real one)', () => {
    let root: string;
    const write = (path: string, text: string) => {
      mkdirSync(dirname(join(root, path)), { recursive: true });
      writeFileSync(join(root, path), text);
    };

    beforeAll(() => {
      root = mkdtempSync(join(tmpdir(), 'event-map-'));
      write(
        'tsconfig.base.json',
        JSON.stringify({ compilerOptions: { strict: true, baseUrl: '.', paths: { '@contracts': ['libs/event-contracts/src/index.ts'] } } }),
      );
      write(
        'libs/event-contracts/src/index.ts',
        `export interface EventDefinition<TType extends string, TPayload> { type: TType; create(id: string, payload: TPayload): { payload: TPayload } }
         export interface ParcelShippedPayload { parcelId: string; trackingNote?: string }
         export declare const ParcelShipped: EventDefinition<'ParcelShipped', ParcelShippedPayload>;`,
      );
      // The producer stopped setting the optional trackingNote; the compiler is happy with that.
      write(
        'apps/shipping/src/ship.ts',
        `import { ParcelShipped } from '@contracts';\nexport const ship = (id: string) => ParcelShipped.create(id, { parcelId: id });`,
      );
      write(
        'apps/notices/src/on-shipped.ts',
        `import type { ParcelShippedPayload } from '@contracts';\nexport const notice = ({ parcelId }: ParcelShippedPayload, payload: ParcelShippedPayload) => parcelId + (payload.trackingNote ?? '');`,
      );
    });

    afterAll(() => rmSync(root, { recursive: true, force: true }));

    it('a field a consumer reads that the producer no longer sets', () => {
      const usage = analysePayloadUsage(['shipping', 'notices'], root);
      const problems = payloadContractProblems(
        { services: ['shipping', 'notices'] as never[], flows: [{ ...flow('ParcelShipped', ['shipping'], ['notices']), source: 'shipping' as never }] },
        usage,
      );
      expect(problems).toEqual(['notices reads ParcelShipped.payload.trackingNote (apps/notices/src/on-shipped.ts:2) but shipping never sets it']);
    });

    it('an event built by a service that does not declare it', () => {
      const usage = analysePayloadUsage(['shipping'], root);
      expect(payloadContractProblems({ services: ['shipping'] as never[], flows: [] }, usage)).toEqual([
        'shipping builds ParcelShipped events but does not list ParcelShipped in its `publishes`',
      ]);
    });
  });
});
