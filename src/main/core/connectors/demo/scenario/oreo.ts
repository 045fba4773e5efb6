// Oreo: new and limited flavours, dunking, and the "you can still dunk in the
// dark" blackout post: the textbook real-time marketing moment.
import type { BrandScenario } from './types'

export const oreo: BrandScenario = {
  id: 'oreo',
  // "Oreos" is a different token, so plural forms stay rare.
  names: ['Oreo', 'Oreo', 'Oreo', 'Oreo', 'OREO', 'oreo'],
  hashtags: ['#Oreo'],
  handles: ['@Oreo'],
  tags: ['#OreoCookie', '#snacktime', '#dunkinthedark', '#cookies', '#limitededition'],
  links: ['https://www.oreo.com/flavors', 'https://news.example.com/snack-brand-marketing'],
  support: { handle: 'Oreo', name: 'OREO Cookie', followers: 1_420_000 },
  mix: { complaint: 0.1, praise: 0.45, question: 0.12, sarcasm: 0.08, neutral: 0.25 },
  mediaRate: 0.22,
  keywords: [['oreo']],
  slots: {
    support: ['@Oreo'],
    flavor: [
      'Double Stuf',
      'Golden',
      'Mint',
      'Birthday Cake',
      'Peanut Butter',
      'Mega Stuf',
      'Thins',
      'Pistachio',
      'Churro',
      'Lemon',
      'Red Velvet',
      'Mocha',
    ],
    drink: ['milk', 'oat milk', 'cold milk', 'coffee', 'hot chocolate'],
  },
  templates: {
    en: {
      complaint: [
        'Why does my {brand} {flavor} pack have {n} broken cookies in it {neg}',
        'The new {brand} {flavor} tastes artificial. Disappointed.',
        '{brand} shrinkflation is real, this sleeve used to be longer. Sad {neg}',
      ],
      praise: [
        '{brand} {flavor} is the best flavor they have ever made. Fight me {pos}',
        'Dunked an {brand} in {drink} at {time}. Pure happiness {pos}',
        'Found the limited {brand} {flavor} at a gas station in {city}. Best day ever {pos}',
        'Twist, then dunk. The {brand} ritual is the best part of my day {pos}',
        'My kid’s first {brand}. The face. Priceless, so cute {pos}',
        '{brand} and {drink} is a perfect combination. Happy {pos}',
      ],
      question: [
        'Is the {brand} {flavor} coming back? {q}',
        'Team twist or team dunk? {brand} people, vote.',
        'Where can I find {brand} {flavor} in {city}?',
        '{support} are the {flavor} ones gluten free?',
      ],
      sarcasm: [
        'Told myself one {brand}. The sleeve is gone {sarc}',
        'Healthy dinner tonight: {drink} and {n} {brand} cookies {sarc}',
      ],
      neutral: [
        '{brand} announces a limited {flavor} edition for spring.',
        '{brand} marketing team strikes again with a timely post.',
        'Grocery run: {drink}, bread, {brand} {flavor}.',
        '{brand} celebrates another birthday with a special pack.',
        'Taste test: ranking every {brand} flavor so you don’t have to 🧵',
      ],
      viral: [
        'Power out? {brand} says you can still dunk in the dark. Marketing at its best {pos}',
        'The {brand} "you can still dunk in the dark" post just won the night {pos}',
        'Lights went out and {brand} had a perfect post up in minutes. Brilliant social team {pos}',
        '{brand} just replied to everyone in the blackout with cookie jokes. Love this brand {pos}',
        'Whoever runs the {brand} account deserves a raise. Brilliant. Still dunking in the dark 🌑🥛',
        '{brand} dunk in the dark is trending and I love it {pos}',
      ],
      support: [
        'Twist, lick, dunk, repeat. Thanks for loving Oreo 🥛',
        'We hear you! Please DM us the code on the Oreo pack and we’ll make it right. ^{initials}',
      ],
    },
    es: {
      praise: ['Las {brand} con leche son lo mejor del mundo {pos}'],
      question: ['¿Dónde venden {brand} {flavor} en Madrid? {q}'],
    },
    pt: {
      praise: ['Nada melhor que {brand} com leite gelado {pos}'],
      neutral: ['{brand} lança sabor novo no Brasil.'],
    },
    fr: { praise: ['Les {brand} au goût {flavor}, un vrai délice {pos}'] },
    de: {
      neutral: ['{brand} bringt eine neue Sorte nach Deutschland.'],
      praise: ['{brand} in Milch tunken, bester Snack {pos}'],
    },
  },
}
