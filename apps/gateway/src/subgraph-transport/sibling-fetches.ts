import type { PlanNode, QueryPlan } from '@apollo/query-planner';

/**
 * Which subgraphs a query plan fetches from more than once side by side (two fetches to one service among the
 * children of a Parallel node, as for a customer's engineers and its orders' work orders), worked out once per
 * plan. Only those fetches wait an event-loop turn for their siblings (SignedSubgraphDataSource.together), so
 * every other fetch goes out at once.
 */
const byPlan = new WeakMap<QueryPlan, ReadonlySet<string>>();
const byRequest = new WeakMap<object, ReadonlySet<string>>();

export function siblingFetchServices(plan: QueryPlan): ReadonlySet<string> {
  let services = byPlan.get(plan);
  if (!services) {
    const found = new Set<string>();
    if (plan.node && plan.node.kind !== 'Subscription') walk(plan.node, found);
    services = found;
    byPlan.set(plan, services);
  }
  return services;
}

function walk(node: PlanNode, found: Set<string>): void {
  switch (node.kind) {
    case 'Parallel': {
      const seen = new Set<string>();
      for (const child of node.nodes) {
        const fetch = child.kind === 'Fetch' ? child : child.kind === 'Flatten' && child.node.kind === 'Fetch' ? child.node : undefined;
        if (fetch && fetch.operationKind === 'query') {
          if (seen.has(fetch.serviceName)) found.add(fetch.serviceName);
          seen.add(fetch.serviceName);
        }
        walk(child, found);
      }
      return;
    }
    case 'Sequence':
      for (const child of node.nodes) walk(child, found);
      return;
    case 'Flatten':
      walk(node.node, found);
      return;
    case 'Condition':
      if (node.ifClause) walk(node.ifClause, found);
      if (node.elseClause) walk(node.elseClause, found);
      return;
    case 'Defer':
      if (node.primary.node) walk(node.primary.node, found);
      for (const deferred of node.deferred) if (deferred.node) walk(deferred.node, found);
      return;
    default:
      return;
  }
}

/** Called with each request's plan (ApolloGateway's experimental_didResolveQueryPlan): remembered for the request's context. */
export function markSiblingFetches(context: object, plan: QueryPlan): void {
  const services = siblingFetchServices(plan);
  if (services.size) byRequest.set(context, services);
}

export function hasSiblingFetches(context: object, service: string): boolean {
  return byRequest.get(context)?.has(service) ?? false;
}
