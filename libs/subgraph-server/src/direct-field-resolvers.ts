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
function declaredRootClass(params: ParamMetadata[]): (new () => object) | undefined {
  const root = params.find((param) => param.kind === 'root');
  const declared = root?.kind === 'root' ? root.getType?.() : undefined;
  return typeof declared === 'function' ? (declared as new () => object) : undefined;
}

function isPlainObject(value: unknown): value is object {
  if (typeof value !== 'object' || value === null) return false;
  const prototype: unknown = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}

/**
 * A plain parent (a federation representation, `{ __typename, id }`) made an instance of the declared class the way
 * type-graphql makes it: a new instance, without the fields its constructor leaves undefined and the parent lacks,
 * with the parent's own values on top. Which fields a new instance leaves undefined is read once per class.
 */
function instanceMaker(rootClass: new () => object): (plain: object) => object {
  const sample = new rootClass() as Record<string, unknown>;
  const leftUndefined = Object.keys(sample).filter((key) => sample[key] === undefined);
  return (plain) => {
    const instance = new rootClass() as Record<string, unknown>;
    for (const key of leftUndefined) if (!(key in plain)) delete instance[key];
    return Object.assign(instance, plain);
  };
}

/**
 * type-graphql calls every field resolver through one generic handler: per value it builds the resolver data, asks
 * the container for the resolver, sorts and maps the parameters, converts the parent and runs the middleware
 * chain. A list of a hundred work orders pays that a hundred times for `customer`, which only returns a key.
 *
 * A `@FieldResolver` whose parameters are only the parent (`@Root()`), the context (`@Ctx()`) and the resolve info
 * (`@Info()`), without middleware or roles, has nothing for that handler to do: its field calls the method on the
 * resolver (a singleton in the service container) directly. A plain parent (a representation from the gateway) is made
 * an instance of the class its `@Root()` declares, as type-graphql would; any other parent still goes through
 * type-graphql, and so does every resolver with arguments, whose validation stays with type-graphql.
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
    // Asked of the container at the first value, as type-graphql would: a schema built only to print its SDL has no database.
    let resolver: Record<string, Method> | undefined;
    const { methodName } = metadata;
    const resolverClass = metadata.target as new () => Record<string, Method>;
    const rootClass = declaredRootClass(params);
    const call = (root: unknown, context: unknown, info: unknown) => {
      resolver ??= container.get(resolverClass);
      return resolver[methodName]!(...extractors.map((extract) => extract!(root, context, info)));
    };
    if (!rootClass) {
      field.resolve = (root, _args, context, info) => call(root, context, info);
      continue;
    }
    const instanceOf = instanceMaker(rootClass);
    field.resolve = (root, args, context, info) => {
      if (root instanceof rootClass) return call(root, context, info);
      return isPlainObject(root) ? call(instanceOf(root), context, info) : throughTypeGraphql(root, args, context, info);
    };
  }
}
