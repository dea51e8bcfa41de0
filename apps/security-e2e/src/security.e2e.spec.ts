import { gzipSync } from 'node:zlib';
import { generateGatewayKeyPair, IDENTITY_HEADER, mintStaffToken, Role, signGatewayIdentity, StaffRole, StaffRoles } from '@aftercare/identity';
import { admits } from '@aftercare/subgraph';
import {
  eventually,
  freePort,
  Platform,
  RunningProcess,
  startPlatform,
  startProcess,
  TEST_AUTH_JWT_SECRET,
  TEST_GATEWAY_SIGNING_KEY,
} from '@aftercare/testing';
import jwt from 'jsonwebtoken';
import { accessTableOf, PENDING_SERVICES } from './access-tables.spec-support';
import { partnerDocuments } from './trusted-documents.spec-support';
import { rootOperations, SAMPLE_ID } from './supergraph-operations.spec-support';
import { entityFields, fieldRuleOf } from './entity-fields.spec-support';

interface Answer {
  status: number;
  text: string;
  json?: { data?: unknown; errors?: { message: string; extensions?: { code?: string; requiredRoles?: string[] } }[]; extensions?: Record<string, unknown> };
  headers: Headers;
}

/** Anything that names the server's insides: a stack frame, a file, an internal URL. */
const INTERNALS = /\bat [\w.<>]+ \(|node_modules|\/work\/|\.ts:\d+|https?:\/\/(127\.0\.0\.1|localhost)|<html|<!DOCTYPE|QueryFailedError|ECONNREFUSED/i;

async function send(url: string, init: RequestInit): Promise<Answer> {
  const response = await fetch(url, init);
  const text = await response.text();
  let json: Answer['json'];
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  return { status: response.status, text, json, headers: response.headers };
}

const codesOf = (answer: Answer) => (answer.json?.errors ?? []).map((error) => error.extensions?.code);

async function inBatches<T, R>(items: T[], size: number, run: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = [];
  for (let index = 0; index < items.length; index += size) results.push(...(await Promise.all(items.slice(index, index + size).map(run))));
  return results;
}

describe('security at the edge and in the subgraphs (every app as a process)', () => {
  let platform: Platform;
  /**
   * A second gateway on the same subgraphs that enforces trusted documents, as production does. The walk and
   * most of the suite go through the first (PARTNER_TRUSTED_DOCUMENTS=off) so partner documents reach the
   * subgraphs' own checks, which must hold even if the gateway's list were wrong.
   */
  let trustedGateway: RunningProcess;
  let trustedGatewayUrl: string;
  let partnerKey: string;
  let otherPartnerKey: string;
  /** A staff `sub` as an identity provider may issue it (the README's own example): not a UUID. */
  const NON_UUID_SUB = 'li.na';
  const staffToken = (roles: StaffRole[], sub = `00000000-0000-4000-8000-${String(roles.length).padStart(12, '0')}`) =>
    mintStaffToken({ sub, name: 'Security', roles }, TEST_AUTH_JWT_SECRET);
  const post = (body: unknown, headers: Record<string, string> = {}) =>
    send(platform.gatewayUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    });
  const asAdmin = (query: string, variables: Record<string, unknown> = {}) => post({ query, variables }, { authorization: `Bearer ${staffToken(['ADMIN'])}` });

  beforeAll(async () => {
    platform = await startPlatform('security', {
      // The walk and the suite send over a thousand requests; the 429 test uses the anonymous bucket.
      RATE_LIMIT_STAFF_PER_SECOND: '5000',
      RATE_LIMIT_STAFF_BURST: '10000',
      RATE_LIMIT_PARTNER_PER_SECOND: '5000',
      RATE_LIMIT_PARTNER_BURST: '10000',
      RATE_LIMIT_ANONYMOUS_PER_SECOND: '2',
      RATE_LIMIT_ANONYMOUS_BURST: '400',
      PARTNER_TRUSTED_DOCUMENTS: 'off',
      // Each service logs where it listens; the suite then calls the subgraphs directly, as an attacker would.
      LOG_LEVEL: 'info',
    });
    const register = async (code: string) => {
      const answer = await asAdmin(`mutation ($input: RegisterPartnerInput!) { registerPartner(input: $input) { apiKey } }`, { input: { code, name: code } });
      return (answer.json!.data as { registerPartner: { apiKey: string } }).registerPartner.apiKey;
    };
    partnerKey = await register('SECA');
    otherPartnerKey = await register('SECB');
    const port = await freePort();
    trustedGatewayUrl = `http://127.0.0.1:${port}/graphql`;
    trustedGateway = await startProcess({
      name: 'gateway-trusted-documents',
      entry: 'apps/gateway/src/main.ts',
      env: { ...platform.env, GATEWAY_PORT: String(port), PARTNER_TRUSTED_DOCUMENTS: 'on' },
      readyUrl: `http://127.0.0.1:${port}/health/ready`,
    });
  });

  afterAll(async () => {
    await trustedGateway?.stop();
    await platform?.stop();
  });

  it('starts every service and both gateways without a process warning (Node prints "(node:<pid>) …Warning")', () => {
    // kafkajs 2.2.4 printed TimeoutNegativeWarning on Node 24 at every start (fixed by tools/patches); any
    // warning — deprecations, listener leaks, negative timers — is a defect to fix, not noise to live with.
    const processes = [...Object.values(platform.services), platform.gateway, trustedGateway];
    const warnings = processes.flatMap((process) =>
      process
        .output()
        .split('\n')
        .filter((line) => /\(node:\d+\) (\[\w+\] )?\w*Warning\b/.test(line))
        .map((line) => `${process.name}: ${line}`),
    );
    expect(processes.length).toBe(7);
    expect(warnings).toEqual([]);
  });

  it('matches every Query and Mutation of the supergraph, for every role, with its service access table', async () => {
    const operations = rootOperations();
    const callers: { name: string; roles: Role[]; headers: Record<string, string> }[] = [
      { name: 'anonymous', roles: [], headers: {} },
      { name: 'PARTNER', roles: ['PARTNER'], headers: { 'x-api-key': partnerKey } },
      ...StaffRoles.map((role) => ({ name: role, roles: [role] as Role[], headers: { authorization: `Bearer ${staffToken([role])}` } })),
      // A `sub` is whatever the identity provider issues: nothing may assume it is a UUID (issue 18).
      ...StaffRoles.map((role) => ({
        name: `${role} (sub ${NON_UUID_SUB})`,
        roles: [role] as Role[],
        headers: { authorization: `Bearer ${staffToken([role], NON_UUID_SUB)}` },
      })),
    ];
    const noRule: string[] = [];
    const mismatches: string[] = [];
    const serverErrors: string[] = [];
    let checked = 0;
    const jobs = operations.flatMap((operation) => callers.map((caller) => ({ operation, caller })));
    await inBatches(jobs, 12, async ({ operation, caller }) => {
      const pending = PENDING_SERVICES.has(operation.service);
      const rule = accessTableOf(operation.service)?.[operation.kind][operation.field];
      if (!rule && !pending) {
        if (caller.name === 'anonymous') noRule.push(`${operation.service}: ${operation.kind}.${operation.field}`);
        return;
      }
      if (!rule && caller.name !== 'anonymous') return; // pending service without its table yet
      const answer = await post({ query: operation.document, variables: operation.variables }, caller.headers);
      checked += 1;
      if (answer.status >= 500 || INTERNALS.test(answer.text))
        serverErrors.push(`${operation.field} as ${caller.name}: ${answer.status} ${answer.text.slice(0, 200)}`);
      const codes = codesOf(answer);
      // A role check refuses with UNAUTHENTICATED, or FORBIDDEN naming the roles it needs; a FORBIDDEN without
      // them is a row rule past the role check (a partner naming another brand), so the table admitted the caller.
      const refused =
        codes.includes('UNAUTHENTICATED') ||
        (answer.json?.errors ?? []).some((error) => error.extensions?.code === 'FORBIDDEN' && 'requiredRoles' in (error.extensions ?? {}));
      const expectAdmitted = rule ? admits(rule, caller.roles) : false;
      if (expectAdmitted === refused) {
        mismatches.push(
          `${operation.kind}.${operation.field} as ${caller.name}: table says ${expectAdmitted ? 'admit' : 'refuse'}, got ${codes.join(',') || 'data'}`,
        );
      }
    });
    console.log(`access walk: ${operations.length} root operations × ${callers.length} callers, ${checked} requests checked`);
    expect(noRule).toEqual([]);
    expect(mismatches).toEqual([]);
    expect(serverErrors).toEqual([]);
  });

  it('matches every field of every entity each role reaches with the access table of the service that resolves it', async () => {
    // Real records to reach: a partner's order (its customer and install work order), a card a salesperson owns,
    // an engineer and a complaint. Every staff caller signs in with a non-UUID sub.
    const admin = { authorization: `Bearer ${staffToken(['ADMIN'])}` };
    const data = async <T>(answer: Promise<Answer>): Promise<T> => {
      const { json } = await answer;
      if (!json?.data || json.errors?.length) throw new Error(`setup failed: ${JSON.stringify(json)}`);
      return json.data as T;
    };
    const stamp = String(Date.now()).slice(-8);
    const { submitInstallOrder } = await data<{ submitInstallOrder: { id: string } }>(
      post(
        {
          query: `mutation ($input: SubmitInstallOrderInput!) { submitInstallOrder(input: $input) { id } }`,
          variables: {
            input: {
              externalRef: `WALK-${stamp}`,
              productModel: 'AquaPure X5',
              customer: { name: 'Walk Customer', phone: `137${stamp}`, city: 'Suzhou', address: '3 Walk Road' },
            },
          },
        },
        { 'x-api-key': partnerKey },
      ),
    );
    const orderId = submitInstallOrder.id;
    const ids: Record<string, string[]> = { order: [orderId] };
    await eventually(async () => {
      const { order } = await data<{ order: { customer: { id: string }; workOrders: { id: string }[] } }>(
        post({ query: `query ($id: ID!) { order(id: $id) { customer { id } workOrders { id } } }`, variables: { id: orderId } }, admin),
      );
      expect(order.workOrders.length).toBeGreaterThan(0);
      ids['customer'] = [order.customer.id];
      ids['workOrder'] = [order.workOrders[0]!.id];
    }, 60_000);
    const salesHeaders = { authorization: `Bearer ${staffToken(['SALES'], NON_UUID_SUB)}` };
    // Sales knows its staff as salespeople by their sign-in: the SALES caller owns the cards it opens.
    await data(
      post(
        {
          query: `mutation ($input: RegisterSalespersonInput!) { registerSalesperson(input: $input) { id } }`,
          variables: { input: { name: 'Li Na', team: 'East', staffUserId: NON_UUID_SUB } },
        },
        admin,
      ),
    );
    const { createCustomer } = await data<{ createCustomer: { id: string } }>(
      post(
        {
          query: `mutation ($input: CreateCustomerInput!) { createCustomer(input: $input) { id } }`,
          variables: {
            input: {
              name: 'Walk Card',
              phone: `136${stamp}`,
              city: 'Shanghai',
              address: '4 Walk Road',
              businessType: 'RESTAURANT',
              scale: 2,
              influence: 2,
              grade: 'B',
            },
          },
        },
        salesHeaders,
      ),
    );
    ids['customer']!.push(createCustomer.id);
    const { registerEngineer } = await data<{ registerEngineer: { id: string } }>(
      post(
        {
          query: `mutation ($input: RegisterEngineerInput!) { registerEngineer(input: $input) { id } }`,
          variables: { input: { name: 'Walk Engineer', phone: `135${stamp}`, employment: 'EMPLOYEE', homeCity: 'Suzhou', dailyCapacity: 4, skills: [] } },
        },
        admin,
      ),
    );
    ids['engineer'] = [registerEngineer.id];
    // Complaints knows the card once sales' CustomerCreated has arrived.
    await eventually(async () => {
      const { fileComplaint } = await data<{ fileComplaint: { id: string } }>(
        post(
          {
            query: `mutation ($input: FileComplaintInput!) { fileComplaint(input: $input) { id } }`,
            variables: {
              input: {
                category: 'PRODUCT_QUALITY',
                customerId: createCustomer.id,
                summary: 'Walk complaint',
                proposedSolution: 'Call back',
                involvesLiability: false,
              },
            },
          },
          { authorization: `Bearer ${staffToken(['COMPLAINTS_AGENT'], NON_UUID_SUB)}` },
        ),
      );
      ids['complaint'] = [fileComplaint.id];
    }, 60_000);

    /** Where each entity is reached from: a root query by id, then links (every path must hold the same rule). */
    const entries: { type: string; root: string; path: string[] }[] = [
      { type: 'Customer', root: 'customer', path: [] },
      { type: 'Customer', root: 'order', path: ['customer'] },
      { type: 'Customer', root: 'workOrder', path: ['customer'] },
      { type: 'Customer', root: 'complaint', path: ['customer'] },
      { type: 'Order', root: 'order', path: [] },
      { type: 'Order', root: 'customer', path: ['orders'] },
      { type: 'Partner', root: 'order', path: ['partner'] },
      { type: 'WorkOrder', root: 'workOrder', path: [] },
      { type: 'WorkOrder', root: 'order', path: ['workOrders'] },
      { type: 'WorkOrder', root: 'customer', path: ['workOrders'] },
      { type: 'Engineer', root: 'engineer', path: [] },
      { type: 'Complaint', root: 'complaint', path: [] },
      { type: 'Complaint', root: 'customer', path: ['complaints'] },
    ];
    const callers: { name: string; roles: Role[]; headers: Record<string, string> }[] = [
      { name: 'PARTNER', roles: ['PARTNER'], headers: { 'x-api-key': partnerKey } },
      ...StaffRoles.map((role) => ({ name: role, roles: [role] as Role[], headers: { authorization: `Bearer ${staffToken([role], NON_UUID_SUB)}` } })),
    ];
    const fields = entityFields();
    const mismatches: string[] = [];
    const serverErrors: string[] = [];
    const reachedTypes = new Set<string>();
    let checked = 0;
    const pathOf = (entry: (typeof entries)[number]) => ['entry', ...entry.path];
    const nest = (path: string[], inner: string) => path.reduceRight((selection, field) => `${field} { ${selection} }`, inner);
    const startsWith = (path: readonly unknown[] | undefined, prefix: string[]) => !!path && prefix.every((part, index) => path[index] === part);
    const ask = (
      entry: (typeof entries)[number],
      id: string,
      selection: string,
      declared: string,
      variables: Record<string, unknown>,
      headers: Record<string, string>,
    ) =>
      post(
        { query: `query ($id: ID!${declared}) { entry: ${entry.root}(id: $id) { ${nest(entry.path, selection)} } }`, variables: { id, ...variables } },
        headers,
      );
    const noteServerError = (what: string, answer: Answer) => {
      if (answer.status >= 500 || INTERNALS.test(answer.text) || codesOf(answer).includes('INTERNAL_SERVER_ERROR'))
        serverErrors.push(`${what}: ${answer.status} ${answer.text.slice(0, 200)}`);
    };
    const jobs = callers.flatMap((caller) => entries.flatMap((entry) => (ids[entry.root] ?? []).map((id) => ({ caller, entry, id }))));
    await inBatches(jobs, 6, async ({ caller, entry, id }) => {
      // Does this caller reach the entity by this path at all (a record, not a refusal or an empty list)?
      const probe = await ask(entry, id, '__typename', '', {}, caller.headers);
      noteServerError(`${entry.root}.${entry.path.join('.')} as ${caller.name}`, probe);
      let reached: unknown = probe.json?.data;
      for (const step of pathOf(entry)) reached = Array.isArray(reached) ? reached[0] : (reached as Record<string, unknown> | null | undefined)?.[step];
      if (Array.isArray(reached)) reached = reached[0];
      if (!reached || probe.json?.errors?.length) return;
      reachedTypes.add(`${entry.type} as ${caller.name}`);
      for (const field of fields.filter((candidate) => candidate.type === entry.type)) {
        const declared = field.args.map((arg) => `, $f_${arg.name}: ${arg.type}`).join('');
        const passed = field.args.length > 0 ? `(${field.args.map((arg) => `${arg.name}: $f_${arg.name}`).join(', ')})` : '';
        const variables = Object.fromEntries(field.args.map((arg) => [`f_${arg.name}`, arg.value]));
        const answer = await ask(entry, id, `${field.field}${passed}${field.selection}`, declared, variables, caller.headers);
        checked += 1;
        noteServerError(`${field.type}.${field.field} via ${entry.root}.${entry.path.join('.')} as ${caller.name}`, answer);
        const fieldPath = [...pathOf(entry), field.field];
        const refused = (answer.json?.errors ?? []).some(
          (error) =>
            startsWith(
              (error as { path?: unknown[] }).path?.filter((part) => typeof part === 'string'),
              fieldPath,
            ) &&
            (error.extensions?.code === 'UNAUTHENTICATED' || (error.extensions?.code === 'FORBIDDEN' && 'requiredRoles' in (error.extensions ?? {}))),
        );
        const rule = fieldRuleOf(field);
        // No rule: whoever reaches the entity reads the field (mustHaveRule makes every sensitive link state one).
        const expectAdmitted = rule ? admits(rule, caller.roles) : true;
        if (expectAdmitted === refused) {
          mismatches.push(
            `${field.type}.${field.field} (${field.service}) via ${entry.root}${entry.path.map((step) => `.${step}`).join('')} as ${caller.name}: table says ${expectAdmitted ? 'admit' : 'refuse'}, got ${codesOf(answer).join(',') || 'data'}`,
          );
        }
      }
    });
    console.log(`field walk: ${fields.length} entity fields, ${reachedTypes.size} (entity, caller) pairs reached, ${checked} field requests checked`);
    // Each staff role that serves customers opens the card; a partner reaches its own order's customer.
    for (const reach of [
      'Customer as ENGINEER',
      'Customer as SALES',
      'Customer as PARTNER',
      'Order as PARTNER',
      'WorkOrder as DISPATCHER',
      'Engineer as DISPATCHER',
      'Complaint as COMPLAINTS_AGENT',
    ]) {
      expect([...reachedTypes]).toContain(reach);
    }
    expect({ serverErrors, mismatches }).toEqual({ serverErrors: [], mismatches: [] });

    // A salesperson who does not own the card opens a complaint about it: the card is nulled, with a reason in
    // `errors` (it was `{"data": null}` with the reason only under extensions.valueCompletion).
    const otherRep = { authorization: `Bearer ${staffToken(['SALES'], 'wang.wei')}` };
    const notOwned = await post(
      { query: `query ($id: ID!) { complaint(id: $id) { id customer { name phone } } }`, variables: { id: ids['complaint']![0] } },
      otherRep,
    );
    expect(notOwned.json?.extensions).toBeUndefined();
    expect(notOwned.json?.errors?.length).toBeGreaterThan(0);
    expect(notOwned.json?.errors?.map((error) => typeof error.extensions?.code)).toEqual(notOwned.json?.errors?.map(() => 'string'));
    expect(notOwned.text).not.toContain('Walk Card');
  });

  it('answers several hundred hostile requests with clean 4xx: no 5xx, no stack traces or internal URLs, no leaks', async () => {
    interface Case {
      name: string;
      run: () => Promise<Answer>;
      /** Strings this answer must never contain (another tenant's data). */
      secrets?: string[];
      /** An exact status the answer must have. */
      status?: number;
    }
    const cases: Case[] = [];
    const staffHeaders = { authorization: `Bearer ${staffToken(['ADMIN'])}` };

    // Another partner's order and another salesperson's card: the data that must never cross.
    const secretName = `Secret Holder ${Date.now()}`;
    const phone = `139${String(Date.now()).slice(-8)}`;
    const submitted = await post(
      {
        query: `mutation ($input: SubmitInstallOrderInput!) { submitInstallOrder(input: $input) { id } }`,
        variables: {
          input: { externalRef: `SEC-${Date.now()}`, productModel: 'X5', customer: { name: secretName, phone, city: 'Suzhou', address: '1 Secret Road' } },
        },
      },
      { 'x-api-key': partnerKey },
    );
    const secretOrderId = (submitted.json!.data as { submitInstallOrder: { id: string } }).submitInstallOrder.id;
    const repA = '00000000-0000-4000-8000-0000000000a1';
    const repB = '00000000-0000-4000-8000-0000000000b2';
    const cardName = `Rep A Card ${Date.now()}`;
    const card = await post(
      {
        query: `mutation ($input: CreateCustomerInput!) { createCustomer(input: $input) { id } }`,
        variables: {
          input: {
            name: cardName,
            phone: `138${String(Date.now()).slice(-8)}`,
            city: 'Shanghai',
            address: '1 Rep Road',
            businessType: 'RESTAURANT',
            scale: 3,
            influence: 5,
            grade: 'A',
            ownerId: repA,
          },
        },
      },
      staffHeaders,
    );
    const cardId = (card.json?.data as { createCustomer?: { id: string } } | undefined)?.createCustomer?.id ?? SAMPLE_ID;
    const repBHeaders = { authorization: `Bearer ${staffToken(['SALES'], repB)}` };

    // 1. Malformed bodies, content types, encodings, methods.
    const rawBodies = [
      '{',
      '}',
      '{"query":',
      'null',
      '[]',
      '"query"',
      '42',
      'true',
      '{"query": 5}',
      '{"query": null}',
      '{"query": ["a"]}',
      '{"query": "{ __typename }", "variables": "x"}',
      '{"query": "{ __typename }", "variables": [1]}',
      '{"query":"{ __typename }","operationName":5}',
      '\u0000\u0001\u0002',
      '<?xml version="1.0"?><q/>',
      '{"query":"{ __typename }"}'.repeat(3),
      '[{"query":"{ __typename }"},{"query":"{ __typename }"}]',
      '{"extensions":{"persistedQuery":{"version":1,"sha256Hash":"abc"}}}',
      '{}',
    ];
    for (const body of rawBodies) cases.push({ name: `body ${JSON.stringify(body).slice(0, 30)}`, run: () => post(body) });
    for (const type of [
      'text/plain',
      'application/x-www-form-urlencoded',
      'multipart/form-data; boundary=x',
      'application/xml',
      'application/graphql',
      'text/html',
      'image/png',
      '',
    ]) {
      cases.push({
        name: `content-type ${type || '(none)'}`,
        run: () => send(platform.gatewayUrl, { method: 'POST', headers: type ? { 'content-type': type } : {}, body: '{"query":"{ __typename }"}' }),
        status: 415,
      });
    }
    for (const charset of ['latin1', 'utf-16', 'ebcdic', 'koi8-r']) {
      cases.push({
        name: `charset ${charset}`,
        run: () =>
          send(platform.gatewayUrl, {
            method: 'POST',
            headers: { 'content-type': `application/json; charset=${charset}` },
            body: '{"query":"{ __typename }"}',
          }),
      });
    }
    for (const encoding of ['gzip', 'deflate', 'br', 'compress', 'zstd', 'x-unknown']) {
      cases.push({
        name: `garbage ${encoding} body`,
        run: () =>
          send(platform.gatewayUrl, {
            method: 'POST',
            headers: { 'content-type': 'application/json', 'content-encoding': encoding },
            body: 'not compressed at all',
          }),
      });
    }
    cases.push({
      name: 'gzip bomb beyond the body limit',
      run: () =>
        send(platform.gatewayUrl, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'content-encoding': 'gzip' },
          body: gzipSync(Buffer.from(`{"query":"{ __typename }","x":"${'a'.repeat(5_000_000)}"}`)),
        }),
      status: 413,
    });
    for (const size of [300_000, 1_000_000, 3_000_000]) {
      cases.push({ name: `${size}-byte body`, run: () => post({ query: '{ __typename }', padding: 'x'.repeat(size) }), status: 413 });
    }
    for (const method of ['PUT', 'DELETE', 'PATCH'])
      cases.push({ name: `method ${method}`, run: () => send(platform.gatewayUrl, { method, headers: { 'content-type': 'application/json' }, body: '{}' }) });
    cases.push({ name: 'GET without a query', run: () => send(platform.gatewayUrl, { method: 'GET' }) });
    cases.push({
      name: 'GET a mutation',
      run: () =>
        send(`${platform.gatewayUrl}?query=${encodeURIComponent('mutation { __typename }')}`, {
          method: 'GET',
          headers: { 'apollo-require-preflight': 'true' },
        }),
    });
    cases.push({ name: 'unknown path', run: () => send(`${platform.gatewayBase}/graphql/../../etc/passwd`, { method: 'GET' }) });
    cases.push({
      name: 'unknown route',
      run: () => send(`${platform.gatewayBase}/admin`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{' }),
    });

    // 2. Query shape: parse errors, operation resolution, limits, introspection and suggestions.
    const deep = `{ order(id: "${SAMPLE_ID}") { ${'customer { orders { '.repeat(10)} id ${'} } '.repeat(10)} } }`;
    const shapes: [string, Record<string, unknown>, Record<string, string>?][] = [
      ['', {}],
      ['{', {}],
      ['query {', {}],
      ['{ __typename', {}],
      ['\u0000', {}],
      ['query A { __typename } query A { __typename }', {}],
      ['{ __typename } { __typename }', {}],
      ['query A { __typename } query B { __typename }', { operationName: 'C' }],
      ['query A { __typename }', { operationName: 'Nope' }],
      ['subscription { __typename }', {}],
      ['subscription S { orderChanged { id } }', {}],
      ['fragment F on Query { ...F } { ...F }', {}],
      [`{ order(id: "${SAMPLE_ID}") { id } }`.replace('id } }', 'id(x: 1e400) } }'), {}],
      ['query ($x: Float) { __typename }', { variables: { x: 'NaN' } }],
      [`{ referencePrices(region: "a") { __typename } a: __typename }`, {}],
      [deep, {}],
      [`{ ${Array.from({ length: 1000 }, (_, i) => `a${i}: __typename`).join(' ')} }`, {}],
      [`{ __typename ${'@skip(if: false) '.repeat(100)} }`, {}],
      [`{ ${'__typename '.repeat(5000)} }`, {}],
      [`{ customers(first: 100) { edges { node { orders { customer { orders { customer { orders { id } } } } } } } } }`, {}],
      ['{ __schema { types { name } } }', {}],
      ['{ __type(name: "Customer") { fields { name } } }', {}],
      ['{ ordr(id: "x") { id } }', {}],
      ['{ order(id: 5) { id } }', {}],
      [`{ order(id: "${SAMPLE_ID}") { idd } }`, {}],
      ['{ _entities(representations: [{ __typename: "Order", id: "x" }]) { __typename } }', {}],
      ['{ _service { sdl } }', {}],
      ['{ partnerCredential(apiKey: "x") { partnerId } }', {}],
    ];
    for (const [query, extra, headers] of shapes) {
      for (const [who, callerHeaders] of [
        ['anonymous', {}],
        ['partner', { 'x-api-key': partnerKey }],
        ['staff', staffHeaders],
      ] as const) {
        cases.push({ name: `shape ${query.slice(0, 40)} as ${who}`, run: () => post({ query, ...extra }, { ...callerHeaders, ...(headers ?? {}) }) });
      }
    }

    // 3. Hostile values in text inputs, numbers and dates.
    const hostile = [
      'a\u0000b',
      'x\uD800',
      '\uDC00y',
      'x'.repeat(5000),
      "' OR 1=1 --",
      "'); DROP TABLE customer; --",
      '<script>alert(1)</script>',
      '\u202Eevil',
      '${jndi:ldap://x}',
      '\u0007bell',
      '  ',
      '😀'.repeat(100),
    ];
    const textInputs: [string, (value: string) => Record<string, unknown>, Record<string, string>][] = [
      [
        'submitInstallOrder.externalRef',
        (v) => ({
          query: `mutation ($input: SubmitInstallOrderInput!) { submitInstallOrder(input: $input) { id } }`,
          variables: { input: { externalRef: v, productModel: 'X5', customer: { name: 'A', phone: '13900000001', city: 'C', address: 'D' } } },
        }),
        { 'x-api-key': partnerKey },
      ],
      [
        'submitInstallOrder.productModel',
        (v) => ({
          query: `mutation ($input: SubmitInstallOrderInput!) { submitInstallOrder(input: $input) { id } }`,
          variables: { input: { externalRef: `R-${Math.random()}`, productModel: v, customer: { name: 'A', phone: '13900000002', city: 'C', address: 'D' } } },
        }),
        { 'x-api-key': partnerKey },
      ],
      [
        'submitInstallOrder.customer.name',
        (v) => ({
          query: `mutation ($input: SubmitInstallOrderInput!) { submitInstallOrder(input: $input) { id } }`,
          variables: { input: { externalRef: `R-${Math.random()}`, productModel: 'X5', customer: { name: v, phone: '13900000003', city: 'C', address: 'D' } } },
        }),
        { 'x-api-key': partnerKey },
      ],
      [
        'submitInstallOrder.customer.address',
        (v) => ({
          query: `mutation ($input: SubmitInstallOrderInput!) { submitInstallOrder(input: $input) { id } }`,
          variables: { input: { externalRef: `R-${Math.random()}`, productModel: 'X5', customer: { name: 'A', phone: '13900000004', city: 'C', address: v } } },
        }),
        { 'x-api-key': partnerKey },
      ],
      [
        'submitInstallOrder.customer.phone',
        (v) => ({
          query: `mutation ($input: SubmitInstallOrderInput!) { submitInstallOrder(input: $input) { id } }`,
          variables: { input: { externalRef: `R-${Math.random()}`, productModel: 'X5', customer: { name: 'A', phone: v, city: 'C', address: 'D' } } },
        }),
        { 'x-api-key': partnerKey },
      ],
      [
        'submitInstallOrder.preferredDate',
        (v) => ({
          query: `mutation ($input: SubmitInstallOrderInput!) { submitInstallOrder(input: $input) { id } }`,
          variables: {
            input: {
              externalRef: `R-${Math.random()}`,
              productModel: 'X5',
              preferredDate: v,
              customer: { name: 'A', phone: '13900000005', city: 'C', address: 'D' },
            },
          },
        }),
        { 'x-api-key': partnerKey },
      ],
      [
        'registerPartner.name',
        (v) => ({
          query: `mutation ($input: RegisterPartnerInput!) { registerPartner(input: $input) { partner { id } } }`,
          variables: { input: { code: `H${Math.floor(Math.random() * 1e6)}`, name: v } },
        }),
        staffHeaders,
      ],
      [
        'registerPartner.code',
        (v) => ({
          query: `mutation ($input: RegisterPartnerInput!) { registerPartner(input: $input) { partner { id } } }`,
          variables: { input: { code: v, name: 'N' } },
        }),
        staffHeaders,
      ],
      [
        'createCustomer.name',
        (v) => ({
          query: `mutation ($input: CreateCustomerInput!) { createCustomer(input: $input) { id } }`,
          variables: {
            input: {
              name: v,
              phone: `137${String(Math.floor(Math.random() * 1e8)).padStart(8, '0')}`,
              city: 'C',
              address: 'D',
              businessType: 'RESTAURANT',
              scale: 1,
              influence: 1,
              grade: 'C',
            },
          },
        }),
        staffHeaders,
      ],
      [
        'createCustomer.address',
        (v) => ({
          query: `mutation ($input: CreateCustomerInput!) { createCustomer(input: $input) { id } }`,
          variables: {
            input: {
              name: 'N',
              phone: `137${String(Math.floor(Math.random() * 1e8)).padStart(8, '0')}`,
              city: 'C',
              address: v,
              businessType: 'RESTAURANT',
              scale: 1,
              influence: 1,
              grade: 'C',
            },
          },
        }),
        staffHeaders,
      ],
      [
        'customers.text',
        (v) => ({ query: `query ($text: String) { customers(first: 5, text: $text) { edges { node { id } } } }`, variables: { text: v } }),
        staffHeaders,
      ],
      [
        'customers.after (cursor)',
        (v) => ({ query: `query ($after: String) { customers(first: 5, after: $after) { edges { node { id } } } }`, variables: { after: v } }),
        staffHeaders,
      ],
      [
        'myOrders.after (cursor)',
        (v) => ({ query: `query ($after: String) { myOrders(first: 5, after: $after) { edges { node { id } } } }`, variables: { after: v } }),
        { 'x-api-key': partnerKey },
      ],
      ['order.id', (v) => ({ query: `query ($id: ID!) { order(id: $id) { id } }`, variables: { id: v } }), staffHeaders],
      ['customer.id', (v) => ({ query: `query ($id: ID!) { customer(id: $id) { id } }`, variables: { id: v } }), staffHeaders],
      ['engineer.id', (v) => ({ query: `query ($id: ID!) { engineer(id: $id) { id } }`, variables: { id: v } }), staffHeaders],
      ['workOrder.id', (v) => ({ query: `query ($id: ID!) { workOrder(id: $id) { id } }`, variables: { id: v } }), staffHeaders],
    ];
    const dates = ['0000-01-01', '2026-02-30', '99999-01-01', 'not a date', '2026-13-01', '-0001-01-01'];
    for (const [field, build, headers] of textInputs) {
      const values = field.endsWith('preferredDate') ? [...dates, ...hostile.slice(0, 4)] : hostile;
      for (const value of values)
        cases.push({ name: `${field} = ${JSON.stringify(value).slice(0, 24)}`, run: () => post(build(value), headers), secrets: [secretName, cardName] });
      cases.push({ name: `${field} = 1 MB`, run: () => post(build('x'.repeat(1_000_000)), headers), status: 413 });
    }
    const numbers = [2147483648, -2147483649, 1e308, -1e308, 0.5, -1, 2 ** 53 + 2];
    for (const value of numbers) {
      cases.push({
        name: `customers.first = ${value}`,
        run: () => post({ query: `query ($n: Int!) { customers(first: $n) { edges { node { id } } } }`, variables: { n: value } }, staffHeaders),
      });
      cases.push({
        name: `createCustomer.scale = ${value}`,
        run: () =>
          post(
            {
              query: `mutation ($input: CreateCustomerInput!) { createCustomer(input: $input) { id } }`,
              variables: {
                input: { name: 'N', phone: '13600000009', city: 'C', address: 'D', businessType: 'RESTAURANT', scale: value, influence: 1, grade: 'C' },
              },
            },
            staffHeaders,
          ),
      });
    }
    for (const value of ['1e400', '-1e400', '1e309', '123456789012345678901234567890']) {
      cases.push({
        name: `float literal ${value}`,
        run: () =>
          post({ query: `{ customers(first: 5, key: true) { edges { node { id } } } a: customers(first: ${value}) { edges { node { id } } } }` }, staffHeaders),
      });
    }

    // 4. Forged identities and signatures, at the gateway and straight at a subgraph.
    const now = Math.floor(Date.now() / 1000);
    const forgedTokens: [string, string][] = [
      [
        'alg none',
        `${Buffer.from('{"alg":"none","typ":"JWT"}').toString('base64url')}.${Buffer.from(JSON.stringify({ sub: 'x', roles: ['ADMIN'], exp: now + 600, iss: 'aftercare-auth', aud: 'aftercare-graph' })).toString('base64url')}.`,
      ],
      [
        'another secret',
        jwt.sign({ roles: ['ADMIN'] }, 'a-guessable-secret', { subject: 'x', issuer: 'aftercare-auth', audience: 'aftercare-graph', expiresIn: 600 }),
      ],
      ['the old development secret', jwt.sign({ roles: ['ADMIN'] }, 'aftercare-dev-auth-jwt-secret', { subject: 'x', expiresIn: 600 })],
      [
        'expired',
        jwt.sign({ roles: ['ADMIN'] }, TEST_AUTH_JWT_SECRET, { subject: 'x', issuer: 'aftercare-auth', audience: 'aftercare-graph', expiresIn: -60 }),
      ],
      [
        'not yet valid',
        jwt.sign({ roles: ['ADMIN'] }, TEST_AUTH_JWT_SECRET, {
          subject: 'x',
          issuer: 'aftercare-auth',
          audience: 'aftercare-graph',
          expiresIn: 600,
          notBefore: 300,
        }),
      ],
      ['wrong issuer', jwt.sign({ roles: ['ADMIN'] }, TEST_AUTH_JWT_SECRET, { subject: 'x', issuer: 'evil', audience: 'aftercare-graph', expiresIn: 600 })],
      ['wrong audience', jwt.sign({ roles: ['ADMIN'] }, TEST_AUTH_JWT_SECRET, { subject: 'x', issuer: 'aftercare-auth', audience: 'other', expiresIn: 600 })],
      ['no expiry', jwt.sign({ roles: ['ADMIN'] }, TEST_AUTH_JWT_SECRET, { subject: 'x', issuer: 'aftercare-auth', audience: 'aftercare-graph' })],
      [
        'HS512',
        jwt.sign({ roles: ['ADMIN'] }, TEST_AUTH_JWT_SECRET, {
          algorithm: 'HS512',
          subject: 'x',
          issuer: 'aftercare-auth',
          audience: 'aftercare-graph',
          expiresIn: 600,
        }),
      ],
      [
        'unknown role',
        jwt.sign({ roles: ['ROOT'] }, TEST_AUTH_JWT_SECRET, { subject: 'x', issuer: 'aftercare-auth', audience: 'aftercare-graph', expiresIn: 600 }),
      ],
      ['garbage', 'not.a.jwt'],
      ['huge', 'a'.repeat(20000)],
    ];
    for (const [name, token] of forgedTokens) {
      cases.push({
        name: `bearer ${name}`,
        run: () => post({ query: '{ __typename }' }, { authorization: `Bearer ${token}` }),
        status: name === 'huge' ? undefined : 401,
      });
    }
    for (const [name, headers] of [
      ['unknown api key', { 'x-api-key': 'ak_guess' }],
      ['api key with NUL', { 'x-api-key': 'ak_%00' }],
      ['key and token', { 'x-api-key': partnerKey, authorization: `Bearer ${staffToken(['ADMIN'])}` }],
      ['basic auth', { authorization: 'Basic YWRtaW46YWRtaW4=' }],
      [
        'client-sent identity header',
        { [IDENTITY_HEADER]: await signGatewayIdentity({ kind: 'system', service: 'gateway' }, TEST_GATEWAY_SIGNING_KEY, 'sales') },
      ],
    ] as const) {
      cases.push({ name, run: () => post({ query: '{ partnerCredential(apiKey: "x") { partnerId } }' }, headers as Record<string, string>) });
    }
    // A value that cannot be a key is 401 at once, never a retryable 503 (sales' input guard refuses an over-long lookup).
    for (const [name, key] of [
      ['over-long api key (4,001 characters)', `ak_seca_${'a'.repeat(3_993)}`],
      ['api key of 3,990 characters', `ak_seca_${'a'.repeat(3_982)}`],
      ['well-formed key plus one character', `${partnerKey}a`],
      ['api key with a space', `ak_seca_${'a'.repeat(21)} ${'a'.repeat(21)}`],
      ['api key in standard base64', `ak_seca_${'+/'.repeat(21)}a`],
    ] as const) {
      cases.push({ name, run: () => post({ query: '{ __typename }' }, { 'x-api-key': key }), status: 401 });
    }
    const attacker = generateGatewayKeyPair();
    for (const service of ['sales', 'service-dispatch', 'engineer-network', 'complaints', 'value-added']) {
      // Where the subgraph listens, from its own "service ready" log line: what an attacker on the network would find.
      const target = /"url":"(http:\/\/[^"]+\/graphql)"/.exec(platform.services[service]?.output() ?? '')?.[1];
      if (!target) throw new Error(`${service} printed no URL`);
      const identities: [string, Record<string, string>][] = [
        ['no identity', {}],
        [
          'identity signed by an attacker key',
          { [IDENTITY_HEADER]: await signGatewayIdentity({ kind: 'system', service: 'gateway' }, attacker.privateKey, service) },
        ],
        [
          'identity for another subgraph',
          {
            [IDENTITY_HEADER]: await signGatewayIdentity(
              { kind: 'system', service: 'gateway' },
              TEST_GATEWAY_SIGNING_KEY,
              service === 'sales' ? 'complaints' : 'sales',
            ),
          },
        ],
        ['identity without audience', { [IDENTITY_HEADER]: await signGatewayIdentity({ kind: 'system', service: 'gateway' }, TEST_GATEWAY_SIGNING_KEY) }],
        [
          'HS256 identity with the old dev secret',
          {
            [IDENTITY_HEADER]: jwt.sign({ identity: { kind: 'system', service: 'gateway' } }, 'aftercare-dev-gateway-signing-secret', {
              issuer: 'aftercare-gateway',
              audience: 'aftercare-subgraph',
              expiresIn: 60,
            }),
          },
        ],
      ];
      for (const [name, headers] of identities) {
        cases.push({
          name: `direct ${service}: ${name}`,
          run: () =>
            send(target, {
              method: 'POST',
              headers: { 'content-type': 'application/json', ...headers },
              body: JSON.stringify({ query: '{ _entities(representations: [{ __typename: "Order", id: "' + secretOrderId + '" }]) { __typename } }' }),
            }),
          status: 401,
          secrets: [secretName],
        });
      }
    }

    // 5. Another partner's and another salesperson's data through every path.
    const otherPartner = { 'x-api-key': otherPartnerKey };
    cases.push({
      name: "partner B reads partner A's order by id",
      run: () => post({ query: `query ($id: ID!) { order(id: $id) { id externalRef customer { name } } }`, variables: { id: secretOrderId } }, otherPartner),
      secrets: [secretName],
    });
    cases.push({
      name: 'partner B lists its orders',
      run: () => post({ query: `{ myOrders(first: 100) { edges { node { id customer { name } } } } }` }, otherPartner),
      secrets: [secretName, secretOrderId],
    });
    cases.push({
      name: 'partner B submits with partner A customer phone',
      run: () =>
        post(
          {
            query: `mutation ($input: SubmitInstallOrderInput!) { submitInstallOrder(input: $input) { id customer { id name phone city address } } }`,
            variables: {
              input: { externalRef: `B-${Date.now()}`, productModel: 'X5', customer: { name: 'B typed', phone, city: 'B city', address: 'B road' } },
            },
          },
          otherPartner,
        ),
      secrets: [secretName, '1 Secret Road'],
    });
    cases.push({
      name: 'partner reads CRM fields',
      run: () =>
        post(
          { query: `query ($id: ID!) { order(id: $id) { customer { grade key influence contacts { name } } } }`, variables: { id: secretOrderId } },
          { 'x-api-key': partnerKey },
        ),
    });
    for (const [name, query, variables] of [
      ["rep B opens rep A's card", `query ($id: ID!) { customer(id: $id) { id name } }`, { id: cardId }],
      ["rep B lists rep A's cards", `query ($owner: ID) { customers(first: 100, ownerId: $owner) { edges { node { id name } } } }`, { owner: repA }],
      ["rep B updates rep A's card", `mutation ($id: ID!) { updateCustomer(id: $id, input: { key: false }) { id name } }`, { id: cardId }],
      [
        "rep B regrades rep A's card",
        `mutation ($id: ID!) { changeProspectGrade(input: { customerId: $id, grade: "F", reason: "x" }) { grade } }`.replace('"F"', 'F'),
        { id: cardId },
      ],
      [
        "rep B places an order on rep A's card",
        `mutation ($id: ID!) { placeOrder(input: { channel: PHONE, customerId: $id, productModel: "X5" }) { id customer { name } } }`,
        { id: cardId },
      ],
    ] as const) {
      cases.push({ name, run: () => post({ query, variables }, repBHeaders), secrets: [cardName] });
    }

    // 6. Trusted documents: on the enforcing gateway a partner runs only published operations, by id.
    const trusted = (body: unknown, headers: Record<string, string>) =>
      send(trustedGatewayUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: typeof body === 'string' ? body : JSON.stringify(body),
      });
    const partnerHeaders = { 'x-api-key': partnerKey };
    for (const [query, extra] of shapes) {
      cases.push({ name: `trusted: free-form ${query.slice(0, 30)} as partner`, run: () => trusted({ query, ...extra }, partnerHeaders), status: 403 });
    }
    for (const query of [
      `query ($id: ID!) { order(id: $id) { customer { grade key influence phone address contacts { name } } } }`,
      `{ myOrders(first: 100) { edges { node { id customer { id phone address orders { id } } } } } }`,
      `mutation ($input: SubmitInstallOrderInput!) { submitInstallOrder(input: $input) { id customer { id name phone city address grade } } }`,
      `{ customers(first: 100) { edges { node { id name } } } }`,
      `{ partnerCredential(apiKey: "x") { partnerId } }`,
    ]) {
      cases.push({
        name: `trusted: partner's own document ${query.slice(0, 30)}`,
        run: () => trusted({ query, variables: { id: secretOrderId } }, partnerHeaders),
        status: 403,
        secrets: [secretName, '1 Secret Road'],
      });
    }
    for (const documentId of ['sha256:' + '0'.repeat(64), 'sha256:xyz', 'md5:abc', 42, ['a'], { a: 1 }, 'sha256:' + 'A'.repeat(64), '\u0000']) {
      cases.push({ name: `trusted: documentId ${JSON.stringify(documentId).slice(0, 20)}`, run: () => trusted({ documentId }, partnerHeaders) });
    }
    const submitById = partnerDocuments.id('SubmitInstallOrder');
    cases.push({
      name: 'trusted: published id with another query',
      run: () => trusted({ documentId: submitById, query: '{ __typename }' }, partnerHeaders),
      status: 400,
    });
    cases.push({
      name: 'trusted: published id with another operationName',
      run: () => trusted({ documentId: submitById, operationName: 'Order' }, partnerHeaders),
      status: 400,
    });
    // A null where the published document's argument needs a value is the caller's mistake, never a 500.
    cases.push({
      name: 'trusted: MyOrders by id with first: null',
      run: () => trusted({ documentId: partnerDocuments.id('MyOrders'), variables: { first: null } }, partnerHeaders),
      status: 400,
    });
    cases.push({
      name: 'free-form: $first: Int = 20 sent as null into first: Int!',
      run: () => post({ query: 'query ($first: Int = 20) { myOrders(first: $first) { edges { node { id } } } }', variables: { first: null } }, partnerHeaders),
      status: 400,
    });
    cases.push({
      name: 'trusted: partner GET',
      run: () => send(`${trustedGatewayUrl}?query=${encodeURIComponent('{ myOrders { edges { node { id } } } }')}`, { method: 'GET', headers: partnerHeaders }),
      status: 403,
    });
    for (const value of hostile) {
      const input = { externalRef: value, productModel: value, customer: { name: value, phone: '13900000009', city: 'C', address: value } };
      cases.push({
        name: `trusted: SubmitInstallOrder by id, ${JSON.stringify(value).slice(0, 20)}`,
        run: () => trusted({ documentId: submitById, variables: { input } }, partnerHeaders),
        secrets: [secretName],
      });
    }
    cases.push({
      name: "trusted: partner B reads partner A's order by published id",
      run: () => trusted({ documentId: partnerDocuments.id('Order'), variables: { id: secretOrderId } }, { 'x-api-key': otherPartnerKey }),
      secrets: [secretName, '1 Secret Road'],
    });
    cases.push({
      name: 'trusted: partner B submits with partner A customer phone by published id',
      run: () =>
        trusted(
          {
            documentId: submitById,
            variables: {
              input: { externalRef: `BT-${Date.now()}`, productModel: 'X5', customer: { name: 'B typed', phone, city: 'B city', address: 'B road' } },
            },
          },
          { 'x-api-key': otherPartnerKey },
        ),
      secrets: [secretName, '1 Secret Road'],
    });
    for (const name of ['ProductIssueReport', 'BrandReplacementFigures'] as const) {
      cases.push({
        name: `trusted: ${name} for another brand`,
        run: () =>
          trusted(
            { documentId: partnerDocuments.id(name), variables: { from: '2026-01-01', to: '2026-12-31', brand: 'SECA' } },
            { 'x-api-key': otherPartnerKey },
          ),
      });
    }
    cases.push({
      name: 'trusted: opt another brand in',
      run: () =>
        trusted(
          { documentId: partnerDocuments.id('SetBrandReminderService'), variables: { input: { brand: 'SECA', optedIn: false } } },
          { 'x-api-key': otherPartnerKey },
        ),
    });

    const results = await inBatches(cases, 8, async (testCase) => {
      const answer = await testCase.run().catch((error: Error) => ({ status: 0, text: `request failed: ${error.message}`, headers: new Headers() }) as Answer);
      const problems: string[] = [];
      if (answer.status >= 500 || answer.status === 0) problems.push(`status ${answer.status}`);
      if (testCase.status !== undefined && answer.status !== testCase.status) problems.push(`expected ${testCase.status}, got ${answer.status}`);
      if (INTERNALS.test(answer.text)) problems.push('internals in the answer');
      if (answer.text && !answer.json) problems.push('not JSON');
      if (codesOf(answer).includes('INTERNAL_SERVER_ERROR')) problems.push('INTERNAL_SERVER_ERROR');
      for (const secret of testCase.secrets ?? []) if (answer.text.includes(secret)) problems.push(`leaked ${secret.slice(0, 20)}`);
      return { testCase, answer, problems };
    });

    const failures = results.filter((result) => result.problems.length > 0);
    const rejected = results.filter((result) => result.answer.status >= 400 || (result.answer.json?.errors?.length ?? 0) > 0).length;
    const fiveXX = results.filter((result) => result.answer.status >= 500).length;
    const leaks = results.filter((result) => result.problems.some((problem) => problem.startsWith('leaked'))).length;
    console.log(`bad-input suite: ${results.length} cases, ${rejected} rejected, ${fiveXX} 5xx, ${leaks} leaks, ${failures.length} failures`);
    expect(results.length).toBeGreaterThanOrEqual(300);
    expect(failures.map((failure) => `${failure.testCase.name}: ${failure.problems.join(', ')} — ${failure.answer.text.slice(0, 160)}`)).toEqual([]);
  });

  it('runs every published partner operation by id for a partner on the enforcing gateway; staff send any document', async () => {
    const samples: Record<string, Record<string, unknown>> = {
      SubmitInstallOrder: {
        input: {
          externalRef: `TD-${Date.now()}`,
          productModel: 'X5',
          customer: { name: 'Li Lei', phone: '13900000077', city: 'Suzhou', address: '2 Canal Road' },
        },
      },
      MyOrders: { first: 5 },
      MyPartner: {},
      Order: {},
      ProductIssueReport: { from: '2026-01-01', to: '2026-12-31' },
      BrandReplacementFigures: { from: '2026-01-01', to: '2026-12-31' },
      BrandReminderServices: {},
      SetBrandReminderService: { input: { brand: 'SECA', optedIn: true } },
    };
    const headers = { 'content-type': 'application/json', 'x-api-key': partnerKey };
    const byId = (name: string, variables: Record<string, unknown>) =>
      send(trustedGatewayUrl, { method: 'POST', headers, body: JSON.stringify({ documentId: partnerDocuments.id(name), variables }) });
    const submitted = await byId('SubmitInstallOrder', samples['SubmitInstallOrder']!);
    samples['Order'] = { id: (submitted.json?.data as { submitInstallOrder: { id: string } }).submitInstallOrder.id };
    expect(partnerDocuments.names().sort()).toEqual(Object.keys(samples).sort());
    for (const name of partnerDocuments.names()) {
      const answer = await byId(name, samples[name]!);
      expect([name, answer.status, codesOf(answer)]).toEqual([name, 200, []]);
    }
    const freeForm = await send(trustedGatewayUrl, {
      method: 'POST',
      headers,
      body: JSON.stringify({ query: '{ myOrders(first: 1) { edges { node { id } } } }' }),
    });
    expect([freeForm.status, codesOf(freeForm)]).toEqual([403, ['PERSISTED_QUERY_NOT_ALLOWED']]);
    const staff = await send(trustedGatewayUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${staffToken(['ADMIN'])}` },
      body: JSON.stringify({ query: '{ partners(first: 1) { edges { node { id } } } }' }),
    });
    expect([staff.status, codesOf(staff)]).toEqual([200, []]);
  });

  it('rotates a partner key with an overlap and makes a revocation bite at the gateway within seconds', async () => {
    const registered = await asAdmin(`mutation { registerPartner(input: { code: "SECROT", name: "Rotating" }) { apiKey partner { id } } }`);
    const { apiKey: oldKey, partner } = (registered.json!.data as { registerPartner: { apiKey: string; partner: { id: string } } }).registerPartner;
    const asKey = (key: string) =>
      send(trustedGatewayUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-api-key': key },
        body: JSON.stringify({ documentId: partnerDocuments.id('MyOrders'), variables: {} }),
      });
    expect((await asKey(oldKey)).status).toBe(200); // now cached at the gateway

    const rotated = await asAdmin(`mutation ($input: RotatePartnerKeyInput!) { rotatePartnerKey(input: $input) { apiKey } }`, {
      input: { partnerId: partner.id, oldKeysExpireAt: new Date(Date.now() + 3_600_000).toISOString() },
    });
    const newKey = (rotated.json!.data as { rotatePartnerKey: { apiKey: string } }).rotatePartnerKey.apiKey;
    expect([(await asKey(oldKey)).status, (await asKey(newKey)).status]).toEqual([200, 200]);

    const keys = await asAdmin(`{ partners(first: 100) { edges { node { id apiKeys { id active expiresAt } } } } }`);
    const held = (
      keys.json!.data as { partners: { edges: { node: { id: string; apiKeys: { id: string; expiresAt: string | null }[] } }[] } }
    ).partners.edges.find((edge) => edge.node.id === partner.id)!.node.apiKeys;
    const oldKeyId = held.find((key) => key.expiresAt !== null)!.id;
    const revokedAt = Date.now();
    const revoked = await asAdmin(`mutation ($p: ID!, $k: ID!) { revokePartnerKey(partnerId: $p, keyId: $k) { active } }`, { p: partner.id, k: oldKeyId });
    expect(revoked.json!.data).toEqual({ revokePartnerKey: { active: false } });
    let refused: Answer | undefined;
    while (Date.now() - revokedAt < 10_000) {
      const answer = await asKey(oldKey);
      if (answer.status === 401) {
        refused = answer;
        break;
      }
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    const seconds = (Date.now() - revokedAt) / 1000;
    console.log(`revoked partner key refused at the gateway after ${seconds.toFixed(1)} s`);
    expect(refused && codesOf(refused)).toEqual(['UNAUTHENTICATED']);
    expect(seconds).toBeLessThan(6.5);
    expect((await asKey(newKey)).status).toBe(200);
  });

  it('limits a caller with 429 and Retry-After once its bucket is empty', async () => {
    const answers = await inBatches(
      Array.from({ length: 600 }, () => 0),
      50,
      () => post({ query: '{ __typename }' }),
    );
    const limited = answers.filter((answer) => answer.status === 429);
    expect(limited.length).toBeGreaterThan(0);
    expect(Number(limited[0]!.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect(codesOf(limited[0]!)).toEqual(['RATE_LIMITED']);
  });
});
