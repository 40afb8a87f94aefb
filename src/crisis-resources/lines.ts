/** A help line. `href` is `tel:`, `sms:` or `https:`; anything else is dropped. */
export interface HelpLine {
  name: string;
  contact: string;
  href?: string;
  hours?: string;
}

/**
 * Free, confidential crisis lines by region (ISO 3166-1 alpha-2). Each was compared on 2026-11-25
 * with the publisher's own pages and with the ThroughLine / progress.guide directories as stored
 * then; none was dialled from here. These numbers change: people who do crisis work in each
 * region must review them before a community relies on them, and hosts should set their own
 * lines (`lines`, `extra-lines`, or the provider's `help-lines`).
 */
export const HELP_LINES: Record<string, HelpLine[]> = {
  // 988lifeline.org (SAMHSA). Checked 2026-11-25.
  US: [{ name: '988 Suicide & Crisis Lifeline', contact: 'Call or text 988', href: 'tel:988', hours: '24/7' }],
  // 988.ca (Centre for Addiction and Mental Health). Checked 2026-11-25.
  CA: [{ name: '9-8-8 Suicide Crisis Helpline', contact: 'Call or text 988', href: 'tel:988', hours: '24/7' }],
  // samaritans.org. Checked 2026-11-25.
  GB: [{ name: 'Samaritans', contact: '116 123', href: 'tel:116123', hours: '24/7' }],
  // samaritans.org/ireland. Checked 2026-11-25.
  IE: [{ name: 'Samaritans Ireland', contact: '116 123', href: 'tel:116123', hours: '24/7' }],
  // lifeline.org.au. Checked 2026-11-25.
  AU: [{ name: 'Lifeline Australia', contact: '13 11 14', href: 'tel:131114', hours: '24/7' }],
  // 1737.org.nz (Whakarongorau Aotearoa). Checked 2026-11-25.
  NZ: [{ name: 'Need to talk? 1737', contact: 'Call or text 1737', href: 'tel:1737', hours: '24/7' }],
  // sanidad.gob.es, Línea 024 de atención a la conducta suicida. Checked 2026-11-25.
  ES: [{ name: 'Línea 024', contact: '024', href: 'tel:024', hours: '24 h' }],
  // gob.mx/salud/conadic, Línea de la Vida. Checked 2026-11-25.
  MX: [{ name: 'Línea de la Vida', contact: '800 911 2000', href: 'tel:8009112000', hours: '24 h' }],
  // asistenciaalsuicida.org.ar, Centro de Asistencia al Suicida. Checked 2026-11-25.
  AR: [
    { name: 'Centro de Asistencia al Suicida', contact: '135 (CABA y GBA)', href: 'tel:135', hours: '24 h' },
    { name: 'Centro de Asistencia al Suicida', contact: '0800 345 1435', href: 'tel:08003451435', hours: '24 h' },
  ],
  // minsal.cl, Línea *4141 de prevención del suicidio. Checked 2026-11-25.
  CL: [{ name: 'Línea *4141 (MINSAL)', contact: '*4141', href: 'tel:*4141', hours: '24 h' }],
  // 3114.fr, numéro national de prévention du suicide. Checked 2026-11-25.
  FR: [{ name: '3114', contact: '3114', href: 'tel:3114', hours: '24h/24' }],
  // telefonseelsorge.de. Checked 2026-11-25.
  DE: [{ name: 'TelefonSeelsorge', contact: '0800 111 0 111', href: 'tel:08001110111', hours: '24/7' }],
  // telemanas.mohfw.gov.in, Tele-MANAS. Checked 2026-11-25.
  IN: [{ name: 'Tele-MANAS', contact: '14416', href: 'tel:14416', hours: '24/7' }],
  // mohp.gov.eg, General Secretariat of Mental Health and Addiction Treatment. Checked 2026-11-25.
  EG: [
    { name: 'الأمانة العامة للصحة النفسية', contact: '16328', href: 'tel:16328', hours: '24/7' },
    { name: 'الأمانة العامة للصحة النفسية', contact: '0800 888 0700', href: 'tel:08008880700' },
  ],
  // embracelebanon.org, Embrace Lifeline. Checked 2026-11-25.
  LB: [{ name: 'خط الحياة – إمبريس', contact: '1564', href: 'tel:1564' }],
};

/** ThroughLine's international directory: free lines in 130+ countries, for readers whose region we do not know. */
export const DIRECTORY_URL = 'https://findahelpline.com';

/** The lines for a region code, or none (the directory then stands alone). */
export function linesFor(region: string | null | undefined): HelpLine[] {
  return (region && HELP_LINES[region.toUpperCase()]) || [];
}

/**
 * Time zones of the regions above (IANA names, including the old aliases browsers still give): where
 * the reader probably is, read offline from the device's own clock settings.
 */
const ZONES: [RegExp, string][] = [
  [/^Europe\/(London|Belfast)$|^GB$/, 'GB'],
  [/^Europe\/Dublin$|^Eire$/, 'IE'],
  [
    /^America\/(New_York|Detroit|Chicago|Denver|Boise|Phoenix|Los_Angeles|Anchorage|Juneau|Indiana|Kentucky|North_Dakota)|^Pacific\/Honolulu$|^US\//,
    'US',
  ],
  [
    /^America\/(Toronto|Montreal|Vancouver|Edmonton|Winnipeg|Regina|Halifax|St_Johns|Moncton|Whitehorse|Yellowknife|Iqaluit)$|^Canada\//,
    'CA',
  ],
  [/^Australia\//, 'AU'],
  [/^Pacific\/(Auckland|Chatham)$|^NZ$/, 'NZ'],
  [/^Europe\/Madrid$|^Atlantic\/Canary$|^Africa\/Ceuta$/, 'ES'],
  [
    /^America\/(Mexico_City|Monterrey|Merida|Cancun|Chihuahua|Hermosillo|Mazatlan|Tijuana|Matamoros|Ojinaga|Bahia_Banderas)$|^Mexico\//,
    'MX',
  ],
  [/^America\/(Argentina\/|Buenos_Aires$|Cordoba$|Mendoza$)/, 'AR'],
  [/^America\/(Santiago|Punta_Arenas)$|^Pacific\/Easter$|^Chile\//, 'CL'],
  [/^Europe\/Paris$/, 'FR'],
  [/^Europe\/(Berlin|Busingen)$/, 'DE'],
  [/^Asia\/(Kolkata|Calcutta)$/, 'IN'],
  [/^Africa\/Cairo$|^Egypt$/, 'EG'],
  [/^Asia\/Beirut$/, 'LB'],
];

/** Where this device says it is, without asking anyone: its time zone, else a language's region. */
function deviceRegion(): string | null {
  let zone = '';
  try {
    zone = Intl.DateTimeFormat().resolvedOptions().timeZone ?? '';
  } catch {
    /* no Intl time zones */
  }
  const byZone = ZONES.find(([pattern]) => pattern.test(zone))?.[1];
  if (byZone) return byZone;
  // A language says how someone reads more than where they are ("en-US" is many browsers'
  // default everywhere): it decides only when the time zone says nothing.
  for (const tag of globalThis.navigator?.languages ?? []) {
    const region = localeRegion(tag);
    if (region && HELP_LINES[region]) return region;
  }
  return null;
}

function localeRegion(locale: string): string | null {
  try {
    return new Intl.Locale(locale).region ?? null;
  } catch {
    return null;
  }
}

/**
 * The region: the one given, else the locale's region subtag (es-MX → MX), else what the device
 * already knows (its time zone, then its languages' regions), else none. Never a network request.
 */
export function regionOf(region: string | null | undefined, locale: string): string | null {
  if (region && /^[a-z]{2}$/i.test(region)) return region.toUpperCase();
  return localeRegion(locale) ?? deviceRegion();
}

export function safeHref(href: string | undefined): string | undefined {
  if (!href) return undefined;
  return /^(tel|sms):[+*#\d\s()-]+$/i.test(href) || /^https:\/\/[^\s]+$/i.test(href) ? href : undefined;
}
