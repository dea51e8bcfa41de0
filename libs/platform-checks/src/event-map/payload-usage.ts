import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import { WORKSPACE_ROOT } from '../workspace';

/**
 * What the services' code does with event payloads, read with the TypeScript checker from their sources:
 * - which payload keys each producer sets where it builds an event (`Event.create(id, payload)`),
 * - which payload keys each service reads (a property access or a destructuring on a value whose type is
 *   an event's payload type, wherever the payload travels: handler, service method, helper).
 *
 * Required fields are already enforced by the compiler; what it cannot see is an optional field
 * (`note?: string`) that a consumer reads and no producer ever sets, or one the producer stopped setting.
 * Comparing the keys read with the keys set catches exactly that.
 */
export interface PayloadUsage {
  /** service → event type → keys set by at least one `create` call in that service. */
  sets: Map<string, Map<string, Set<string>>>;
  /** service → event type → keys read anywhere in that service, with one place each for the report. */
  reads: Map<string, Map<string, Map<string, string>>>;
  /** service → event types it builds with `create` (to compare with its `publishes`). */
  creates: Map<string, Set<string>>;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((entry) => {
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) return entry === 'migrations' ? [] : sourceFiles(path);
    // Specs build payloads for fixtures and read them for assertions: neither is the service's contract.
    return path.endsWith('.ts') && !/\.spec(-support)?\.ts$/.test(path) && !path.endsWith('.d.ts') ? [path] : [];
  });
}

function compilerOptions(root: string): ts.CompilerOptions {
  const configPath = join(root, 'tsconfig.base.json');
  const { config } = ts.readConfigFile(configPath, ts.sys.readFile);
  return { ...ts.parseJsonConfigFileContent(config, ts.sys, root).options, noEmit: true };
}

/** `EventDefinition<TType, TPayload>` → [type literal, payload type], else undefined. */
function eventDefinitionParts(checker: ts.TypeChecker, type: ts.Type): [string, ts.Type] | undefined {
  const reference = type.aliasSymbol?.name === 'EventDefinition' ? type.aliasTypeArguments : undefined;
  const symbol = type.getSymbol();
  const args = reference ?? (symbol?.getName() === 'EventDefinition' ? checker.getTypeArguments(type as ts.TypeReference) : undefined);
  if (!args || args.length !== 2) return undefined;
  const [typeArg, payload] = args as [ts.Type, ts.Type];
  return typeArg.isStringLiteral() ? [typeArg.value, payload] : undefined;
}

export function analysePayloadUsage(services: readonly string[], root: string = WORKSPACE_ROOT): PayloadUsage {
  const filesByService = new Map(services.map((service) => [service, sourceFiles(join(root, 'apps', service, 'src'))]));
  const contracts = sourceFiles(join(root, 'libs/event-contracts/src'));
  const program = ts.createProgram([...contracts, ...[...filesByService.values()].flat()], compilerOptions(root));
  const checker = program.getTypeChecker();

  // Payload types of the contracts, found through the exported event definitions.
  const eventsByPayload = new Map<ts.Type, string[]>();
  for (const file of contracts) {
    const source = program.getSourceFile(file);
    const moduleSymbol = source && checker.getSymbolAtLocation(source);
    for (const exported of moduleSymbol ? checker.getExportsOfModule(moduleSymbol) : []) {
      const parts = eventDefinitionParts(checker, checker.getTypeOfSymbol(exported));
      if (!parts) continue;
      const [eventType, payload] = parts;
      eventsByPayload.set(payload, [...(eventsByPayload.get(payload) ?? []), eventType]);
    }
  }
  const eventsOf = (type: ts.Type): string[] => eventsByPayload.get(checker.getNonNullableType(type)) ?? [];

  const usage: PayloadUsage = { sets: new Map(), reads: new Map(), creates: new Map() };
  for (const [service, files] of filesByService) {
    const sets = new Map<string, Set<string>>();
    const reads = new Map<string, Map<string, string>>();
    const creates = new Set<string>();
    const noteRead = (payloadType: ts.Type, key: string, node: ts.Node) => {
      for (const eventType of eventsOf(payloadType)) {
        const keys = reads.get(eventType) ?? new Map<string, string>();
        const source = node.getSourceFile();
        const { line } = source.getLineAndCharacterOfPosition(node.getStart());
        if (!keys.has(key)) keys.set(key, `${source.fileName.slice(root.length + 1)}:${line + 1}`);
        reads.set(eventType, keys);
      }
    };

    const visit = (node: ts.Node): void => {
      if (
        ts.isCallExpression(node) &&
        ts.isPropertyAccessExpression(node.expression) &&
        node.expression.name.text === 'create' &&
        node.arguments.length === 2
      ) {
        const parts = eventDefinitionParts(checker, checker.getTypeAtLocation(node.expression.expression));
        if (parts) {
          const [eventType] = parts;
          creates.add(eventType);
          const built = checker.getTypeAtLocation(node.arguments[1] as ts.Expression);
          const keys = sets.get(eventType) ?? new Set<string>();
          for (const property of checker.getPropertiesOfType(built)) {
            // A key spelled out as `undefined` is not set.
            const propertyType = checker.getTypeOfSymbolAtLocation(property, node);
            if (!(propertyType.flags & ts.TypeFlags.Undefined)) keys.add(property.getName());
          }
          sets.set(eventType, keys);
        }
      }
      if (ts.isPropertyAccessExpression(node)) {
        noteRead(checker.getTypeAtLocation(node.expression), node.name.text, node);
      }
      if (ts.isObjectBindingPattern(node)) {
        const bound = checker.getTypeAtLocation(node);
        for (const element of node.elements) {
          const key = element.propertyName ?? element.name;
          if (ts.isIdentifier(key)) noteRead(bound, key.text, element);
        }
      }
      ts.forEachChild(node, visit);
    };
    for (const file of files) {
      const source = program.getSourceFile(file);
      if (source) visit(source);
    }
    usage.sets.set(service, sets);
    usage.reads.set(service, reads);
    usage.creates.set(service, creates);
  }
  return usage;
}
