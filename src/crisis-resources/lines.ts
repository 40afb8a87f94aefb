/** A help line. `href` is `tel:`, `sms:` or `https:`; anything else is dropped. */
export interface HelpLine {
  name: string;
  contact: string;
  href?: string;
  hours?: string;
}

/**
 * Default lines per language. Sources (check yearly; hosts should override with their region's):
 * - en: 988 Suicide & Crisis Lifeline (US), https://988lifeline.org — call or text 988, 24/7.
 * - es: Línea 024 de atención a la conducta suicida (España, Ministerio de Sanidad), https://www.sanidad.gob.es — 24/7.
 * - ar: Embrace Lifeline (Lebanon, national emotional support line), https://embracelebanon.org — 1564.
 * - all: Find A Helpline (ThroughLine), https://findahelpline.com — international directory.
 */
export const DEFAULT_LINES: Record<string, HelpLine[]> = {
  en: [{ name: '988 Suicide & Crisis Lifeline (US)', contact: 'Call or text 988', href: 'tel:988', hours: '24/7' }],
  es: [{ name: 'Línea 024 (España)', contact: 'Llama al 024', href: 'tel:024', hours: '24 horas' }],
  ar: [{ name: 'خط الحياة – إمبريس (لبنان)', contact: '1564', href: 'tel:1564' }],
};
export const DIRECTORY_URL = 'https://findahelpline.com';

export function safeHref(href: string | undefined): string | undefined {
  if (!href) return undefined;
  return /^(tel|sms):[+\d\s()-]+$/i.test(href) || /^https:\/\/[^\s]+$/i.test(href) ? href : undefined;
}
