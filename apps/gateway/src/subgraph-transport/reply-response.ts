import type { FetcherHeaders, FetcherResponse } from '@apollo/utils.fetcher';
import { PlainHeaders } from './plain-headers';
import type { SubgraphReply } from './subgraph-http-client';

/**
 * A subgraph's reply seen as the fetch Response RemoteGraphQLDataSource's helpers expect (errorFromResponse,
 * parseBody). Each caller gets its own: a reply shared by several in-flight callers is parsed once per caller,
 * so no caller's result objects are another's.
 */
export class ReplyResponse implements FetcherResponse {
  readonly redirected = false;
  bodyUsed = false;
  private headerView: FetcherHeaders | undefined;

  constructor(
    readonly url: string,
    private readonly reply: SubgraphReply,
  ) {}

  get status(): number {
    return this.reply.status;
  }

  get ok(): boolean {
    return this.reply.status >= 200 && this.reply.status < 300;
  }

  get statusText(): string {
    return this.reply.statusText;
  }

  get headers(): FetcherHeaders {
    this.headerView ??= PlainHeaders.of(this.reply.headers);
    return this.headerView;
  }

  async text(): Promise<string> {
    this.bodyUsed = true;
    return this.reply.body;
  }

  async json(): Promise<unknown> {
    return JSON.parse(await this.text());
  }

  async arrayBuffer(): Promise<ArrayBuffer> {
    const bytes = Buffer.from(await this.text(), 'utf8');
    return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
  }

  clone(): FetcherResponse {
    return new ReplyResponse(this.url, this.reply);
  }
}
