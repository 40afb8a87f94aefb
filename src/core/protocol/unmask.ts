/**
 * Undoes the disguises that slip words past a matcher while a reader still sees them: compatibility
 * forms (fullwidth ｌｅｔｔｅｒｓ, ligatures, Arabic presentation forms), format characters (zero-width
 * spaces and joiners, soft hyphens, bidi controls), combining marks (s̶t̶r̶o̶k̶e̶s̶, accents) and
 * Cyrillic letters that look Latin. For matching only: the member's words are shown as written.
 * The crisis-language tables, the identity detector and the collector's holds all match on this.
 */
const LOOKALIKE = /[аеорсухіјѕԁ]/g;
const LATIN: Record<string, string> = {
  а: 'a',
  е: 'e',
  о: 'o',
  р: 'p',
  с: 'c',
  у: 'y',
  х: 'x',
  і: 'i',
  ј: 'j',
  ѕ: 's',
  ԁ: 'd',
};

export function unmask(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/\p{Cf}/gu, '')
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(LOOKALIKE, (c) => LATIN[c]);
}
