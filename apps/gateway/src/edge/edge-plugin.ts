import type { ApolloServerPlugin, GraphQLRequestContext } from '@apollo/server';
import { DocumentNode, GraphQLError, GraphQLFormattedError, OperationDefinitionNode, visit } from 'graphql';
import type { Identity } from '@aftercare/identity';
import { clientMistakeStatus } from './edge-middleware';
import { isInternal, MASKED_MESSAGE } from './error-masking';
import { nullsIntoNonNullPositions } from './null-variables';

export interface EdgeContext {
  identity: Identity;
  requestId: string;
}

const SUGGESTION = /\s*Did you mean [^?]*\?/g;

/**
 * Parsed documents are cached and shared by every request that sends the same text, so whether one asks for
 * the schema is worked out once per document, not by walking it on every request.
 */
const introspecting = new WeakMap<DocumentNode, boolean>();

function usesIntrospection(context: GraphQLRequestContext<EdgeContext>): boolean {
  const { document } = context;
  if (!document) return false;
  let found = introspecting.get(document);
  if (found === undefined) {
    found = false;
    visit(document, {
      Field(node) {
        if (node.name.value === '__schema' || node.name.value === '__type') found = true;
      },
    });
    introspecting.set(document, found);
  }
  return found;
}

/**
 * Per-request rules that need to know who is calling: introspection and "did you mean" suggestions for
 * staff in development only; a subscription (this graph has none) is a client mistake; internal errors
 * are logged with the request id, and the client gets only that id; client mistakes answer 4xx.
 */
export function edgePlugin(options: {
  staffIntrospection: boolean;
  log: (message: string, fields: Record<string, unknown>) => void;
}): ApolloServerPlugin<EdgeContext> {
  const mayExplore = (identity: Identity) => options.staffIntrospection && identity.kind === 'staff';
  return {
    async requestDidStart() {
      return {
        async didResolveOperation(context) {
          const operation: OperationDefinitionNode | undefined = context.operation ?? undefined;
          if (operation?.operation === 'subscription') {
            throw new GraphQLError('Subscriptions are not supported by this graph', {
              extensions: { code: 'BAD_REQUEST', http: { status: 400 } },
            });
          }
          if (usesIntrospection(context) && !mayExplore(context.contextValue.identity)) {
            throw new GraphQLError('Introspection is not available to this caller', {
              extensions: { code: 'FORBIDDEN', http: { status: 403 } },
            });
          }
          // `$first: Int = 20` may fill `first: Int!`; an explicit null then passes validation and fails inside the
          // subgraph as an internal error. It is the caller's mistake: say which variable, before anything is planned.
          const nulls = operation && context.document ? nullsIntoNonNullPositions(context.schema, context.document, operation, context.request.variables) : [];
          if (nulls.length > 0) {
            const fields = nulls.map((usage) => ({
              field: usage.variable,
              messages: [`$${usage.variable} is null where a ${usage.required} is required; send a value or leave it out`],
            }));
            throw new GraphQLError(fields.map((field) => field.messages[0]).join('; '), {
              extensions: { code: 'BAD_USER_INPUT', http: { status: 400 }, fields },
            });
          }
        },
        async didEncounterErrors(context) {
          for (const error of context.errors) {
            const code = error.extensions?.['code'];
            if (typeof code !== 'string' || code === 'INTERNAL_SERVER_ERROR' || code === 'DOWNSTREAM_SERVICE_ERROR') {
              options.log('internal error', {
                requestId: context.contextValue.requestId,
                operationName: context.operationName,
                error: error.originalError ?? error,
                message: error.message,
                extensions: error.extensions,
                path: error.path,
              });
            }
          }
        },
        async willSendResponse(context) {
          const { body, http } = context.response;
          if (body.kind !== 'single') return;
          // The gateway reports a field it had to null without any subgraph error (a subgraph answered null or a
          // wrong type where the schema promises a value) only under extensions.valueCompletion; unresolved
          // entities are explained before this (explainUnresolvedEntities), so what is left is a subgraph
          // breaking its own schema: an internal error, in `errors` where clients look, logged with the request id.
          const completion = body.singleResult.extensions?.['valueCompletion'] as GraphQLFormattedError[] | undefined;
          if (completion?.length) {
            const extensions = { ...body.singleResult.extensions };
            delete extensions['valueCompletion'];
            body.singleResult.extensions = Object.keys(extensions).length > 0 ? extensions : undefined;
            for (const error of completion) {
              options.log('internal error', {
                requestId: context.contextValue?.requestId,
                operationName: context.operationName,
                message: error.message,
                path: error.path,
              });
            }
            body.singleResult.errors = [
              ...(body.singleResult.errors ?? []),
              ...completion.map((error) => ({ message: MASKED_MESSAGE, path: error.path, extensions: { code: 'INTERNAL_SERVER_ERROR' } })),
            ];
          }
          if (!body.singleResult.errors) return;
          const explore = mayExplore(context.contextValue?.identity ?? { kind: 'anonymous' });
          const errors: GraphQLFormattedError[] = body.singleResult.errors.map((error) => {
            if (error.message === MASKED_MESSAGE || isInternal(error)) {
              return { ...error, message: MASKED_MESSAGE, extensions: { code: 'INTERNAL_SERVER_ERROR', requestId: context.contextValue?.requestId } };
            }
            return explore ? error : { ...error, message: error.message.replace(SUGGESTION, '') };
          });
          body.singleResult.errors = errors;
          const status = clientMistakeStatus(body.singleResult.data, errors);
          if (status !== undefined && (http.status === undefined || http.status >= 500)) http.status = status;
        },
      };
    },
  };
}
