export interface GraphqlResponse<TData = Record<string, unknown>> {
  status: number;
  data?: TData | null;
  errors?: { message: string; path?: (string | number)[]; extensions?: Record<string, unknown> & { code?: string } }[];
}

/** POSTs one operation; returns status and body without throwing on GraphQL errors, so tests can assert them. */
export async function postGraphql<TData = Record<string, unknown>>(
  url: string,
  query: string,
  variables: Record<string, unknown> = {},
  headers: Record<string, string> = {},
): Promise<GraphqlResponse<TData>> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as Omit<GraphqlResponse<TData>, 'status'>;
  return { status: response.status, ...body };
}

/** The codes of a response's errors, in order: what clients branch on. */
export function errorCodes(response: GraphqlResponse<unknown>): (string | undefined)[] {
  return (response.errors ?? []).map((error) => error.extensions?.code);
}

/** The input fields a response's BAD_USER_INPUT errors name (`customer.phone`, `stages.0.name`), in order. */
export function invalidFields(response: GraphqlResponse<unknown>): string[] {
  return (response.errors ?? []).flatMap((error) => (error.extensions?.['fields'] as { field: string }[] | undefined)?.map((problem) => problem.field) ?? []);
}
