// Slots every brand's templates may use (cities, times, numbers, emoji) and
// the short lead-ins of replies and quotes. Brand files override by name.
import type { RenderState, SlotSource } from './types'

export const CITIES = [
  'Philadelphia',
  'Chicago',
  'Denver',
  'Atlanta',
  'Houston',
  'Seattle',
  'Boston',
  'Miami',
  'Portland',
  'Minneapolis',
  'Nashville',
  'Detroit',
  'Pittsburgh',
  'Baltimore',
  'San Francisco',
  'Sacramento',
  'Salt Lake City',
  'Jacksonville',
  'Indianapolis',
  'Washington DC',
  'Fort Lauderdale',
  'Albuquerque',
  'Knoxville',
  'Chattanooga',
  'Naples',
  'Oakland',
  'Tacoma',
  'Boulder',
  'Ann Arbor',
  'Savannah',
] as const

const TIMES = ['7am', '8:15', '9am', '10:30', 'noon', '1:30', '3pm', '4:45', '6pm', '8pm', '10pm', 'midnight', '2am']
const DAYS = [
  'Monday',
  'Tuesday',
  'Wednesday',
  'Thursday',
  'Friday',
  'Saturday',
  'Sunday',
  'yesterday',
  'last night',
  'this morning',
]

const NEGATIVE_EMOJI = ['😡', '😤', '😩', '😠', '😫', '💀', '😞', '🤦', '🤦‍♀️', '🤦‍♂️']
const POSITIVE_EMOJI = ['😍', '🙌', '❤️', '💙', '🎉', '👏', '😊', '🥳', '✨', '🔥', '💯', '🙏']
const SARCASTIC_EMOJI = ['🙃', '🙄', '😂', '👏👏', '🤡', '😅', '🫠']
const QUESTION_EMOJI = ['🤔', '🙏', '👀', '🧐', '❓']

const int = (min: number, max: number) => (s: RenderState) => String(s.rng.int(min, max))

export const COMMON_SLOTS: Record<string, SlotSource> = {
  city: CITIES,
  /** A city hit by the current outage; any city when calm. */
  scity: (s) => (s.stormCities ? s.rng.pick(s.stormCities) : s.rng.pick(CITIES)),
  time: TIMES,
  day: DAYS,
  n: int(2, 9),
  nn: int(10, 99),
  hours: int(2, 14),
  mins: int(15, 95),
  price: (s) => `$${s.rng.int(2, 39)}.${s.rng.pick(['99', '49', '29', '00', '79'])}`,
  bill: (s) => `$${s.rng.int(89, 289)}`,
  neg: NEGATIVE_EMOJI,
  pos: POSITIVE_EMOJI,
  sarc: SARCASTIC_EMOJI,
  q: QUESTION_EMOJI,
  friend: (s) => s.friend(),
}

/** Emoji appended now and then, by the tone of the post. */
export const TONE_EMOJI = {
  complaint: NEGATIVE_EMOJI,
  outage: NEGATIVE_EMOJI,
  praise: POSITIVE_EMOJI,
  viral: POSITIVE_EMOJI,
  sarcasm: SARCASTIC_EMOJI,
  question: QUESTION_EMOJI,
  neutral: ['📰', '👀', '📈', '🗞️', '📣'],
  support: ['🙏', '💙'],
} as const

/** Lead-ins that turn an ordinary post into a reply: agreement, add-ons. */
export const REPLY_LEADS: Record<string, readonly string[]> = {
  en: [
    'Same here.',
    'This.',
    'Can confirm.',
    'Same thing happened to me.',
    'Ha, exactly.',
    '+1',
    'Not just you.',
    'Honestly?',
    'Wait, really?',
    'Yep.',
  ],
  es: ['Lo mismo aquí.', 'Totalmente.', '¡Igual!', 'Confirmo.'],
  fr: ['Pareil ici.', 'Exactement.', 'Je confirme.'],
  de: ['Bei mir auch.', 'Genau so.', 'Kann ich bestätigen.'],
  pt: ['Aqui também.', 'Exatamente.', 'Confirmo.'],
}

/** Lead-ins of a quote post commenting on the quoted one. */
export const QUOTE_LEADS: Record<string, readonly string[]> = {
  en: [
    '👇',
    'lol.',
    'Called it.',
    'Every single time.',
    'Big if true.',
    'This is the one.',
    'Adding my two cents:',
    'Context:',
    'Not surprised.',
  ],
  es: ['Jaja.', 'Lo sabía.', 'Ojo con esto:'],
  fr: ['Voilà.', 'Sans surprise.'],
  de: ['Tja.', 'Wie erwartet.'],
  pt: ['Kkkk.', 'Olha isso:'],
}
