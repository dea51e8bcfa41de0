import { QueryClient, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useContext } from 'react';
import type { TypedDocumentString } from '../gql/graphql';
import { PUBLISHED_DOCUMENT_IDS } from '../gql/published-documents';
import { credentialHeaders, Session, SessionContext } from './session';

/** One error of the graph, as the gateway sends it: a message for people and a stable code to branch on. */
export interface GraphqlErrorEntry {
  message: string;
  path?: (string | number)[];
  extensions?: {
    code?: string;
    fields?: { field: string; messages: string[] }[];
    retryAfterSeconds?: number;
    [key: string]: unknown;
  };
}

/** The graph refused (all or part of) an operation; `code` is the first error's `extensions.code`. */
export class GraphQLRequestError extends Error {
  constructor(
    readonly errors: GraphqlErrorEntry[],
    readonly httpStatus?: number,
  ) {
    super(errors.map((error) => error.message).join('; '));
    this.name = 'GraphQLRequestError';
  }

  get code(): string | undefined {
    return this.errors[0]?.extensions?.code;
  }
}

/** The console could not reach the gateway at all (network down, gateway stopped). */
export class NetworkError extends Error {
  override readonly name = 'NetworkError';
}

// Generated documents are `TypedDocumentString`s (documentMode: string); the contract names the shape a
// TypedDocumentNode, and both carry the result and variable types the same way.
export type TypedDocumentNode<TData, TVariables> = TypedDocumentString<TData, TVariables>;

/** Where the console sends its operations: the same origin (the console's server proxies /graphql to the gateway). */
const ENDPOINT = '/graphql';

export const operationName = (query: string): string => /\b(?:query|mutation|subscription)\s+(\w+)/.exec(query)?.[1] ?? 'anonymous';

/**
 * Staff send the document; a partner key may run only the platform's published operations, so a partner
 * session sends the published document's id instead (trusted documents).
 */
function requestBody(session: Session | null, query: string, variables: unknown): string {
  const documentId = session?.kind === 'partner' ? PUBLISHED_DOCUMENT_IDS[operationName(query)] : undefined;
  return JSON.stringify(documentId ? { documentId, variables } : { query, variables });
}

export interface GraphQLResult<TData> {
  data: TData;
  /** Errors that came beside data: a field the caller may not read, null in `data`. */
  partialErrors: GraphqlErrorEntry[];
}

export async function requestWithErrors<TData, TVariables>(
  session: Session | null,
  document: TypedDocumentNode<TData, TVariables>,
  variables?: TVariables,
): Promise<GraphQLResult<TData>> {
  let response: Response;
  try {
    response = await fetch(ENDPOINT, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json, application/json', ...credentialHeaders(session) },
      body: requestBody(session, document.toString(), variables ?? {}),
    });
  } catch (error) {
    throw new NetworkError(error instanceof Error ? error.message : String(error));
  }
  let body: { data?: TData | null; errors?: GraphqlErrorEntry[] };
  try {
    body = await response.json();
  } catch {
    throw new GraphQLRequestError([{ message: `HTTP ${response.status}`, extensions: { code: `HTTP_${response.status}` } }], response.status);
  }
  if (!body.data) {
    throw new GraphQLRequestError(body.errors?.length ? body.errors : [{ message: 'no data', extensions: { code: 'NO_DATA' } }], response.status);
  }
  return { data: body.data, partialErrors: body.errors ?? [] };
}

/** One request outside React (sign-in checks a partner key this way). */
export async function request<TData, TVariables>(
  session: Session | null,
  document: TypedDocumentNode<TData, TVariables>,
  variables?: TVariables,
): Promise<TData> {
  return (await requestWithErrors(session, document, variables)).data;
}

/**
 * The console's cache. A failed poll keeps the last good data (TanStack keeps `data` beside `error`); a
 * refused operation is not retried (the answer would be the same), a network failure is, twice.
 */
export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        retry: (count, error) => error instanceof NetworkError && count < 2,
        refetchOnWindowFocus: false,
        staleTime: 5_000,
      },
      mutations: { retry: false },
    },
  });
}

function useCurrentSession(): Session | null {
  return useContext(SessionContext)?.session ?? null;
}

/** Who is asking belongs to the cache entry, so two people in one tab never see each other's answers. */
const sessionKey = (session: Session | null) => (session ? (session.kind === 'staff' ? `staff:${session.sub}` : 'partner') : 'anonymous');

/**
 * A query of the graph, cached under `[operationName, variables]` so a mutation can invalidate it by name.
 * `partialErrors` lists the errors that came beside data, so a page hides one panel with a sentence rather
 * than losing the whole answer.
 */
export function useGraphQLQuery<TData, TVariables>(
  document: TypedDocumentNode<TData, TVariables>,
  variables?: TVariables,
  options: { enabled?: boolean; refetchInterval?: number } = {},
) {
  const session = useCurrentSession();
  const name = operationName(document.toString());
  const query = useQuery({
    queryKey: [name, variables ?? {}, sessionKey(session)],
    queryFn: () => requestWithErrors(session, document, variables),
    enabled: options.enabled ?? true,
    refetchInterval: options.refetchInterval,
    placeholderData: (previous) => previous,
  });
  return {
    ...query,
    data: query.data?.data,
    partialErrors: query.data?.partialErrors ?? [],
    /** The newest data is still from other variables (kept on screen while the new answer loads). */
    isPreviousData: query.isPlaceholderData,
  };
}

export type GraphQLQueryState<TData> = ReturnType<typeof useGraphQLQuery<TData, never>>;

/**
 * A mutation; `mutateAsync(variables)` throws a GraphQLRequestError (`.code` = extensions.code). On success
 * every cached query whose operation name is in `invalidates` is fetched again.
 */
export function useGraphQLMutation<TData, TVariables>(document: TypedDocumentNode<TData, TVariables>, options: { invalidates?: string[] } = {}) {
  const session = useCurrentSession();
  const client = useQueryClient();
  return useMutation<TData, Error, TVariables>({
    mutationKey: [operationName(document.toString())],
    mutationFn: (variables: TVariables) => request(session, document, variables),
    onSuccess: async () => {
      await Promise.all((options.invalidates ?? []).map((name) => client.invalidateQueries({ queryKey: [name] })));
    },
  });
}

/** Does this partial error concern the field at `path` (e.g. ['customer', 'complaints'])? */
export function refusedAt(partialErrors: GraphqlErrorEntry[], ...path: string[]): GraphqlErrorEntry | undefined {
  return partialErrors.find((error) => {
    // List positions do not matter here: a refused field in any row hides the panel of that field.
    const named = (error.path ?? []).filter((segment): segment is string => typeof segment === 'string');
    return path.every((segment, index) => named[index] === segment);
  });
}
