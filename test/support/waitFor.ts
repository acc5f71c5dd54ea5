// The one way our tests wait: poll a condition until it holds, with a deadline, and say what never
// happened when it times out. Used by the protocol tests, the editor harness, the extension-host
// suite and the UI smoke test alike (no fixed sleeps anywhere else).

/** Polls until `probe` returns something other than undefined/false/null; fails with `what` and
 *  the last value or error seen. */
export async function waitFor<T>(
  what: string,
  probe: () => T | undefined | null | false | Promise<T | undefined | null | false>,
  timeoutMs = 30_000,
  everyMs = 100,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown = undefined;
  for (;;) {
    try {
      const v = await probe();
      if (v !== undefined && v !== null && v !== false) return v;
      last = v;
    } catch (e) {
      last = e instanceof Error ? e.message.split('\n')[0] : e;
    }
    if (Date.now() > deadline) throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what} (last: ${JSON.stringify(last)})`);
    await new Promise((r) => setTimeout(r, everyMs));
  }
}
