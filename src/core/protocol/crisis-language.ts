/**
 * Language that may signal immediate danger, per language, matched on the device (no network),
 * case- and accent-insensitively. The collector runs the same table on the server to hold such
 * texts for review, so this module imports nothing from the browser.
 *
 * A match only ever shows help lines; it never blocks anyone from writing or sending. We still
 * avoid false alarms from everyday idioms ("this craving is killing me", "me muero de ganas",
 * "أموت شوقا"), because help lines that appear for nothing teach people to ignore them.
 * Borderline decisions are commented where they are made. Review with people who do crisis work
 * before changing anything here; tests/behaviour/crisis-language.test.ts holds the cases.
 *
 * Patterns are regular-expression sources over normalized text (see `normalize`: lowercase, no
 * accents), so they are written that way. English and
 * Spanish patterns match whole words; Arabic ones match inside words, since Arabic attaches
 * prefixes (و، ف، س، ل) to the word.
 */
import { unmask } from './unmask.js';
const en = [
  // Direct statements.
  'kill(ing)? my ?self',
  // "kms" (kill myself) is common in chat. After a number it means kilometres: "ran 10 kms".
  '(?<!\\d\\s?)kms',
  'kys', // said to someone else, an attack that also calls for a moderator's eye
  '(end|ending|take|taking) my (own )?life',
  'unaliv(e|ing) my ?self',
  '(want|wanna|going|gonna|ready|trying|plan|planning) (to )?die',
  'wish (i was|i were|i was) dead',
  "wish i (wasn't|wasnt|weren't|was not) (alive|here|born)",
  'suicid\\p{L}*',
  "(don't|dont|do not) want to (be alive|live|exist|wake up)",
  'no (reason|point) (to|in) (live|living|go on|going on|carry on)',
  'better off (without me|dead|if i (was|were) gone)',
  // Said of oneself, or at someone else: both need a moderator's eye before any member reads them.
  '(nobody|no one|noone) (would|will|is going to) (miss|notice) (me|you|if i|if you)',
  'kill your ?self',
  '(you should|go) die',
  'end (it|it all|everything|things)( all)? (tonight|today|now|soon|this week)',
  'end it all',
  // "I can't go on" is distress; "can't go on holiday" / "go on a walk" are not.
  "(can't|cant|cannot|can not) (go on|carry on|keep going)(?! (a|an|the|holiday|vacation|trips?|tour|stage|air|line|with the|to)\\b)",
  '(saying|say|said) (good ?bye|farewell) to (everyone|everybody|you all|all of you|the world)',
  "(this is|it's|its) (my )?goodbye",
  '(pills|tablets|meds) (saved|stockpiled|stashed|hoarded)',
  '(saved|saving|stockpiling|stockpiled|stashing|hoarding) (up )?(my |some |the )?(pills|tablets|meds)',
  // Self-harm as intent or habit. A bare "I hurt myself at the gym" is an injury, not a crisis.
  "(want|wanna|going|gonna|need|urges?|keep|might|thinking about|thought about|tempted|started|can't stop) (to )?(hurt|harm|cut|hurting|harming|cutting) my ?self",
  'cut my ?self (again|on purpose|deliberately)',
  'self[- ]?harm\\p{L}*',
  'overdos(e|ed|ing)',
  "(won't|wont|will not) be (here|around|alive) (tomorrow|much longer|anymore)",
  'jump (off|from) (a|the|my) (bridge|roof|building|balcony|cliff)',
  '(wrote|writing|written|leave|left) (a|my) (suicide |goodbye )?note (for|to) (my|everyone)',
  'disappear (forever|for good|permanently)',
  '(done|finished|tired) with (life|living|being alive)',
];

const es = [
  'matarme',
  'me (quiero|voy a) matar',
  'quitarme la vida',
  'suicid\\p{L}*',
  'desvivir(me)?', // the Spanish "unalive"
  '(quiero|quisiera|voy a) morir(me)?',
  'me quiero morir',
  'me voy a morir (hoy|esta noche|pronto)',
  'ojala (estuviera|estuviese) muert[oa]',
  'no quiero (vivir|seguir viviendo|estar viv[oa]|existir|despertar)',
  'no (tengo|hay|veo) (razon|razones|motivo|motivos|sentido) (para|de) (vivir|seguir)',
  'mejor sin mi',
  'nadie me (extranaria|echaria de menos)',
  '(acabar|terminar) con todo',
  // "No puedo más" is also how people speak of a long shift; it is not matched on its own.
  'no puedo (seguir|continuar)( (asi|adelante|viviendo))?(?! (con el|con la|con mi) (trabajo|curso|dieta))',
  'ya no (puedo|aguanto) (mas )?(vivir|seguir)',
  '(me despido|despedirme|despidiendome|despidiendo) de (todos|todo el mundo|ustedes|vosotros)',
  '(esta es|es) mi despedida',
  '(pastillas|pildoras) (guardadas|ahorradas|escondidas|juntadas)',
  '(guardado|guardando|juntado|juntando|acumulado|acumulando|escondido) (unas |las |mis )?(pastillas|pildoras)',
  '(hacerme|me voy a hacer|quiero hacerme) dano',
  'lastimarme',
  'autolesion\\p{L}*',
  'me (corte|volvi a cortar|sigo cortando)( otra vez| de nuevo)?(?! (el pelo|las unas|con))',
  'sobredosis',
  '(tirarme|lanzarme|aventarme) (de|desde) (un|el|la) (puente|edificio|techo|balcon|azotea)',
  'desaparecer para siempre',
  '(manana|pronto) ya no (estare|voy a estar)',
  '(cansad[oa]|harto|harta) de (vivir|la vida)',
  'dejar de existir',
];

const ar = [
  'انتحار',
  'انتحر',
  'انتحاري',
  'اقتل نفسي',
  'قتل نفسي',
  'اموت', // "أريد أن أموت"; "أموت شوقا" (dying to see you) is excluded below
  'الموت(?! (شوقا|ضحكا|من الضحك|جوعا))',
  'انهي حياتي',
  'انهاء حياتي',
  'انهي كل شي',
  'لا اريد ان اعيش',
  'لا اريد العيش',
  'لا اريد ان استيقظ',
  'لا استطيع (الاستمرار|ان استمر|ان اكمل|المواصله|التحمل اكثر)',
  '(لا (يوجد|يوجد لي|هناك|عندي)|ليس (لدي|عندي|لي)) (سبب|داعي|معني) (للعيش|للحياه|لاعيش)',
  'افضل بدوني',
  'لن يفتقدني احد',
  'اودع (الجميع|الكل|كل الناس)',
  'وداعي (للجميع|الاخير)',
  '(جمعت|خبات|خزنت|اجمع|اخبي) (ال)?(حبوب|اقراص)',
  '(حبوب|اقراص) (مخباه|مجمعه|مخزنه)',
  'اوذي نفسي',
  'ايذاء نفسي',
  'اذيت نفسي',
  'جرحت نفسي',
  'اجرح نفسي',
  'جرعه زائده',
  'اتمني لو كنت ميت',
  'اختفي (للابد|الي الابد)',
  'اقفز من (فوق )?(الجسر|جسر|السطح|المبني|الشرفه)',
  'لن اكون هنا غدا',
  'تعبت من (الحياه|العيش)',
];

/** Dying of longing, of laughing, of hunger: Arabic idioms around "أموت". */
const AR_IDIOMS = /اموت (شوقا|شوق|ضحكا|من الضحك|جوعا|من الجوع|من التعب|فيك|فيكي)/gu;

/** The tables, exported for review tools and tests. */
export const CRISIS_PATTERNS: Readonly<Record<'en' | 'es' | 'ar', readonly string[]>> = { en, es, ar };

/** Lowercase, no accents (á → a, ñ → n), Arabic without tashkeel and with one alef, yeh and teh-marbuta form, one apostrophe. */
export function normalize(text: string): string {
  return fold(text)
    .replace(/[’‘`´]/g, "'")
    .replace(/[^\p{L}\p{N}'\s-]+/gu, ' ')
    .replace(/\s+/g, ' ');
}

/** The letter-level part of `normalize` (NFD splits hamza seats such as أ ؤ ئ into letter + mark). */
function fold(text: string): string {
  return text
    .toLowerCase()
    .normalize('NFD')
    .replace(/[\u0300-\u036f\u064b-\u065f\u0670\u0640]/g, '')
    .replace(/[أإآ]/g, 'ا')
    .replace(/ى/g, 'ي')
    .replace(/ة/g, 'ه');
}

let compiled: RegExp | undefined;
function matcher(): RegExp {
  const word = (p: string) => `(?<![\\p{L}\\p{N}])(?:${p})(?![\\p{L}])`;
  return (compiled ??= new RegExp(
    [...en.map(word), ...es.map(word), ...ar.map((p) => `(?:${fold(p)})`)].join('|'),
    'u',
  ));
}

/** True when any text uses crisis language in any shipped language (people mix languages). */
export function suggestsCrisis(...texts: string[]): boolean {
  const haystack = normalize(unmask(texts.join(' \n '))).replace(AR_IDIOMS, ' ');
  return matcher().test(haystack);
}
