/**
 * Phrases that may signal immediate danger, per language. Matched offline, case- and
 * accent-insensitively, as substrings of what someone wrote. Maintained list: review it with
 * people who do crisis work before changing it; false positives only show help lines (never block).
 */
export const CRISIS_PHRASES: Record<string, string[]> = {
  en: [
    'kill myself', 'killing myself', 'end my life', 'ending my life', 'take my own life', 'want to die', 'wanna die',
    'suicide', 'suicidal', "don't want to be alive", "don't want to live", 'no reason to live', 'hurt myself',
    'harm myself', 'overdose', 'better off without me', 'end it all', 'not be here anymore',
  ],
  es: [
    'matarme', 'quitarme la vida', 'suicidarme', 'suicidio', 'suicida', 'quiero morir', 'quiero morirme',
    'no quiero vivir', 'no quiero seguir viviendo', 'acabar con todo', 'hacerme daño', 'lastimarme', 'sobredosis',
    'mejor sin mí', 'desaparecer para siempre',
  ],
  ar: [
    'انتحار', 'انتحر', 'اقتل نفسي', 'أقتل نفسي', 'اريد ان اموت', 'أريد أن أموت', 'انهي حياتي', 'أنهي حياتي',
    'لا اريد ان اعيش', 'لا أريد أن أعيش', 'اؤذي نفسي', 'أؤذي نفسي', 'جرعة زائدة',
  ],
};

/** Lowercase, no accents (á → a), Arabic without tashkeel and with one alef/yeh form, one kind of apostrophe. */
export function normalize(text: string): string {
  return text
    .toLowerCase()
    .normalize('NFD')
    .replace(/[\u0300-\u036f\u064b-\u065f\u0670]/g, '')
    .replace(/[أإآ]/g, 'ا')
    .replace(/ى/g, 'ي')
    .replace(/[’‘`´]/g, "'")
    .replace(/\s+/g, ' ');
}

const ALL = [...new Set(Object.values(CRISIS_PHRASES).flat().map(normalize))];

/** True when any text mentions a crisis phrase in any shipped language (people mix languages). */
export function suggestsCrisis(...texts: string[]): boolean {
  const haystack = normalize(texts.join(' \n '));
  return ALL.some((phrase) => haystack.includes(phrase));
}
