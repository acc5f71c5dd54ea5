// Edits can arrive much faster than an analysis takes (a paste in many steps, an undo of many
// edits, an editor replaying changes: 1,000 didChange notifications once took minutes to catch up
// with, one analysis and one sidecar write each). The text of an edited article is updated at once
// and its analysis is scheduled; any number of edits before the analysis runs cost one analysis.
// It starts at once when no analysis runs (edits that come meanwhile wait for the next one), or
// when a request about an edited document comes, which waits for it at most MAX_WAIT_MS (requests
// about other documents do not wait): long enough for the analysis of one article in a small
// folder, so that a hover after an edit usually sees the text it refers to; short enough that typing never makes a hover wait on
// the cross-checking of a large folder (measured at 1,000 articles: waiting up to 2 s made the p95
// of a hover while typing 956 ms). Past it the request is answered from the previous analysis and
// the client is refreshed when the new one is in.
// Plugged into the connection as its message strategy: it sees every message before its handler
// (which also lets it refuse the requests that follow `shutdown`, as the protocol says).
import { Message, type MessageStrategy } from 'vscode-languageserver/node';

type Result = ReturnType<MessageStrategy['handleMessage']>;

const MAX_WAIT_MS = 100;

/** The request every request after `shutdown` becomes (see handleMessage). */
export const AFTER_SHUTDOWN = '$/qarina/afterShutdown';

let requestsSeen = 0;
/** How many requests the server has received so far (long work yields longer when one came: see
 *  lsp/indexer.ts). */
export const requestCount = () => requestsSeen;

export class PendingAnalyses implements MessageStrategy {
  private readonly pending = new Map<string, () => Promise<void>>();
  private timer: NodeJS.Timeout | NodeJS.Immediate | undefined;
  /** The analyses started so far, one after another. */
  private running: Promise<void> = Promise.resolve();
  private busy = 0;
  /** The documents whose analyses are started and not done, with how many. */
  private readonly inFlight = new Map<string, number>();

  constructor(private readonly log: (msg: string) => void = () => undefined, private readonly delayMs = 50) {}

  /** Analyse an article soon; a later call for the same article before it runs replaces this one.
   *  When no analysis is running the first edit starts at once (after the messages already read:
   *  a burst that arrived together still costs one analysis): a typed word waited the whole
   *  delay for nothing. Edits that come while an analysis runs wait for it, then the delay. */
  schedule(uri: string, analyse: () => Promise<void>): void {
    this.pending.set(uri, analyse);
    if (this.timer) return;
    if (this.busy === 0) this.timer = setImmediate(() => void this.flush());
    else this.timer = setTimeout(() => void this.flush(), this.delayMs);
  }

  /** Whether an analysis of this article is scheduled and not started yet. */
  has(uri: string): boolean {
    return this.pending.has(uri);
  }

  /** Start every scheduled analysis now (after those already running); resolves when all are done. */
  flush(): Promise<void> {
    clearTimeout(this.timer as NodeJS.Timeout);
    clearImmediate(this.timer as NodeJS.Immediate);
    this.timer = undefined;
    const jobs = [...this.pending];
    this.pending.clear();
    if (jobs.length) {
      this.busy++;
      for (const [uri] of jobs) this.inFlight.set(uri, (this.inFlight.get(uri) ?? 0) + 1);
      this.running = this.running.then(async () => {
        for (const [, job] of jobs) {
          try {
            await job();
          } catch (e) {
            this.log(`Analysis after an edit failed: ${e instanceof Error ? e.stack : String(e)}`);
          }
        }
      }).finally(() => {
        this.busy--;
        for (const [uri] of jobs) {
          const n = this.inFlight.get(uri)! - 1;
          if (n) this.inFlight.set(uri, n);
          else this.inFlight.delete(uri);
        }
      });
    }
    return this.running;
  }

  handleMessage(message: Message, next: (message: Message) => Result): Result {
    if (Message.isRequest(message)) {
      requestsSeen++;
      // After `shutdown` the protocol answers every request with InvalidRequest: routed to the
      // handler that says so (registered by the server under AFTER_SHUTDOWN).
      if (this.shutDown) return next({ ...message, method: AFTER_SHUTDOWN, params: { method: message.method } } as Message);
      if (message.method === 'shutdown') this.shutDown = true;
      // A request about another document than those edited (a hover elsewhere while typing) does
      // not wait for their analysis.
      const uri = (message.params as { textDocument?: { uri?: unknown } } | undefined)?.textDocument?.uri;
      const mine = typeof uri !== 'string' || this.pending.has(uri) || this.inFlight.has(uri);
      if (mine && (this.pending.size > 0 || this.busy > 0)) {
        let timer: NodeJS.Timeout | undefined;
        const waited = new Promise<void>((r) => (timer = setTimeout(r, MAX_WAIT_MS)));
        return Promise.race([this.flush(), waited]).finally(() => clearTimeout(timer)).then(() => next(message));
      }
    }
    return next(message);
  }
  private shutDown = false;
}
