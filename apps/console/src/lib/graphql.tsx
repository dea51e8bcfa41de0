import { useCallback, useEffect, useRef, useState } from 'react';
import type { TypedDocumentString } from '../gql/graphql';
import { PUBLISHED_DOCUMENT_IDS } from '../gql/published-documents';
import { credentialHeaders, Session } from './session';

/** One error of the graph, as the gateway sends it: a message for people and a stable code to branch on. */
export interface GraphqlErrorEntry {
  message: string;
  extensions?: {
    code?: string;
    fields?: { field: string; messages: string[] }[];
    retryAfterSeconds?: number;
    [key: string]: unknown;
  };
}

export class GraphqlError extends Error {
  constructor(
    readonly errors: GraphqlErrorEntry[],
    readonly httpStatus?: number,
  ) {
    super(errors.map((error) => error.message).join('; '));
  }

  get code(): string | undefined {
    return this.errors[0]?.extensions?.code;
  }
}

/** The console could not reach the gateway at all (network down, gateway stopped). */
export class NetworkError extends Error {}

type Document<TData, TVariables> = TypedDocumentString<TData, TVariables>;

/** Where the console sends its operations: the same origin (the console's server proxies /graphql to the gateway). */
const ENDPOINT = '/graphql';

const operationName = (query: string) => /\b(?:query|mutation)\s+(\w+)/.exec(query)?.[1];

/**
 * Staff send the document; a partner key may run only the platform's published operations, so a partner
 * session sends the published document's id instead (trusted documents).
 */
function requestBody(session: Session | null, query: string, variables: unknown): string {
  const documentId = session?.kind === 'partner' ? PUBLISHED_DOCUMENT_IDS[operationName(query) ?? ''] : undefined;
  return JSON.stringify(documentId ? { documentId, variables } : { query, variables });
}

export async function request<TData, TVariables>(
  session: Session | null,
  document: Document<TData, TVariables>,
  variables?: TVariables,
  onPartial?: (error: GraphqlError) => void,
): Promise<TData> {
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
    throw new GraphqlError([{ message: `The gateway answered HTTP ${response.status} without a GraphQL body`, extensions: { code: `HTTP_${response.status}` } }], response.status);
  }
  if (!body.data) {
    throw new GraphqlError(body.errors?.length ? body.errors : [{ message: 'The gateway sent no data', extensions: { code: 'NO_DATA' } }], response.status);
  }
  // A partial answer (say, a customer card the caller may not open, null in the data): the screen shows what
  // came and says what did not, rather than nothing.
  if (body.errors?.length) onPartial?.(new GraphqlError(body.errors, response.status));
  return body.data;
}

export interface QueryState<TData> {
  data: TData | undefined;
  error: Error | undefined;
  /** What the graph could not answer of an otherwise good result. */
  partial: GraphqlError | undefined;
  loading: boolean;
  refetch: () => Promise<void>;
}

/**
 * Runs a query when its variables change, and again every `pollMs` when given (a board watching assignments
 * arrive). The last good data stays on screen while a poll is in flight or fails.
 */
export function useQuery<TData, TVariables>(
  session: Session | null,
  document: Document<TData, TVariables>,
  variables: TVariables,
  options: { pollMs?: number; skip?: boolean } = {},
): QueryState<TData> {
  const [data, setData] = useState<TData>();
  const [error, setError] = useState<Error>();
  const [partial, setPartial] = useState<GraphqlError>();
  const [loading, setLoading] = useState(!options.skip);
  const key = JSON.stringify(variables);
  const generation = useRef(0);

  const run = useCallback(async () => {
    const mine = ++generation.current;
    setLoading(true);
    try {
      let partialError: GraphqlError | undefined;
      const result = await request(session, document, JSON.parse(key) as TVariables, (failure) => (partialError = failure));
      if (mine !== generation.current) return;
      setData(result);
      setError(undefined);
      setPartial(partialError);
    } catch (failure) {
      if (mine !== generation.current) return;
      setError(failure as Error);
    } finally {
      if (mine === generation.current) setLoading(false);
    }
  }, [session, document, key]);

  useEffect(() => {
    if (options.skip) {
      setLoading(false);
      return;
    }
    setData(undefined);
    void run();
  }, [run, options.skip]);

  useEffect(() => {
    if (!options.pollMs || options.skip) return;
    const timer = setInterval(() => void run(), options.pollMs);
    return () => clearInterval(timer);
  }, [run, options.pollMs, options.skip]);

  return { data, error, partial, loading, refetch: run };
}

/** A mutation to call from an event handler; throws GraphqlError so the caller can show the message. */
export function useMutation<TData, TVariables>(session: Session | null, document: Document<TData, TVariables>) {
  const [loading, setLoading] = useState(false);
  const mutate = useCallback(
    async (variables: TVariables): Promise<TData> => {
      setLoading(true);
      try {
        return await request(session, document, variables);
      } finally {
        setLoading(false);
      }
    },
    [session, document],
  );
  return [mutate, { loading }] as const;
}
