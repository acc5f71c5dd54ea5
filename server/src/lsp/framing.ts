// The server's stdin, with malformed message headers taken out. JSON-RPC over stdio frames each
// message as headers ("Content-Length: N"), a blank line and N bytes of JSON. vscode-jsonrpc's
// reader reports a header block it cannot parse (a line without ':', no Content-Length) and then
// stops parsing what is already buffered, so the messages after it wait for more input: one stray
// line from a broken client leaves the server silent (measured: a request sent after
// "hello world\r\n\r\n" was not answered). This filter passes well-formed frames through byte for
// byte and drops a malformed header block with a message; a body that is not JSON is the reader's
// to report, and it recovers from that by itself. Written by hand: it is the framing rule of the LSP
// base protocol, a few lines, and no library exposes it as a stream filter.
import { Transform, type TransformCallback } from 'node:stream';

/** A header block longer than this without its blank line is not a header: dropped. */
const MAX_HEADER_BYTES = 64 * 1024;
const HEADER_END = Buffer.from('\r\n\r\n');

export class FramingFilter extends Transform {
  private buf: Buffer = Buffer.alloc(0);
  /** Body bytes of the current frame still to pass through; -1 while reading headers. */
  private need = -1;

  constructor(private readonly warn: (msg: string) => void) {
    super();
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback): void {
    this.buf = this.buf.length ? Buffer.concat([this.buf, chunk]) : chunk;
    for (;;) {
      if (this.need >= 0) {
        if (this.buf.length === 0) break;
        const n = Math.min(this.need, this.buf.length);
        this.push(this.buf.subarray(0, n));
        this.buf = this.buf.subarray(n);
        this.need -= n;
        if (this.need > 0) break;
        this.need = -1;
        continue;
      }
      const end = this.buf.indexOf(HEADER_END);
      if (end < 0) {
        if (this.buf.length > MAX_HEADER_BYTES) {
          this.warn(`Dropped ${this.buf.length} bytes of input that are not a message header`);
          this.buf = Buffer.alloc(0);
        }
        break;
      }
      const header = this.buf.subarray(0, end).toString('latin1');
      const lines = header.split('\r\n');
      const length = /^content-length:\s*(\d+)\s*$/im.exec(header);
      if (!length || !lines.every((l) => l.includes(':'))) {
        this.warn(`Dropped a malformed message header: ${JSON.stringify(header.slice(0, 200))}`);
        this.buf = this.buf.subarray(end + HEADER_END.length);
        continue;
      }
      this.push(this.buf.subarray(0, end + HEADER_END.length));
      this.buf = this.buf.subarray(end + HEADER_END.length);
      this.need = Number(length[1]);
      if (this.need === 0) this.need = -1;
    }
    done();
  }
}
