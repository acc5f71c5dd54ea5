// Sidecars count UTF-16 code units (what editors and JavaScript use); brat, W3C Web Annotation and
// most training tools (Python strings) count Unicode code points. The two differ after any
// character outside the Basic Multilingual Plane (emoji, rare CJK), so exports convert.

/** cp[i] = number of code points in text.slice(0, i), for every UTF-16 offset 0..length. */
export function codePointIndex(text: string): (utf16: number) => number {
  const cp = new Int32Array(text.length + 1);
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    cp[i] = n;
    const c = text.charCodeAt(i);
    // The low half of a surrogate pair does not start a new code point.
    if (!(c >= 0xdc00 && c <= 0xdfff && i > 0 && text.charCodeAt(i - 1) >= 0xd800 && text.charCodeAt(i - 1) <= 0xdbff)) n++;
    else cp[i] = n - 1;
  }
  cp[text.length] = n;
  return (u) => cp[Math.max(0, Math.min(u, text.length))];
}
