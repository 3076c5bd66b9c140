/**
 * The orders the library sorts by: `Intl.Collator('en')` (construct paths, rule IDs in the
 * registry, the CloudWatch dashboard's alarm widgets, a runbook's dashboard links) and
 * `Intl.Collator('en', { numeric: true })` (rule IDs in the report), with the same result for
 * every pair of strings, without making a collator for the strings the library sorts.
 *
 * The locale is named, never the process default that `localeCompare` uses: under
 * `LANG=da_DK.UTF-8` `aa` sorts after `z`, under `lt_LT` `y` before `j`, so the synthesized
 * files would depend on the machine that synthesized them. The first collator of a process
 * loads ICU's collation data: about 5 to 8 ms of CPU on Node 20, more than the MSK quick
 * start's whole report.
 *
 * For strings of printable ASCII (U+0020 to U+007E) the collator's order is the CLDR root
 * collation's, which `en` uses unchanged: each character has its own primary weight, in the order
 * of `ROOT_ORDER` (spaces and punctuation, then symbols, then digits, then letters, a letter's
 * lower and upper case sharing one), and a string that is a prefix of another comes first
 * (https://unicode.org/reports/tr10/#Main_Algorithm, "Compare"). When two strings have the same
 * primary weights (the same letters, ignoring case) the first difference of case decides, lower
 * case first (the tertiary level; `caseFirst` is off for `en`). No character of that range is
 * ignorable or part of a contraction in the root collation, and its strings have no secondary
 * (accent) differences. Any other character, a tab or a newline included, goes to a real
 * collator, made on first use. `test/model/english-order.test.ts` compares both orders with
 * `Intl.Collator` for any strings.
 */
const ROOT_ORDER = ' _-,;:!?.\'"()[]{}@*/\\&#%`^+<=>|~$0123456789aAbBcCdDeEfFgGhHiIjJkKlLmMnNoOpPqQrRsStTuUvVwWxXyYzZ';

/** Primary weight of each printable ASCII character (index: its code), from `ROOT_ORDER`. */
const PRIMARY = new Uint8Array(0x7f);
/** 1 for an upper-case letter (it sorts after its lower case at the tertiary level), else 0. */
const UPPER = new Uint8Array(0x7f);
{
  let weight = 0;
  for (let i = 0; i < ROOT_ORDER.length; i++) {
    const c = ROOT_ORDER.charCodeAt(i);
    const upper = c >= 0x41 && c <= 0x5a;
    if (!upper) weight++;
    PRIMARY[c] = weight;
    UPPER[c] = upper ? 1 : 0;
  }
}

const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;

let englishCollator: Intl.Collator | undefined;
let numericCollator: Intl.Collator | undefined;

/** `new Intl.Collator('en').compare(a, b)`, without a collator when both are printable ASCII. */
export function compareEnglish(a: string, b: string): number {
  if (a === b) return 0;
  if (!PRINTABLE_ASCII.test(a) || !PRINTABLE_ASCII.test(b)) {
    englishCollator ??= new Intl.Collator('en');
    return englishCollator.compare(a, b);
  }
  const n = Math.min(a.length, b.length);
  let tertiary = 0;
  for (let i = 0; i < n; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x === y) continue;
    if (PRIMARY[x] !== PRIMARY[y]) return PRIMARY[x] < PRIMARY[y] ? -1 : 1;
    if (tertiary === 0) tertiary = UPPER[x] - UPPER[y];
  }
  if (a.length !== b.length) return a.length < b.length ? -1 : 1;
  return tertiary;
}

/** A rule ID without digits before its dash (`HA-001`, `ACME-010`), the form the numeric fast path handles. */
const PLAIN_RULE_ID = /^[A-Z]+-[0-9]{3}$/;

/**
 * `new Intl.Collator('en', { numeric: true }).compare(a, b)` (HA-002 before HA-010). Two IDs of
 * upper-case letters, a dash and three digits compare as their code units do (the dash before
 * every letter, digits of the same length in numeric order); anything else goes to the collator.
 */
export function compareRuleIds(a: string, b: string): number {
  if (a === b) return 0;
  if (PLAIN_RULE_ID.test(a) && PLAIN_RULE_ID.test(b)) return a < b ? -1 : 1;
  numericCollator ??= new Intl.Collator('en', { numeric: true });
  return numericCollator.compare(a, b);
}
