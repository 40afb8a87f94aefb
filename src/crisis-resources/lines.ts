/** A help line. `href` is `tel:`, `sms:` or `https:`; anything else is dropped. */
export interface HelpLine {
  name: string;
  contact: string;
  href?: string;
  hours?: string;
}

/**
 * Free, confidential crisis lines by region (ISO 3166-1 alpha-2). Those checked 2026-11-25 were
 * compared with the publisher's own pages and with the ThroughLine / progress.guide directories as
 * stored then; those checked 2026-12-02 with the publisher's pages where stored (113.nl, mind.se,
 * 143.ch) and otherwise with at least two independent reports naming the number and its hours.
 * None was dialled from here. These numbers change: people who do crisis work in each
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
  // cvv.org.br, Centro de Valorização da Vida: 188 free nationwide since 2018. Checked 2026-12-02.
  BR: [{ name: 'CVV – Centro de Valorização da Vida', contact: '188', href: 'tel:188', hours: '24 h' }],
  // 113.nl, 113 Zelfmoordpreventie: 113 free since October 2025, 0800-0113 free. Checked 2026-12-02.
  NL: [
    { name: '113 Zelfmoordpreventie', contact: '113', href: 'tel:113', hours: '24/7' },
    { name: '113 Zelfmoordpreventie', contact: '0800-0113', href: 'tel:08000113', hours: '24/7' },
  ],
  // telefonseelsorge.at, Notruf 142, free from any phone. Checked 2026-12-02.
  AT: [{ name: 'TelefonSeelsorge', contact: '142', href: 'tel:142', hours: '24/7' }],
  // 143.ch, Die Dargebotene Hand / La Main Tendue, for Switzerland and Liechtenstein. Checked 2026-12-02.
  CH: [{ name: 'Die Dargebotene Hand – Tel 143', contact: '143', href: 'tel:143', hours: '24/7' }],
  LI: [{ name: 'Die Dargebotene Hand – Tel 143', contact: '143', href: 'tel:143', hours: '24/7' }],
  // mind.se, Självmordslinjen (Mind). Checked 2026-12-02.
  SE: [{ name: 'Självmordslinjen (Mind)', contact: '90101', href: 'tel:90101', hours: '24/7' }],
  // mohw.go.kr, 자살예방 상담전화 109 (one national number since 2024-01-01). Checked 2026-12-02.
  KR: [{ name: '자살예방 상담전화', contact: '109', href: 'tel:109', hours: '24/7' }],
  // sos.org.sg, Samaritans of Singapore. Checked 2026-12-02.
  SG: [{ name: 'Samaritans of Singapore', contact: '1767', href: 'tel:1767', hours: '24/7' }],
  // sadag.org, SADAG Suicide Crisis Helpline. Checked 2026-12-02.
  ZA: [{ name: 'SADAG Suicide Crisis Helpline', contact: '0800 567 567', href: 'tel:0800567567', hours: '24/7' }],
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
  [
    /^America\/(Sao_Paulo|Rio_Branco|Manaus|Porto_Velho|Boa_Vista|Cuiaba|Campo_Grande|Belem|Fortaleza|Recife|Maceio|Bahia|Araguaina|Santarem|Noronha|Eirunepe)$|^Brazil\//,
    'BR',
  ],
  [/^Europe\/Amsterdam$/, 'NL'],
  [/^Europe\/Vienna$/, 'AT'],
  [/^Europe\/Zurich$/, 'CH'],
  [/^Europe\/Vaduz$/, 'LI'],
  [/^Europe\/Stockholm$/, 'SE'],
  [/^Asia\/Seoul$|^ROK$/, 'KR'],
  [/^Asia\/Singapore$|^Singapore$/, 'SG'],
  [/^Africa\/Johannesburg$/, 'ZA'],
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
