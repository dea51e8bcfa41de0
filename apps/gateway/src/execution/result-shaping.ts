import {
  assert,
  ERRORS,
  isCompositeType,
  isCustomScalarType,
  isEnumType,
  isListType,
  isNonNullType,
  isObjectType,
  isSubtype,
  typenameFieldName,
  Variable,
} from '@apollo/federation-internals';
import type { CompositeType, NamedType, Operation, Schema, SelectionSet, Type } from '@apollo/federation-internals';

// @apollo/gateway's executor calls computeResponse through this module's exports at call time
// (`(0, resultShaping_1.computeResponse)(…)`): replacing the export is what the executor then calls.
const shaping = require('@apollo/gateway/dist/resultShaping') as { computeResponse: ComputeResponse };

type ComputeResponse = (args: {
  operation: Operation;
  variables?: Record<string, unknown>;
  input: Record<string, unknown> | null | undefined;
  introspectionHandling: (selection: unknown) => unknown;
}) => { data: unknown; errors: unknown[] };

/*
 * The gateway shapes every answer to the client's operation (computeResponse: aliases, @skip/@include, __typename,
 * fragments, null bubbling for non-null fields, leaf value checks). @apollo/gateway works each selection out
 * again for every object of the answer: its directives looked up twice, its type unwrapped, the schema's
 * built-in scalars found by name per leaf. Everything here but the values is a property of the operation, which
 * is built once per document (operation-cache): the selection sets are worked out once into steps, kept per
 * selection set, and each answer only walks the steps. The rules, the order and the errors are @apollo/gateway's
 * own (result-shaping.spec compares the two on the same answers).
 */

/** @skip(if:) / @include(if:): a constant, or the name of the variable that decides. */
type Condition = boolean | string | undefined;

interface FieldStep {
  kind: 'field';
  skip: Condition;
  include: Condition;
  responseName: string;
  introspection: boolean;
  typename: boolean;
  /** The selection itself, for the introspection handler. */
  selection: unknown;
  type: Type;
  children: SelectionSet | undefined;
}

interface FragmentStep {
  kind: 'fragment';
  skip: Condition;
  include: Condition;
  typeCondition: CompositeType | undefined;
  children: SelectionSet;
  /** Whether the type condition holds, per __typename met (without one, the parent type decides each time). */
  applies: Map<string, boolean>;
}

type Step = FieldStep | FragmentStep;

interface Parameters {
  schema: Schema;
  variables: Record<string, unknown>;
  errors: unknown[];
  introspectionHandling: (selection: unknown) => unknown;
  /** Set by updateOutputValue for its caller to read at once (no result object per value). */
  isInvalid: boolean;
  hasErrors: boolean;
}

/** The steps of one selection set, and whether any of them writes a name plain objects inherit (`__proto__`, `toString`: aliases may be any name). */
interface Shape {
  steps: Step[];
  nullPrototype: boolean;
}

const shapes = new WeakMap<SelectionSet, Shape>();
const leafChecks = new WeakMap<NamedType, (value: unknown) => boolean>();

interface DirectiveHolder {
  appliedDirectivesOf(definition: unknown): { arguments(): { if?: unknown } }[];
}

function conditionOf(element: DirectiveHolder, definition: unknown): Condition {
  const directive = element.appliedDirectivesOf(definition)[0];
  if (!directive) return undefined;
  const ifArg = directive.arguments().if;
  return ifArg instanceof Variable ? ifArg.name : (ifArg as boolean);
}

function shapeOf(selectionSet: SelectionSet, schema: Schema): Shape {
  let shape = shapes.get(selectionSet);
  if (shape) return shape;
  const skipDirective = schema.skipDirective();
  const includeDirective = schema.includeDirective();
  const steps = selectionSet.selections().map((selection): Step => {
    const element = selection.element as unknown as DirectiveHolder;
    const skip = conditionOf(element, skipDirective);
    const include = conditionOf(element, includeDirective);
    if (selection.kind === 'FieldSelection') {
      const field = selection.element;
      return {
        kind: 'field',
        skip,
        include,
        responseName: field.responseName(),
        introspection: field.definition.isSchemaIntrospectionField(),
        typename: field.name === typenameFieldName,
        selection,
        type: field.definition.type!,
        children: selection.selectionSet,
      };
    }
    return { kind: 'fragment', skip, include, typeCondition: selection.element.typeCondition, children: selection.selectionSet, applies: new Map() };
  });
  const nullPrototype = steps.some((step) => (step.kind === 'field' ? step.responseName in Object.prototype : shapeOf(step.children, schema).nullPrototype));
  shape = { steps, nullPrototype };
  shapes.set(selectionSet, shape);
  return shape;
}

/**
 * An object for the answer at a selection set. @apollo/gateway makes every one with a null prototype, so that an
 * alias named `__proto__` or `toString` is a field like any other; V8 keeps such objects as dictionaries, slower
 * to fill and to serialize. Only a selection set with such a name gets one here.
 */
function outputObject(shape: Shape): Record<string, unknown> {
  return shape.nullPrototype ? (Object.create(null) as Record<string, unknown>) : {};
}

function valueOf(condition: string | boolean, variables: Record<string, unknown>): boolean {
  if (typeof condition === 'boolean') return condition;
  const value = variables[condition];
  if (typeof value !== 'boolean') fail(`Unexpected value ${String(value)} for variable $${condition}`);
  return value;
}

function skipped(step: Step, variables: Record<string, unknown>): boolean {
  return (step.skip !== undefined && valueOf(step.skip, variables)) || (step.include !== undefined && !valueOf(step.include, variables));
}

/** isValidLeafValue of @apollo/federation-internals, its built-in scalars looked up once per type. */
function leafCheckOf(schema: Schema, type: NamedType): (value: unknown) => boolean {
  let check = leafChecks.get(type);
  if (check) return check;
  const integer = /^-?(?:0|[1-9][0-9]*)$/;
  if (isCustomScalarType(type)) check = () => true;
  else if (isEnumType(type)) check = (value) => typeof value === 'string' && type.value(value) !== undefined;
  else if (type === schema.booleanType()) check = (value) => typeof value === 'boolean';
  else if (type === schema.intType() || type === schema.idType()) {
    const acceptsString = type === schema.idType();
    check = (value) => (typeof value === 'number' && isFinite(value) ? integer.test(String(value)) : typeof value === 'string' && acceptsString);
  } else if (type === schema.floatType()) check = (value) => typeof value === 'number' && isFinite(value);
  else check = (value) => typeof value === 'string';
  leafChecks.set(type, check);
  return check;
}

/** @apollo/gateway's assertions, their messages built only when one fails (they run for every value). */
function fail(message: string): never {
  assert(false, message);
}

const own = (object: Record<string, unknown>, key: string): unknown => (Object.prototype.hasOwnProperty.call(object, key) ? object[key] : undefined);

function typeConditionApplies(step: FragmentStep, schema: Schema, typename: string | undefined, parentType: CompositeType): boolean {
  if (!step.typeCondition) return true;
  if (typename) {
    let applies = step.applies.get(typename);
    if (applies === undefined) {
      const type = schema.type(typename);
      applies = !!type && isSubtype(step.typeCondition, type);
      step.applies.set(typename, applies);
    }
    return applies;
  }
  // No __typename: the parent type decides, and it varies with where the selection set is used.
  return isSubtype(step.typeCondition, parentType);
}

const OK = 0;
const NULL_BUBBLE_UP = 1;

function applySelectionSet(
  input: Record<string, unknown>,
  selectionSet: SelectionSet,
  output: Record<string, unknown>,
  parameters: Parameters,
  path: (string | number)[],
  parentType: CompositeType,
): number {
  for (const step of shapeOf(selectionSet, parameters.schema).steps) {
    if ((step.skip !== undefined || step.include !== undefined) && skipped(step, parameters.variables)) continue;
    if (step.kind === 'field') {
      const { responseName } = step;
      const outputValue = output[responseName];
      if (step.introspection) {
        if (outputValue === undefined) output[responseName] = parameters.introspectionHandling(step.selection);
        continue;
      }
      let inputValue = own(input, responseName) ?? null;
      if (step.typename) {
        if (outputValue === undefined) {
          if (inputValue === null && responseName !== typenameFieldName) inputValue = input[typenameFieldName] ?? null;
          const type = inputValue !== null && typeof inputValue === 'string' ? (parameters.schema.type(inputValue) ?? parentType) : parentType;
          if (!isObjectType(type)) return NULL_BUBBLE_UP;
          output[responseName] = type.name;
        }
        continue;
      }
      path.push(responseName);
      output[responseName] = updateOutputValue(outputValue, step.type, inputValue, step.children, path, parameters, parentType);
      path.pop();
      if (parameters.isInvalid) return NULL_BUBBLE_UP;
    } else {
      const typename = input[typenameFieldName];
      if (typename && typeof typename !== 'string') fail(`Got unexpected value for __typename: ${String(typename)}`);
      if (typeConditionApplies(step, parameters.schema, typename as string | undefined, parentType)) {
        const result = applySelectionSet(input, step.children, output, parameters, path, step.typeCondition ?? parentType);
        if (result === NULL_BUBBLE_UP) return NULL_BUBBLE_UP;
      }
    }
  }
  return OK;
}

function pathLastElementDescription(path: (string | number)[], currentType: Type, parentType: CompositeType): string {
  const element = path[path.length - 1];
  if (element === undefined) fail('Should not have been called on an empty path');
  return typeof element === 'string' ? `field ${parentType}.${element}` : `array element of type ${currentType} at index ${element}`;
}

/** The shaped value; `parameters.isInvalid` and `parameters.hasErrors` say how it went, read by the caller at once. */
function updateOutputValue(
  outputValue: unknown,
  type: Type,
  inputValue: unknown,
  selectionSet: SelectionSet | undefined,
  path: (string | number)[],
  parameters: Parameters,
  parentType: CompositeType,
): unknown {
  if (inputValue === undefined) fail('Should not pass undefined for `inputValue` to this method');
  parameters.isInvalid = false;
  parameters.hasErrors = false;
  if (outputValue === null || (outputValue !== undefined && !selectionSet)) return outputValue;
  if (isNonNullType(type)) {
    const updated = updateOutputValue(outputValue, type.ofType, inputValue, selectionSet, path, parameters, parentType);
    if (updated === null) {
      if (!parameters.hasErrors) {
        parameters.errors.push(
          ERRORS.INVALID_GRAPHQL.err(`Cannot return null for non-nullable ${pathLastElementDescription(path, type.ofType, parentType)}.`, {
            path: Array.from(path),
          }),
        );
      }
      parameters.isInvalid = true;
      parameters.hasErrors = true;
      return updated;
    }
    parameters.isInvalid = false;
    parameters.hasErrors = false;
    return updated;
  }
  if (inputValue === null) return null;
  if (isListType(type)) {
    if (!Array.isArray(inputValue)) fail(`Invalid non-list value ${String(inputValue)} returned by subgraph for list type ${type}`);
    if (outputValue !== undefined && !Array.isArray(outputValue))
      fail(`Invalid non-list value ${String(outputValue)} returned by subgraph for list type ${type}`);
    const outputList = outputValue as unknown[] | undefined;
    if (outputList !== undefined && inputValue.length !== outputList.length) {
      fail(`[${String(inputValue)}].length (${inputValue.length}) !== [${String(outputList)}].length (${outputList.length})`);
    }
    let shouldNullify = false;
    let hasErrors = false;
    const updated = new Array<unknown>(inputValue.length);
    for (let index = 0; index < inputValue.length; index++) {
      path.push(index);
      updated[index] = updateOutputValue(outputList?.[index], type.ofType, inputValue[index], selectionSet, path, parameters, parentType);
      path.pop();
      shouldNullify ||= parameters.isInvalid;
      hasErrors ||= parameters.hasErrors;
    }
    parameters.isInvalid = false;
    parameters.hasErrors = hasErrors;
    return shouldNullify ? null : updated;
  }
  if (isCompositeType(type)) {
    if (!selectionSet) fail(`Invalid empty selection set for composite type ${type}`);
    if (typeof inputValue !== 'object') fail(`Invalid non-object value ${String(inputValue)} returned by subgraph for composite type ${type}`);
    if (outputValue !== undefined && typeof outputValue !== 'object')
      fail(`Invalid non-object value ${String(inputValue)} returned by subgraph for composite type ${type}`);
    const object = inputValue as Record<string, unknown>;
    const inputTypename = object[typenameFieldName];
    if (inputTypename !== undefined && typeof inputTypename !== 'string') fail(`Invalid non-string value ${String(inputTypename)} for __typename at ${path}`);
    let objectType: CompositeType = type;
    if (inputTypename) {
      const typenameType = parameters.schema.type(inputTypename);
      if (!typenameType || !isCompositeType(typenameType)) {
        parameters.errors.push(
          ERRORS.INVALID_GRAPHQL.err(`Invalid __typename found for object at ${pathLastElementDescription(path, type, parentType)}.`, {
            path: Array.from(path),
          }),
        );
        parameters.isInvalid = false;
        parameters.hasErrors = true;
        return null;
      }
      objectType = typenameType;
    }
    const output = (outputValue ?? outputObject(shapeOf(selectionSet, parameters.schema))) as Record<string, unknown>;
    const result = applySelectionSet(object, selectionSet, output, parameters, path, objectType);
    parameters.isInvalid = false;
    parameters.hasErrors = result === NULL_BUBBLE_UP;
    return parameters.hasErrors ? null : output;
  }
  if (outputValue !== undefined) fail(`Excepted output to be undefined but got ${type} for type ${type}`);
  const valid = leafCheckOf(parameters.schema, type as NamedType)(inputValue);
  if (!valid) {
    parameters.errors.push(
      ERRORS.INVALID_GRAPHQL.err(`Invalid value found for ${pathLastElementDescription(path, type, parentType)}.`, { path: Array.from(path) }),
    );
  }
  parameters.isInvalid = false;
  parameters.hasErrors = !valid;
  return valid ? inputValue : null;
}

/** computeResponse of @apollo/gateway over the steps of each selection set (see above). */
export const computeResponse: ComputeResponse = ({ operation, variables, input, introspectionHandling }) => {
  if (!input) return { data: input, errors: [] };
  const schema = operation.schema();
  const parameters: Parameters = {
    schema,
    variables: { __proto__: null, ...operation.collectDefaultedVariableValues(), ...variables } as Record<string, unknown>,
    errors: [],
    introspectionHandling,
    isInvalid: false,
    hasErrors: false,
  };
  const data = outputObject(shapeOf(operation.selectionSet, schema));
  const result = applySelectionSet(input, operation.selectionSet, data, parameters, [], schema.schemaDefinition.rootType(operation.rootKind)!);
  return { data: result === NULL_BUBBLE_UP ? null : data, errors: parameters.errors };
};

/** @apollo/gateway's own computeResponse, for the spec to compare against. */
export const gatewayComputeResponse: ComputeResponse = shaping.computeResponse;

let installed = false;

/** Installs the step-wise shaping in place of @apollo/gateway's, once per process. */
export function installResultShaping(): void {
  if (installed) return;
  shaping.computeResponse = computeResponse;
  installed = true;
}
