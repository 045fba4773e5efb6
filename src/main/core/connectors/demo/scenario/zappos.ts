// Zappos: legendary customer service, free returns, very long phone calls.
import type { BrandScenario } from './types'

export const zappos: BrandScenario = {
  id: 'zappos',
  names: ['Zappos', 'Zappos', 'Zappos', 'zappos', 'ZAPPOS'],
  hashtags: ['#Zappos'],
  handles: ['@Zappos'],
  tags: ['#customerservice', '#shoes', '#sneakers', '#returns'],
  links: [
    'https://www.zappos.com/c/shipping-and-returns',
    'https://www.zappos.com/c/about',
    'https://news.example.com/retail-customer-service-rankings',
  ],
  support: { handle: 'Zappos_Service', name: 'Zappos Service', followers: 118_000 },
  mix: { complaint: 0.1, praise: 0.55, question: 0.15, sarcasm: 0.03, neutral: 0.17 },
  mediaRate: 0.12,
  keywords: [['zappos']],
  slots: {
    support: ['@Zappos_Service', '@Zappos'],
    item: [
      'running shoes',
      'boots',
      'sneakers',
      'sandals',
      'hiking boots',
      'dress shoes',
      'a rain jacket',
      'kids’ shoes',
      'slippers',
      'work boots',
    ],
  },
  templates: {
    en: {
      complaint: [
        'My {brand} return has been "processing" for {n} weeks now. Frustrated.',
        '{brand} sent the wrong size twice. Disappointed, usually they’re great.',
        '{support} tracking says delivered, porch says otherwise. Really disappointing {neg}',
        'The {item} from {brand} fell apart after a month. Bad quality {neg}',
      ],
      praise: [
        '{brand} customer service is still the best on the planet. Return done in 2 minutes {pos}',
        'Called {brand} about {item} and ended up chatting about dogs for 20 minutes. Lovely human {pos}',
        '{brand} upgraded my shipping for free because it was a birthday gift. Who does that? Amazing.',
        '365 day returns at {brand} means I actually try things. Love it {pos}',
        'The {brand} rep found me {item} in my size when every other site was sold out. Heroes.',
        'Free returns, free shipping, real humans on the phone. {brand} gets it {pos}',
        'Ordered {item} from {brand} at {time}, at my door the next morning. Wow {pos}',
      ],
      question: [
        'Does {brand} still do free returns on {item}? {q}',
        '{support} can I exchange {item} for a different color without returning first?',
        'Is {brand} VIP shipping worth it?',
        'Anyone know how long {brand} refunds take to hit the card?',
      ],
      sarcasm: ['Me: I’ll just browse {brand} for five minutes. Also me, {n} pairs of {item} later {sarc}'],
      neutral: [
        '{brand} ranks top {n} in the annual customer service survey again.',
        'Ordered {item} from {brand}, fingers crossed on the size.',
        '{brand} launches a new adaptive shoe collection.',
        'Returning {item} to {brand}. Didn’t fit.',
      ],
      viral: [
        'A {brand} rep stayed on the phone with a lonely customer for {hours} hours just to talk. Still the best story in retail {pos}',
        '{brand} sent flowers to a customer who couldn’t return shoes because of a family loss. Kindness wins {pos}',
        'Just learned {brand} will overnight shoes to your wedding venue for free. Absolute legends {pos}',
      ],
      support: [
        'Oh no! We’re so sorry about that. Please DM us your Zappos order number and we’ll get this fixed right away. ^{initials}',
        'Thank you for the kind words! Happy to have you in the Zappos family 💙',
      ],
    },
    es: { praise: ['El servicio al cliente de {brand} es increíble, devolución en minutos {pos}'] },
    pt: { praise: ['Atendimento da {brand} é outro nível, troca super rápida {pos}'] },
    fr: { praise: ['Le service client de {brand} est incroyable {pos}'] },
    de: { question: ['Liefert {brand} eigentlich auch nach Deutschland? {q}'] },
  },
}
