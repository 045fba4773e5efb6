// Whole Foods: prices ("Whole Paycheck"), produce, the hot bar, and Amazon
// Prime discounts at the register.
import type { BrandScenario } from './types'

export const wholefoods: BrandScenario = {
  id: 'wholefoods',
  // Two words most of the time; "WholeFoods" is one token, which columns also use.
  names: [
    'Whole Foods',
    'Whole Foods',
    'Whole Foods',
    'Whole Foods',
    'whole foods',
    'Whole Foods Market',
    'WholeFoods',
  ],
  hashtags: ['#WholeFoods'],
  handles: ['@WholeFoods'],
  tags: ['#groceries', '#organic', '#PrimeDeals', '#mealprep', '#foodie'],
  links: [
    'https://www.wholefoodsmarket.com/sales-flyer',
    'https://www.wholefoodsmarket.com/amazon',
    'https://news.example.com/grocery-prices-report',
  ],
  support: { handle: 'WholeFoods', name: 'Whole Foods Market', followers: 1_004_100 },
  mix: { complaint: 0.25, praise: 0.25, question: 0.15, sarcasm: 0.12, neutral: 0.23 },
  mediaRate: 0.14,
  keywords: [['whole', 'foods'], ['wholefoods']],
  slots: {
    support: ['@WholeFoods'],
    item: [
      'avocados',
      'strawberries',
      'wild salmon',
      'kombucha',
      'sourdough',
      'organic kale',
      'almond milk',
      'hot bar mac and cheese',
      'sushi',
      'rotisserie chicken',
      'heirloom tomatoes',
      'oat milk',
      'cold brew',
      'mangoes',
      'blueberries',
      'cauliflower rice',
    ],
    dept: ['produce section', 'bakery', 'hot bar', 'seafood counter', 'cheese counter', 'flower stand', 'salad bar'],
    pct: ['10%', '20%', '25%', '30%', '40%'],
  },
  templates: {
    en: {
      complaint: [
        '{price} for {item} at {brand}. Whole Paycheck strikes again. Ridiculous {neg}',
        'The {brand} in {city} was out of {item} again. Empty shelves everywhere.',
        'Moldy {item} from {brand} today. Really disappointed.',
        '{brand} Prime discount didn’t ring up at checkout and the line was {nn} people long. Annoying.',
        'Why is the {brand} {dept} always a mess on {day}? Frustrating.',
        '{brand} delivery forgot half my order. Again. So annoying {neg}',
        'Spent {bill} at {brand} and got three bags. Terrible value.',
        '{brand} parking lot in {city} is a nightmare every single weekend. Awful.',
      ],
      praise: [
        'The {brand} {dept} in {city} is honestly beautiful today {pos}',
        '{brand} {item} are incredible this week. Perfect ripeness {pos}',
        'Prime deal at {brand}: {item} {pct} off. Love it.',
        'Cashier at {brand} gave my kid a free sticker and a banana. Sweet people {pos}',
        '{brand} hot bar saved my lunch break. Delicious as always.',
        'Best {item} I have ever bought came from {brand}. Worth every cent {pos}',
      ],
      question: [
        'Does {brand} still do the extra {pct} off for Prime members on {item}? {q}',
        'Is the {brand} in {city} open on holidays?',
        '{support} will the {item} be back in stock soon?',
        'What’s actually good at the {brand} hot bar? Need recs {q}',
        'Can you return opened {item} at {brand}? Asking for a friend.',
      ],
      sarcasm: [
        'Went into {brand} for one thing. Left with {n} things and no savings account {sarc}',
        'Love paying {price} for a single artisanal {item} at {brand}. Very normal {sarc}',
        '{brand} sample lady is the only reason I go outside on weekends {sarc}',
        'Nothing humbles you like the {brand} receipt {sarc}',
      ],
      neutral: [
        '{brand} opens a new store in {city} next month.',
        '{brand} weekly sale: {item} and more through {day}.',
        'Picking up {item} at {brand} after work.',
        'Report: {brand} expands Amazon Prime discounts to more stores.',
        '{brand} is testing palm-scan checkout in {city}.',
        'Grocery list: {item}, coffee, bread. {brand} run.',
      ],
      viral: [
        'The {brand} cheese guy in {city} just gave the whole line a tasting tour. Wholesome and wonderful {pos}',
        '{brand} donating every unsold {item} to local shelters this week. Love to see it {pos}',
      ],
      support: [
        'We’re sorry your Whole Foods order was incomplete. Please DM us your order number and we’ll make it right. ^{initials}',
        'Thanks for shopping Whole Foods Market! We’ll share this with the team in {city} 💚',
      ],
    },
    es: {
      complaint: ['Carísimo todo en {brand}, {price} por {item} {neg}'],
      praise: ['Me encanta la sección de frutas de {brand} {pos}'],
      question: ['¿{brand} tiene descuento de Prime en {item}? {q}'],
    },
    pt: {
      neutral: ['Passei no {brand} para comprar {item}.'],
      praise: ['O pão do {brand} é maravilhoso {pos}'],
    },
    fr: {
      complaint: ['Tout est hors de prix chez {brand}. {price} les {item} !'],
      praise: ['Le rayon fromages de {brand} à {city}, un rêve {pos}'],
    },
    de: {
      neutral: ['Heute bei {brand} in {city} eingekauft, teuer aber gut.'],
      question: ['Gibt es bei {brand} noch den Prime-Rabatt? {q}'],
    },
  },
}
