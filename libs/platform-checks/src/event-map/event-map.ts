import { join } from 'node:path';
import type { EventDefinition, ServiceName } from '@aftercare/event-contracts';
import type { ServiceDefinition } from '@aftercare/service-runtime';
import { ServiceContainer } from '@aftercare/subgraph';
import { SUBGRAPHS } from '@aftercare/supergraph';
import { WORKSPACE_ROOT } from '../workspace';
import { EXTERNAL_EVENTS, PLANNED_EVENTS } from './event-origins';
import type { PayloadUsage } from './payload-usage';

type AnyEvent = EventDefinition<string, unknown>;

/** One event of the platform: who declares it publishes it, who handles it. */
export interface EventFlow {
  type: string;
  version: number;
  /** The service the contract names as its source (libs/event-contracts). */
  source: ServiceName;
  /** Services whose definition lists it in `publishes`. */
  producers: ServiceName[];
  /** Services with an `on(Event, …)` handler for it. */
  consumers: ServiceName[];
  /** Why a consumed event without a producer is acceptable, when it is. */
  origin?: { kind: 'external' | 'planned'; by: string };
}

export interface EventMap {
  services: ServiceName[];
  flows: EventFlow[];
}

/**
 * A container that builds nothing: handlers are only listed, never run, so a definition that fetches its
 * services while wiring its handlers gets an inert stand-in instead of a database-backed service.
 */
class ListingContainer extends ServiceContainer {
  override get<T>(): T {
    return new Proxy(
      {},
      {
        get: () => () => {
          throw new Error('event handlers are listed for the event map, never run');
        },
      },
    ) as T;
  }
}

/**
 * Every service's definition, found where the house shape puts it: `apps/<service>/src/<service>.definition.ts`
 * for each subgraph of the registry. Loaded by path (not imported), because a library never depends on an app.
 */
export function loadServiceDefinition(name: string, root: string = WORKSPACE_ROOT): ServiceDefinition {
  const file = join(root, 'apps', name, 'src', `${name}.definition.ts`);
  const exported: Record<string, unknown> = require(file);
  const definition = Object.values(exported).find(
    (value): value is ServiceDefinition => typeof value === 'object' && value !== null && (value as ServiceDefinition).name === name,
  );
  if (!definition) throw new Error(`${file} exports no ServiceDefinition named "${name}"`);
  return definition;
}

export function loadServiceDefinitions(root: string = WORKSPACE_ROOT): ServiceDefinition[] {
  return SUBGRAPHS.map(({ name }) => loadServiceDefinition(name, root));
}

const keyOf = (event: { type: string; version: number }) => `${event.type}@${event.version}`;

export function buildEventMap(definitions: ServiceDefinition[]): EventMap {
  const flows = new Map<string, EventFlow>();
  const flowOf = (event: AnyEvent): EventFlow => {
    const key = keyOf(event);
    let flow = flows.get(key);
    if (!flow) {
      flow = { type: event.type, version: event.version, source: event.source, producers: [], consumers: [] };
      flows.set(key, flow);
    }
    return flow;
  };
  for (const definition of definitions) {
    for (const event of definition.publishes ?? []) flowOf(event).producers.push(definition.name);
    const handled = new Set((definition.eventHandlers?.(new ListingContainer()) ?? []).map((handler) => handler.event));
    for (const event of handled) {
      const consumers = flowOf(event).consumers;
      if (!consumers.includes(definition.name)) consumers.push(definition.name);
    }
  }
  for (const flow of flows.values()) {
    if (EXTERNAL_EVENTS[flow.type]) flow.origin = { kind: 'external', by: EXTERNAL_EVENTS[flow.type] as string };
    else if (PLANNED_EVENTS[flow.type]) flow.origin = { kind: 'planned', by: PLANNED_EVENTS[flow.type] as string };
  }
  return {
    services: definitions.map((definition) => definition.name),
    flows: [...flows.values()].sort((a, b) => a.source.localeCompare(b.source) || a.type.localeCompare(b.type) || a.version - b.version),
  };
}

/** What is wrong with the map, in words a reviewer can act on; empty when the map is sound. */
export function eventMapProblems(map: EventMap): string[] {
  const problems: string[] = [];
  for (const flow of map.flows) {
    const name = `${flow.type} v${flow.version}`;
    if (flow.consumers.length > 0 && flow.producers.length === 0 && !flow.origin) {
      problems.push(
        `${name} is consumed by ${flow.consumers.join(', ')} but no service publishes it ` +
          `(add it to ${flow.source}'s \`publishes\`, or mark it in libs/platform-checks/src/event-map/event-origins.ts)`,
      );
    }
    if (flow.origin && flow.producers.length > 0) {
      problems.push(`${name} is marked ${flow.origin.kind} but ${flow.producers.join(', ')} publishes it now: remove the mark`);
    }
    for (const producer of flow.producers) {
      if (producer !== flow.source) {
        problems.push(`${producer} declares it publishes ${name}, whose contract names ${flow.source} as its source (and topic)`);
      }
    }
  }
  const markedButUnknown = [...Object.keys(EXTERNAL_EVENTS), ...Object.keys(PLANNED_EVENTS)].filter(
    (type) => !map.flows.some((flow) => flow.type === type && flow.consumers.length > 0),
  );
  for (const type of markedButUnknown) problems.push(`${type} is marked external/planned but nothing consumes it: remove the mark`);
  return problems;
}

const nodeId = (prefix: string, name: string) => `${prefix}_${name.replace(/[^A-Za-z0-9]/g, '_')}`;

/** The Mermaid flowchart (service → event → service), fenced; the README and docs/event-map.md both show it. */
export function renderEventMapDiagram(map: EventMap): string {
  const lines = ['flowchart LR'];
  for (const service of map.services) lines.push(`  ${nodeId('svc', service)}[${service}]`);
  for (const flow of map.flows) {
    const event = nodeId('evt', `${flow.type}_v${flow.version}`);
    const label = flow.version === 1 ? flow.type : `${flow.type} v${flow.version}`;
    lines.push(`  ${event}([${label}])`);
    if (flow.producers.length === 0 && flow.origin) {
      const origin = nodeId('ext', flow.origin.by);
      lines.push(`  ${origin}[/${flow.origin.by} - ${flow.origin.kind}/] -.-> ${event}`);
    }
    for (const producer of flow.producers) lines.push(`  ${nodeId('svc', producer)} --> ${event}`);
    for (const consumer of flow.consumers) lines.push(`  ${event} --> ${nodeId('svc', consumer)}`);
    if (flow.producers.length === 0) lines.push(`  class ${event} unproduced`);
    else if (flow.consumers.length === 0) lines.push(`  class ${event} unconsumed`);
  }
  lines.push('  classDef unproduced stroke-dasharray: 5 5,stroke:#c00');
  lines.push('  classDef unconsumed fill:#eee,color:#666');
  return ['```mermaid', ...lines, '```'].join('\n');
}

/**
 * The map as Markdown with the Mermaid flowchart and the same facts as a table.
 * Deterministic, so a test can compare it with the checked-in docs/event-map.md.
 */
export function renderEventMap(map: EventMap): string {
  const table = [
    '| event | version | published by | consumed by |',
    '|---|---|---|---|',
    ...map.flows.map(
      (flow) =>
        `| ${flow.type} | ${flow.version} | ${flow.producers.join(', ') || (flow.origin ? `— (${flow.origin.kind}: ${flow.origin.by})` : '**nobody**')} | ${
          flow.consumers.join(', ') || '— (no consumer yet)'
        } |`,
    ),
  ];
  return [
    '# Event map',
    '',
    '<!-- Generated by `npm run docs:events` from the five service definitions (`publishes` and `eventHandlers`);',
    '     a test fails when this file is stale. Do not edit by hand. -->',
    '',
    'Which service publishes each event (its `publishes` list) and which services consume it (its',
    '`on(Event, …)` handlers). Dashed: consumed, published by no service of the platform (marked external or',
    'planned in `libs/platform-checks/src/event-map/event-origins.ts`). Grey: published, consumed by nobody yet.',
    '',
    renderEventMapDiagram(map),
    '',
    ...table,
    '',
  ].join('\n');
}

export const EVENT_MAP_DOC = 'docs/event-map.md';

/**
 * Contract mismatches between producers and consumers: a payload key a consumer reads that no producer sets,
 * an event a service builds without declaring it in `publishes`, and one it declares but never builds.
 */
export function payloadContractProblems(map: EventMap, usage: PayloadUsage): string[] {
  const problems: string[] = [];
  for (const flow of map.flows) {
    if (flow.producers.length === 0) continue;
    const set = new Set(flow.producers.flatMap((producer) => [...(usage.sets.get(producer)?.get(flow.type) ?? [])]));
    for (const consumer of flow.consumers) {
      for (const [key, where] of usage.reads.get(consumer)?.get(flow.type) ?? []) {
        if (!set.has(key)) {
          problems.push(`${consumer} reads ${flow.type}.payload.${key} (${where}) but ${flow.producers.join(', ')} never sets it`);
        }
      }
    }
  }
  for (const service of map.services) {
    const declared = new Set(map.flows.filter((flow) => flow.producers.includes(service)).map((flow) => flow.type));
    for (const built of usage.creates.get(service) ?? []) {
      if (!declared.has(built)) problems.push(`${service} builds ${built} events but does not list ${built} in its \`publishes\``);
    }
    for (const type of declared) {
      if (!usage.creates.get(service)?.has(type)) problems.push(`${service} lists ${type} in \`publishes\` but never builds one`);
    }
  }
  return problems;
}
