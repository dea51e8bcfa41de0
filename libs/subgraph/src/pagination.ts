import { ArgsType, ClassType, Directive, Field, Int, ObjectType } from 'type-graphql';
import { IsOptional, Max, Min } from 'class-validator';
import { badInput } from './errors';
import { isUuid } from './validation';

@ArgsType()
export class PageArgs {
  @Field(() => Int, { defaultValue: 20, description: 'Page size, 1–100.' })
  @Min(1)
  @Max(100)
  first = 20;

  @Field(() => String, { nullable: true, description: 'The endCursor of the previous page.' })
  @IsOptional()
  after?: string | null;
}

/** Shared by every subgraph's connections, hence @shareable. */
@Directive('@shareable')
@ObjectType()
export class PageInfo {
  @Field()
  hasNextPage: boolean;

  @Field(() => String, { nullable: true })
  endCursor: string | null;
}

export interface Edge<TNode> {
  cursor: string;
  node: TNode;
}

export interface Connection<TNode> {
  edges: Edge<TNode>[];
  pageInfo: PageInfo;
}

/** A Relay-style connection type for `TNode`, e.g. `OrderConnection`. */
export function ConnectionType<TNode extends object>(nodeType: ClassType<TNode>) {
  @ObjectType(`${nodeType.name}Edge`)
  class EdgeType {
    @Field()
    cursor: string;

    @Field(() => nodeType)
    node: TNode;
  }

  @ObjectType()
  abstract class ConnectionClass {
    @Field(() => [EdgeType])
    edges: EdgeType[];

    @Field(() => PageInfo)
    pageInfo: PageInfo;
  }
  return ConnectionClass;
}

/**
 * Keyset cursors over (createdAt, id): stable under inserts, and each page is one index range scan
 * however deep the client pages.
 */
export interface KeysetPosition {
  createdAt: Date;
  id: string;
}

export function encodeCursor(position: KeysetPosition): string {
  return Buffer.from(`${position.createdAt.toISOString()}|${position.id}`, 'utf8').toString('base64url');
}

const ISSUED_CURSOR = /^[A-Za-z0-9_-]{1,200}$/;

/** Anything but a cursor this API issued (base64url of an ISO instant and a UUID) is BAD_USER_INPUT, never SQL. */
export function decodeCursor(cursor: string): KeysetPosition {
  const [createdAt, id, ...rest] = ISSUED_CURSOR.test(cursor) ? Buffer.from(cursor, 'base64url').toString('utf8').split('|') : [];
  const date = new Date(createdAt ?? '');
  const year = date.getUTCFullYear();
  if (!id || rest.length > 0 || !isUuid(id) || Number.isNaN(date.getTime()) || year < 1000 || year > 9999) {
    throw badInput('after is not a cursor this API issued', 'after');
  }
  return { createdAt: date, id };
}

/** An edge's cursor is encoded when read: a list asked for without its cursors (most console tables) does not pay for them. */
class KeysetEdge<TNode extends KeysetPosition> implements Edge<TNode> {
  constructor(readonly node: TNode) {}

  get cursor(): string {
    return encodeCursor(this.node);
  }
}

/** Builds a connection from up to first+1 rows read after the cursor (the extra row only tells whether there is more). */
export function toConnection<TNode extends KeysetPosition>(rows: TNode[], first: number): Connection<TNode> {
  const edges = rows.slice(0, first).map((node) => new KeysetEdge(node));
  return {
    edges,
    pageInfo: { hasNextPage: rows.length > first, endCursor: edges.at(-1)?.cursor ?? null },
  };
}

/** What `keysetPage` needs of a query builder (TypeORM's SelectQueryBuilder fits), so this lib stays ORM-free. */
export interface KeysetQuery<TRow> {
  orderBy(sort: string, order: 'ASC' | 'DESC'): this;
  addOrderBy(sort: string, order: 'ASC' | 'DESC'): this;
  take(count: number): this;
  andWhere(where: string, parameters?: Record<string, unknown>): this;
  getMany(): Promise<TRow[]>;
}

/**
 * One page of a filtered list in (createdAt, id) order: `ASC` for queues where what waited longest comes first,
 * `DESC` for newest first. The caller adds its filters; this adds the order, the cursor and the page size.
 */
export async function keysetPage<TRow extends KeysetPosition>(
  query: KeysetQuery<TRow>,
  alias: string,
  page: { first: number; after?: string | null },
  order: 'ASC' | 'DESC',
): Promise<Connection<TRow>> {
  const position = page.after ? decodeCursor(page.after) : null;
  query
    .orderBy(`${alias}.createdAt`, order)
    .addOrderBy(`${alias}.id`, order)
    .take(page.first + 1);
  if (position) {
    query.andWhere(`(${alias}.createdAt, ${alias}.id) ${order === 'ASC' ? '>' : '<'} (:keysetCreatedAt, :keysetId)`, {
      keysetCreatedAt: position.createdAt,
      keysetId: position.id,
    });
  }
  return toConnection(await query.getMany(), page.first);
}
