import { GraphQLFieldResolver, GraphQLSchema, isObjectType } from 'graphql';
import { getMetadataStorage } from 'type-graphql';
import type { ServiceContainer } from '@aftercare/subgraph';

type FieldResolverMetadata = ReturnType<typeof getMetadataStorage>['fieldResolvers'][number];
type ParamMetadata = NonNullable<FieldResolverMetadata['params']>[number];
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Method = (...params: any[]) => unknown;
type Resolve = GraphQLFieldResolver<unknown, unknown>;

/** What a plain parameter is given: the parent value, the request context (or one property of it), the resolve info. */
function plainParameter(param: ParamMetadata): ((root: unknown, context: unknown, info: unknown) => unknown) | undefined {
  if (param.kind === 'root' && !param.propertyName) return (root) => root;
  if (param.kind === 'context') {
    const { propertyName } = param;
    return propertyName ? (_root, context) => (context as Record<string, unknown>)[propertyName] : (_root, context) => context;
  }
  if (param.kind === 'info') return (_root, _context, info) => info;
  return undefined;
}

/** The class a `@Root()` parameter declares, whose instances type-graphql passes on unchanged. */
function declaredRootClass(params: ParamMetadata[]): (new () => unknown) | undefined {
  const root = params.find((param) => param.kind === 'root');
  const declared = root?.kind === 'root' ? root.getType?.() : undefined;
  return typeof declared === 'function' ? (declared as new () => unknown) : undefined;
}

/**
 * type-graphql calls every field resolver through one generic handler: per value it builds the resolver data, asks
 * the container for the resolver, sorts and maps the parameters, converts the parent and runs the middleware
 * chain. A list of a hundred work orders pays that a hundred times for `customer`, which only returns a key.
 *
 * A `@FieldResolver` whose parameters are only the parent (`@Root()`), the context (`@Ctx()`) and the resolve info
 * (`@Info()`), without middleware or roles, has nothing for that handler to do: its field calls the method on the
 * resolver (a singleton in the service container) directly. A parent that is not yet an instance of the class its
 * `@Root()` declares still goes through type-graphql, which converts it; so does every resolver with arguments,
 * whose validation stays with type-graphql.
 */
export function callFieldResolversDirectly(
  schema: GraphQLSchema,
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  resolverClasses: readonly Function[],
  container: ServiceContainer,
): void {
  const storage = getMetadataStorage();
  for (const metadata of storage.fieldResolvers) {
    if (metadata.kind !== 'external' || !resolverClasses.includes(metadata.target)) continue;
    if (metadata.middlewares?.length || metadata.roles) continue;
    const params = [...(metadata.params ?? [])].sort((a, b) => a.index - b.index);
    const extractors = params.map(plainParameter);
    if (extractors.some((extract) => !extract)) continue;
    const objectClass = metadata.getObjectType?.();
    const typeName = storage.objectTypes.find((objectType) => objectType.target === objectClass)?.name;
    const type = typeName ? schema.getType(typeName) : undefined;
    const field = type && isObjectType(type) ? type.getFields()[metadata.schemaName] : undefined;
    if (!field?.resolve) continue;

    const throughTypeGraphql: Resolve = field.resolve;
    const resolver = container.get(metadata.target as new () => Record<string, Method>);
    const method = resolver[metadata.methodName]!;
    const rootClass = declaredRootClass(params);
    const call = (root: unknown, context: unknown, info: unknown) =>
      method.apply(
        resolver,
        extractors.map((extract) => extract!(root, context, info)),
      );
    field.resolve = rootClass
      ? (root, args, context, info) => (root instanceof rootClass ? call(root, context, info) : throughTypeGraphql(root, args, context, info))
      : (root, _args, context, info) => call(root, context, info);
  }
}
