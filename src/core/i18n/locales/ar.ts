import type { Catalog } from '../index.js';

export default {
  'reaction.me-too': 'وأنا أيضًا',
  'reaction.understand': 'أفهمك',
  'reaction.strength': 'أرسل لك القوة',
  'reaction.helped': 'ساعدني هذا',
  'reactions.label': 'تفاعل مع هذا كنظير',
  'reactions.name': {
    zero: '{label}، لا أحد',
    one: '{label}، شخص واحد',
    two: '{label}، شخصان',
    few: '{label}، {count} أشخاص',
    many: '{label}، {count} شخصًا',
    other: '{label}، {count} شخص',
  },
  'reactions.name-zero': '{label}',
  'reactions.few': 'بعض الأشخاص',
  'reactions.name-few': '{label}، بعض الأشخاص',
  'reactions.announce': {
    zero: '{label}: لا أحد',
    one: '{label}: شخص واحد',
    two: '{label}: شخصان',
    few: '{label}: {count} أشخاص',
    many: '{label}: {count} شخصًا',
    other: '{label}: {count} شخص',
  },
  'reactions.unavailable': 'التفاعلات غير متاحة هنا الآن. لا يوجد خطأ من جهتك.',
  'reactions.readonly': 'ردود من الأقران',
} satisfies Catalog;
