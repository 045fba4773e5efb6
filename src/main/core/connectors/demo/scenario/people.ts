// Name parts the author pool is built from, by language, plus a few invented
// outlets (verified, large audiences) that post the neutral news.
import type { DemoLang } from './types'

export interface NameParts {
  first: readonly string[]
  last: readonly string[]
}

export const NAMES: Record<DemoLang, NameParts> = {
  en: {
    first: [
      'Emily', 'Jake', 'Olivia', 'Marcus', 'Aisha', 'Tyler', 'Hannah', 'DeShawn', 'Priya', 'Connor', 'Megan', 'Jamal',
      'Sophie', 'Ethan', 'Grace', 'Nate', 'Kayla', 'Brandon', 'Zoë', 'Liam', 'Maya', 'Chris', 'Tasha', 'Ryan', 'Lauren',
      'Kevin', 'Brianna', 'Sam', 'Jess', 'Andre', 'Molly', 'Derek', 'Nina', 'Omar', 'Rachel', 'Travis', 'Chloe', 'Devin',
      'Wei', 'Hiroshi', 'Siobhán', 'Renée', 'Mateus', 'Kofi', 'Anya', 'Raj', 'Leilani', 'Bea', 'Dmitri', 'Noor',
    ],
    last: [
      'Carter', 'Nguyen', 'Patel', 'Johnson', 'Murphy', 'Kim', 'Rivera', 'Brooks', 'Walsh', 'Chen', 'Okafor', 'Hughes',
      'Bennett', 'Sullivan', 'Reyes', 'Foster', 'Kowalski', 'Washington', 'Park', 'Delgado', 'Fitzgerald', 'Shapiro',
      'Coleman', 'Ramos', 'Lindqvist', 'Brennan', 'Tanaka', 'Ó Briain', 'Haddad', 'Jefferson', 'Mensah', 'Lopez',
      'Ivanova', 'Schwartz', 'Dubois', 'Moreau', 'Abernathy', 'Singh', 'Young', 'Price',
    ],
  },
  es: {
    first: ['José', 'María', 'Alejandro', 'Lucía', 'Sofía', 'Andrés', 'Camila', 'Javier', 'Valentina', 'Diego', 'Inés', 'Raúl', 'Ana María', 'Joaquín'],
    last: ['García', 'Martínez', 'Rodríguez', 'Hernández', 'López', 'Peña', 'Muñoz', 'Ibáñez', 'Castillo', 'Ortega', 'Núñez', 'Vargas'],
  },
  fr: {
    first: ['François', 'Hélène', 'Chloé', 'Mathieu', 'Léa', 'Amélie', 'Étienne', 'Océane', 'Jérôme', 'Camille', 'Noémie'],
    last: ['Lefèvre', 'Dubois', 'Moreau', 'Girard', 'Rousseau', 'Bélanger', 'Lambert', 'Mercier', 'Côté', 'Fontaine'],
  },
  de: {
    first: ['Jürgen', 'Jörg', 'Lena', 'Maximilian', 'Sören', 'Anna-Lena', 'Björn', 'Käthe', 'Felix', 'Lukas', 'Mia'],
    last: ['Müller', 'Schröder', 'Groß', 'Weiß', 'Becker', 'Hoffmann', 'Köhler', 'Schäfer', 'Wagner', 'Krüger'],
  },
  pt: {
    first: ['João', 'Ana', 'Gonçalo', 'Beatriz', 'Thiago', 'Conceição', 'Luís', 'Mariana', 'Caio', 'Letícia', 'Gabriel'],
    last: ['Silva', 'Gonçalves', 'Araújo', 'Conceição', 'Magalhães', 'Pereira', 'Assunção', 'Lima', 'Costa', 'Brandão'],
  },
}

/** Handles that are not derived from a name: hobbies, places, jokes. */
export const NICKNAMES: readonly string[] = [
  'coffeeandcode', 'nightowl_nyc', 'dadjokes4life', 'trailrunner_co', 'plantmom_pdx', 'gridiron_greg', 'bookwormbee',
  'cheapflights_fan', 'sourdough_sam', 'midwest_mike', 'thecouponqueen', 'gamer_in_philly', 'techtonic_tina',
  'retired_and_loving_it', 'fixit_frank', 'vanlife_vic', 'cardio_carla', 'snack_critic', 'roadtrip_ray',
  'spreadsheet_sara', 'miamibeachbum', 'denverdan', 'just_another_nurse', 'teacher_tom', 'weekend_warrior',
  'mom_of_three', 'pitlane_pete', 'quiet_commuter', 'bostonbaker', 'wifi_whisperer', 'sneakerhead_sol',
  'freq_flyer_fran', 'budget_bites', 'evdriver_ed', 'cookie_monster_fan', 'homeoffice_hank', 'pixel_poet',
  'gardening_gus', 'cat_lady_carol', 'old_school_otis',
]

/** Non-Latin display names for a few accounts: the pool is international. */
export const INTERNATIONAL_NAMES: readonly string[] = [
  '田中 ゆき', '김민준', 'Nguyễn Văn An', 'Αλέξης Παππάς', 'Ольга Смирнова', 'محمد علي', 'Łukasz Wiśniewski',
  'Søren Kjær', 'Ayşe Demir', 'İbrahim Yılmaz', 'Đặng Thu', 'Zsófia Kovács', 'Ævar Þórsson', '李娜',
]

export interface Outlet {
  handle: string
  name: string
  lang: DemoLang
}

/** Invented outlets and commentators; verified, with big audiences. */
export const OUTLETS: readonly Outlet[] = [
  { handle: 'MetroWireNews', name: 'Metro Wire News', lang: 'en' },
  { handle: 'GadgetLedger', name: 'Gadget Ledger', lang: 'en' },
  { handle: 'CommuteDesk', name: 'The Commute Desk', lang: 'en' },
  { handle: 'TheFoodAisle', name: 'The Food Aisle', lang: 'en' },
  { handle: 'AutoBeatDaily', name: 'AutoBeat Daily', lang: 'en' },
  { handle: 'SnackWatch', name: 'Snack Watch', lang: 'en' },
  { handle: 'BroadbandBrief', name: 'Broadband Brief', lang: 'en' },
  { handle: 'TravelPulseHQ', name: 'Travel Pulse', lang: 'en' },
  { handle: 'RetailRundown', name: 'Retail Rundown', lang: 'en' },
  { handle: 'NoticiasAlDia', name: 'Noticias al Día', lang: 'es' },
  { handle: 'LeFilConso', name: 'Le Fil Conso', lang: 'fr' },
  { handle: 'TechTicker_DE', name: 'TechTicker Deutschland', lang: 'de' },
  { handle: 'GiroDoConsumo', name: 'Giro do Consumo', lang: 'pt' },
]
