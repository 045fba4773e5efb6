// JetBlue: delays and cancellations on one side, much-loved crews, snacks and
// seatback TV on the other; the airline that made Twitter a help desk.
import type { BrandScenario } from './types'

export const jetblue: BrandScenario = {
  id: 'jetblue',
  names: ['JetBlue', 'JetBlue', 'JetBlue', 'Jetblue', 'jetblue', 'JETBLUE'],
  hashtags: ['#JetBlue'],
  handles: ['@JetBlue'],
  tags: ['#travel', '#delayed', '#avgeek', '#TravelTuesday', '#flying'],
  links: [
    'https://www.jetblue.com/flight-tracker',
    'https://www.jetblue.com/travel-alerts',
    'https://news.example.com/jetblue-route-announcement',
  ],
  support: { handle: 'JetBlue', name: 'JetBlue Airways', followers: 1_860_000 },
  mix: { complaint: 0.32, praise: 0.28, question: 0.15, sarcasm: 0.08, neutral: 0.17 },
  mediaRate: 0.15,
  keywords: [['jetblue']],
  slots: {
    support: ['@JetBlue'],
    airport: ['JFK', 'BOS', 'FLL', 'MCO', 'LGA', 'EWR', 'SJU', 'LAX', 'TPA', 'PBI', 'BUF', 'DCA', 'SFO'],
    dest: [
      'Fort Lauderdale',
      'San Juan',
      'Orlando',
      'Boston',
      'Aruba',
      'Cancún',
      'Nassau',
      'London',
      'Paris',
      'Santo Domingo',
      'Los Angeles',
    ],
    flight: (s) => `flight ${s.rng.int(101, 2899)}`,
    perk: ['the free Wi-Fi', 'the blue chips', 'Terra Blues', 'the snack basket', 'the legroom', 'seatback TV', 'Mint'],
    crew: ['flight attendants', 'crew', 'gate agent', 'pilot', 'cabin crew'],
  },
  templates: {
    en: {
      complaint: [
        '{brand} {flight} delayed {hours} hours at {airport} and nobody will tell us why {neg}',
        'Cancelled. At the gate. {brand} rebooked me for {day}. Terrible.',
        '{support} my bag went to {dest} and I went to {airport}. {brand} lost my luggage. Worst trip ever {neg}',
        'Stuck on the tarmac at {airport} for {mins} minutes with {brand}. AC off. Awful {neg}',
        '{brand} changed my flight time three times this week. So frustrating.',
        'Paid for Even More Space on {brand}, seat was broken. Want a refund.',
        'Third delay notification from {brand} in an hour. Missed my connection {neg}',
        '{brand} customer service line: {nn} minute wait. Not okay. Terrible.',
        'Gate change, delay, gate change again. {brand} at {airport} is chaos today {neg}',
      ],
      praise: [
        'The {brand} {crew} on my {airport} to {dest} flight were amazing. Thank you! {pos}',
        'Nobody does it like {brand}: {perk} and a smile. Great flight {pos}',
        '{brand} rebooked me in two minutes without me even asking. Love this airline.',
        'Shoutout to the {brand} {crew} who helped my grandma through {airport}. Wonderful people {pos}',
        '{brand} Mint to {dest} was the best flight of my life. Worth it {pos}',
        'Early arrival into {airport} on {brand} AND {perk}. Happy traveler.',
        '{brand} {crew} made a birthday announcement for my daughter. She was thrilled {pos}',
      ],
      question: [
        '{support} is {flight} from {airport} still on time? App shows two different things {q}',
        'Does {brand} let you bring a carry-on on Blue Basic now?',
        'Anyone flown {brand} Mint to {dest}? Worth the upgrade? {q}',
        'How long does a {brand} travel credit take to show up?',
        '{support} can I switch to an earlier flight to {dest} today?',
        'Is {brand} still doing free Wi-Fi on every flight?',
      ],
      sarcasm: [
        'Nothing says vacation like a {hours} hour {brand} delay at {airport} {sarc}',
        'Love that {brand} gave us a $15 voucher for a 6 hour delay. Living large {sarc}',
        '{brand} boarding process is my cardio for the week {sarc}',
        'Pilot just said "we’ll be moving shortly" for the fourth time. Classic {brand} {sarc}',
      ],
      neutral: [
        '{brand} adds new nonstop service from {airport} to {dest} starting this fall.',
        '{brand} reports on-time performance of {nn}% last month.',
        'Boarding {brand} to {dest} now. See you on the other side ✈️',
        '{brand} updates its travel policy ahead of the holidays.',
        'Watching {brand} planes land at {airport} while I wait. Peaceful.',
        'Report: {brand} considering new routes to Europe from {airport}.',
      ],
      viral: [
        'The {brand} pilot ordered pizza for the whole plane at {airport}. Legends, love this crew {pos}',
        '{brand} crew threw a surprise party for a passenger’s 90th birthday mid-flight. I’m crying {pos}',
        'This {brand} gate agent singing the boarding announcements is the best thing on the internet today {pos}',
        'Everyone on my {brand} flight clapped for the crew. Best airline, no contest {pos}',
      ],
      support: [
        'We’re sorry about the delay on your JetBlue flight. Please DM us your confirmation code and we’ll take a look at options. ^{initials}',
        'Thanks for flying JetBlue with us! We’ll pass your kind words to the crew 💙',
        'We apologize for the trouble with your bag on JetBlue. Please DM us the file reference and we’ll follow up. ^{initials}',
      ],
    },
    es: {
      complaint: [
        '{brand} canceló mi vuelo a {dest} sin explicación {neg}',
        'Tres horas de retraso con {brand} en {airport}. Qué mal.',
      ],
      praise: ['Excelente vuelo con {brand} a San Juan, la tripulación un encanto {pos}'],
      question: ['¿Alguien sabe si {brand} permite maleta de mano en Blue Basic? {q}'],
    },
    pt: {
      praise: ['Voo tranquilo com a {brand} até Orlando, equipe nota dez {pos}'],
      complaint: ['Meu voo da {brand} atrasou {hours} horas em {airport}. Que chato {neg}'],
    },
    fr: {
      neutral: ['{brand} lance un vol direct Boston–Paris cet été.'],
      praise: ['Très bon vol avec {brand}, équipage adorable {pos}'],
    },
    de: {
      neutral: ['{brand} fliegt jetzt nonstop von New York nach Amsterdam.'],
      complaint: ['Flug mit {brand} in {airport} gestrichen. Super ärgerlich {neg}'],
    },
  },
}
