import type { Catalog } from '../index.js';

export default {
  'reaction.me-too': 'A mí también',
  'reaction.understand': 'Te entiendo',
  'reaction.strength': 'Te envío fuerza',
  'reaction.helped': 'Esto me ayudó',
  'reactions.label': 'Responde a esto como par',
  'reactions.name': { one: '{label}, {count} persona', other: '{label}, {count} personas' },
  'reactions.name-zero': '{label}',
  'reactions.few': 'Algunas personas',
  'reactions.name-few': '{label}, algunas personas',
  'reactions.announce': { one: '{label}: {count} persona', other: '{label}: {count} personas' },
  'reactions.unavailable': 'Las reacciones no están disponibles aquí ahora mismo. No es nada de tu parte.',
  'reactions.readonly': 'Respuestas de otros pares',
} satisfies Catalog;
