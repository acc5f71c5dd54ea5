// Digit strings as written in Arabic news: Latin, Arabic-Indic (٠-٩) and Persian (۰-۹) digits
// (already folded to Latin by normalisation), with thousands separators and decimal marks
// (٬ , . ٫ — folded to "," and ".").

/**
 * Value of a folded digit string such as "1,500", "2.5", "1.250.000", "3,5" (decimal comma), or
 * "12,345.6". Rules: with both marks, the last one is the decimal mark; a mark followed by
 * exactly three digits, repeated, is a thousands separator; a single "." is a decimal point; a
 * single "," followed by other than three digits is a decimal comma.
 */
export function parseDigits(s: string): number | null {
  if (!/^[0-9]+(?:[.,][0-9]+)*$/.test(s)) return null;
  const hasDot = s.includes('.'), hasComma = s.includes(',');
  if (hasDot && hasComma) {
    const lastDot = s.lastIndexOf('.'), lastComma = s.lastIndexOf(',');
    const dec = lastDot > lastComma ? '.' : ',';
    const thou = dec === '.' ? ',' : '.';
    const [intPart, frac] = [s.slice(0, s.lastIndexOf(dec)), s.slice(s.lastIndexOf(dec) + 1)];
    if (!intPart.split(thou).slice(1).every((g) => g.length === 3)) return null;
    return +(intPart.split(thou).join('') + '.' + frac);
  }
  const mark = hasDot ? '.' : hasComma ? ',' : '';
  if (!mark) return +s;
  const groups = s.split(mark);
  const thousands = groups.slice(1).every((g) => g.length === 3) && groups[0].length <= 3;
  if (groups.length > 2) return thousands ? +groups.join('') : null;
  // One mark: "1,500" thousands; "2.5" / "3,5" decimal; "1.500" is read as a decimal only when
  // written with a dot (Arabic typesetting uses ٫ or . for decimals and ٬ or , for thousands).
  if (mark === ',' && thousands) return +groups.join('');
  return +(groups[0] + '.' + groups[1]);
}

/**
 * The other reading of a digit string with one separator followed by exactly three digits: Arabic
 * newspapers write thousands both as "12.500" and "12,500", and decimals both as "1.500" and
 * "1,5", so "12.500 جندي" may be 12 500 soldiers. Empty when the string has one reading.
 */
export function otherReadings(s: string): number[] {
  const m = /^([0-9]{1,3})([.,])([0-9]{3})$/.exec(s);
  if (!m) return [];
  const primary = parseDigits(s);
  const thousands = +(m[1] + m[3]);
  const decimal = +(m[1] + '.' + m[3]);
  return [thousands, decimal].filter((x) => x !== primary);
}

/** Number of digits after the decimal mark in the reading parseDigits gives (0 for integers). */
export function decimalsOf(s: string, value: number): number {
  if (Number.isInteger(value)) return 0;
  const m = /[.,]([0-9]+)$/.exec(s);
  return m ? m[1].length : 0;
}
