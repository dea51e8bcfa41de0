import type { ApolloServerPlugin } from '@apollo/server';
import {
  FieldNode,
  getNamedType,
  getNullableType,
  GraphQLArgument,
  GraphQLError,
  GraphQLField,
  GraphQLInputType,
  GraphQLSchema,
  isInputObjectType,
  isListType,
  isScalarType,
  TypeInfo,
  visit,
  visitWithTypeInfo,
} from 'graphql';
import { getArgumentValues } from 'graphql/execution/values';
import { ErrorCodes, isUuid } from '@aftercare/subgraph';

/** No single text input is longer than this; per-field limits (class-validator) are tighter. */
export const MAX_TEXT_LENGTH = 4000;
/** PostgreSQL has no year 0 and our business has no dates before this or after that. */
const MIN_YEAR = 1000;
const MAX_YEAR = 9999;
/** Far above any amount, quantity or coordinate the platform stores; beyond it a number is an attack. */
const MAX_ABS_NUMBER = 1e12;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;
/** Either of the above could be in the text: one scan clears the common case, every key and value of every argument. */
// eslint-disable-next-line no-control-regex
const CONTROL_OR_SURROGATE = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\uD800-\uDFFF]/;

export interface InputProblem {
  field: string;
  messages: string[];
}

/** What is wrong with one string, or null. Lone surrogates and NULs never reach SQL or the jsonb outbox. */
export function textProblem(value: string, maxLength = MAX_TEXT_LENGTH): string | null {
  if (value.length > maxLength) return `must be at most ${maxLength} characters`;
  if (!CONTROL_OR_SURROGATE.test(value)) return null;
  if (LONE_SURROGATE.test(value)) return 'must be valid Unicode text (no lone surrogates)';
  if (CONTROL.test(value)) return 'must not contain control characters';
  return null;
}

/**
 * `path` is the field as class-validator names it, so a client sees one convention whoever refused the input:
 * the path inside the argument's input object (`customer.phone`), an index for objects in a list
 * (`skills.0.productModel`), a list of scalars by its own name (`cities`), and a scalar argument by its name (`id`).
 */
function walk(value: unknown, type: GraphQLInputType | undefined, path: string, problems: InputProblem[]): void {
  if (value === null || value === undefined) return;
  const report = (message: string): void => {
    problems.push({ field: path, messages: [message] });
  };
  const nullable = type ? getNullableType(type) : undefined;
  if (Array.isArray(value)) {
    const itemType = nullable && isListType(nullable) ? (nullable.ofType as GraphQLInputType) : undefined;
    value.forEach((item, index) => walk(item, itemType, isPlainObject(item) ? join(path, String(index)) : path, problems));
    return;
  }
  if (typeof value === 'string') {
    const problem = textProblem(value);
    if (problem) return report(problem);
    const named = type ? getNamedType(type) : undefined;
    if (named && isScalarType(named) && named.name === 'ID' && !isUuid(value)) report('must be an id this API issued (a UUID)');
    return;
  }
  if (typeof value === 'number') {
    if (!Number.isFinite(value) || Math.abs(value) > MAX_ABS_NUMBER) report('is out of range');
    return;
  }
  if (value instanceof Date) {
    const year = value.getUTCFullYear();
    if (Number.isNaN(value.getTime()) || year < MIN_YEAR || year > MAX_YEAR) report(`must be a date between the years ${MIN_YEAR} and ${MAX_YEAR}`);
    return;
  }
  if (typeof value === 'object') {
    const named = type ? getNamedType(type) : undefined;
    const fields = named && isInputObjectType(named) ? named.getFields() : undefined;
    for (const [key, item] of Object.entries(value as Record<string, unknown>)) {
      if (textProblem(key, 200)) {
        report('has a malformed key');
        continue;
      }
      walk(item, fields?.[key]?.type, join(path, key), problems);
    }
  }
}

const join = (path: string, key: string): string => (path ? `${path}.${key}` : key);
const isPlainObject = (value: unknown): boolean => typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Date);

/** Federation representations: free-form, but every string in them is text and every `id` an issued id. */
function walkRepresentations(value: unknown, problems: InputProblem[]): void {
  if (!Array.isArray(value)) return;
  value.forEach((representation, index) => {
    walk(representation, undefined, `representations.${index}`, problems);
    const id = (representation as { id?: unknown } | null)?.id;
    if (id !== undefined && !isUuid(id)) problems.push({ field: `representations.${index}.id`, messages: ['must be a UUID'] });
  });
}

interface FieldWithArguments {
  fieldDef: GraphQLField<unknown, unknown>;
  node: FieldNode;
}

/**
 * The fields of a document that take arguments, with their schema definitions. Documents are parsed once and
 * shared by every request that sends the same text, so the walk with type information is done once per
 * document; each request only coerces and checks its own argument values.
 */
const fieldsWithArguments = new WeakMap<GraphQLSchema, WeakMap<object, FieldWithArguments[]>>();

function argumentFieldsOf(schema: GraphQLSchema, document: Parameters<typeof visit>[0]): FieldWithArguments[] {
  let byDocument = fieldsWithArguments.get(schema);
  if (!byDocument) {
    byDocument = new WeakMap();
    fieldsWithArguments.set(schema, byDocument);
  }
  let fields = byDocument.get(document);
  if (!fields) {
    const found: FieldWithArguments[] = [];
    const typeInfo = new TypeInfo(schema);
    visit(
      document,
      visitWithTypeInfo(typeInfo, {
        Field(node: FieldNode) {
          const fieldDef = typeInfo.getFieldDef();
          if (fieldDef && node.arguments?.length) found.push({ fieldDef, node });
        },
      }),
    );
    fields = found;
    byDocument.set(document, fields);
  }
  return fields;
}

/** Every argument of every field in the operation, coerced to its schema type, checked as above. */
export function inputProblems(schema: GraphQLSchema, document: Parameters<typeof visit>[0], variables: Record<string, unknown>): InputProblem[] {
  const problems: InputProblem[] = [];
  for (const { fieldDef, node } of argumentFieldsOf(schema, document)) {
    let values: Record<string, unknown>;
    try {
      values = getArgumentValues(fieldDef, node, variables);
    } catch {
      continue; // execution reports coercion errors itself, as BAD_USER_INPUT
    }
    for (const arg of fieldDef.args as readonly GraphQLArgument[]) {
      if (fieldDef.name === '_entities' && arg.name === 'representations') walkRepresentations(values[arg.name], problems);
      // An input object argument is named from inside (`customerId`, not `input.customerId`), as class-validator does.
      else walk(values[arg.name], arg.type, isInputObjectType(getNullableType(arg.type)) ? '' : arg.name, problems);
    }
  }
  return problems;
}

export function inputRejected(problems: InputProblem[]): GraphQLError {
  return new GraphQLError(`Invalid input: ${problems.map((p) => `${p.field} (${p.messages.join('; ')})`).join(', ')}`, {
    extensions: { code: ErrorCodes.BAD_USER_INPUT, fields: problems },
  });
}

/** Codes a client caused: the subgraph answers them with HTTP 200 so the gateway passes the code through untouched. */
const CLIENT_CODES = new Set(['BAD_USER_INPUT', 'GRAPHQL_VALIDATION_FAILED', 'GRAPHQL_PARSE_FAILED', 'OPERATION_RESOLUTION_FAILURE']);

/**
 * The edge of every subgraph: before any resolver runs, each argument (variables and literals alike) is
 * checked for NUL and control characters, lone surrogates, over-long text, ids and representation ids that
 * are not UUIDs, impossible years and out-of-range numbers — so nothing malformed reaches SQL.
 */
export function inputGuardPlugin(): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation(context) {
          const problems = inputProblems(context.schema, context.document, context.request.variables ?? {});
          if (problems.length > 0) throw inputRejected(problems.slice(0, 20));
        },
        async willSendResponse(context) {
          const { body, http } = context.response;
          if (body.kind !== 'single' || !body.singleResult.errors) return;
          const clientOnly = body.singleResult.errors.every((error) => CLIENT_CODES.has(String(error.extensions?.['code'])));
          if (clientOnly && http.status !== undefined && http.status >= 400) http.status = 200;
        },
      };
    },
  };
}
