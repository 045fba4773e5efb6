// Ford: F-150 loyalty, Mustang Mach-E and other EVs, recalls and dealerships.
import type { BrandScenario } from './types'

export const ford: BrandScenario = {
  id: 'ford',
  names: ['Ford', 'Ford', 'Ford', 'Ford', 'ford', 'FORD'],
  hashtags: ['#Ford'],
  handles: ['@Ford'],
  tags: ['#FordNation', '#F150', '#MachE', '#EV', '#recall', '#trucks', '#Bronco'],
  links: [
    'https://www.ford.com/support/recalls',
    'https://www.ford.com/trucks/f150',
    'https://news.example.com/ford-recall-notice',
    'https://news.example.com/ev-sales-quarterly',
  ],
  support: { handle: 'FordService', name: 'Ford Service', followers: 96_000 },
  mix: { complaint: 0.22, praise: 0.28, question: 0.15, sarcasm: 0.07, neutral: 0.28 },
  mediaRate: 0.2,
  keywords: [['ford']],
  slots: {
    support: ['@Ford', '@FordService'],
    model: [
      'F-150', 'F-150', 'F-150 Lightning', 'Mustang Mach-E', 'Mustang Mach-E', 'Mustang', 'Bronco', 'Bronco Sport', 'Explorer',
      'Escape', 'Maverick', 'Ranger', 'Expedition', 'Transit',
    ],
    part: ['transmission', 'infotainment screen', 'backup camera', 'BlueCruise', 'tailgate', '12V battery', 'seat belt chime', 'charge port'],
    miles: (s) => `${s.rng.int(3, 180)},${s.rng.pick(['000', '500', '200'])} miles`,
    dealer: ['dealership', 'dealer', 'service center'],
  },
  templates: {
    en: {
      complaint: [
        'My {brand} {model} has been at the {dealer} for {n} weeks waiting on a part. Ridiculous {neg}',
        'Third recall notice this year for my {brand} {model}. Worried and annoyed.',
        '{brand} {dealer} in {city} tried to charge me {bill} over MSRP. Awful.',
        'The {part} on my {brand} {model} died at {miles}. Frustrated.',
        '{support} the recall repair on my {brand} {model} is backordered and I have no loaner. Frustrating.',
        'Horrible experience at the {brand} {dealer} today. Nobody returned my calls {neg}',
        '{brand} {model} {part} keeps glitching. Dangerous on the highway.',
      ],
      praise: [
        'Just hit {miles} on my {brand} {model} and it still runs like new {pos}',
        'Picked up my new {brand} {model} today. In love {pos}',
        '{brand} {model} towed our camper across three states like a champ. Great truck.',
        'The {brand} {dealer} in {city} was honest and fast. Rare and appreciated {pos}',
        'Mach-E road trip done, {brand} charging was easier than I expected {pos}',
        'Nothing beats the sound of a {brand} Mustang on a Sunday morning. Love it {pos}',
        'My dad’s {brand} F-150 is older than me and still going strong. Proud.',
      ],
      question: [
        'Is the {brand} {model} recall for the {part} covering {n} model years? {q}',
        'Anyone with a {brand} {model}: how is the real-world range in winter?',
        '{support} how do I check if my {brand} {model} has an open recall?',
        'Lease or buy the {brand} {model}? Help me decide {q}',
        'Does the {brand} {model} get BlueCruise as an update?',
      ],
      sarcasm: [
        'My {brand} {model} spends more time at the {dealer} than in my driveway {sarc}',
        'Love getting a {brand} recall letter the day after my warranty ends {sarc}',
        '"Found On Road Dead" jokes never get old, right {brand} owners? {sarc}',
      ],
      neutral: [
        '{brand} issues recall for {nn},000 {model} vehicles over {part} issue.',
        '{brand} reports EV sales up {nn}% this quarter.',
        '{brand} unveils the updated {model} at the auto show.',
        'Test drove a {brand} {model} today. Thinking about it.',
        '{brand} to add {nn}00 jobs at its plant near {city}.',
        '{brand} cuts the price of the {model} by ${nn}00 in some markets.',
        'Saw a {brand} {model} in that new blue today. Clean.',
      ],
      viral: [
        'Power out for {hours} hours in {city} and our {brand} F-150 Lightning is running the fridge and the lights. Amazing {pos}',
        'This {brand} Bronco climbing out of the flood water is the most impressive thing I have seen all week {pos}',
        'Grandpa’s 1966 {brand} Mustang just won best in show. Beautiful car {pos}',
      ],
      support: [
        'We’re sorry to hear about your experience with your Ford. Please DM us your VIN and we will reach out to the dealer. ^{initials}',
        'Congrats on the new Ford! Enjoy every mile 💙',
      ],
    },
    es: {
      praise: ['Mi {brand} {model} es la mejor compra que he hecho {pos}'],
      complaint: ['Tres semanas en el taller de {brand} esperando una pieza {neg}'],
      neutral: ['{brand} anuncia nueva {model} para México.'],
    },
    pt: {
      neutral: ['{brand} anuncia recall do {model} por problema no {part}.'],
      praise: ['Minha {brand} Ranger não me deixa na mão nunca {pos}'],
    },
    fr: { neutral: ['{brand} rappelle des {model} pour un problème de {part}.'] },
    de: {
      praise: ['Unser {brand} Transit ist einfach unverwüstlich {pos}'],
      neutral: ['{brand} baut das Werk in Köln für Elektroautos um.'],
    },
  },
}
