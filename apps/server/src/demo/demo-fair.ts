import type { LocalizedText, OrganisationType } from '@kohtaamo/protocol';

/**
 * The online Cooperation Fair of 10 March 2021 (see the seed document): fourteen themes, an
 * opening speech on fair cooperation, two networking rounds and a closing. Finnish and English
 * theme names come from the fair's report; Swedish is ours.
 */
export const demoFair = {
  slug: 'cooperation-fair-2021',
  title: 'Cooperation Fair — Yhteistyömessut 2021',
  description:
    'The first online Cooperation Fair for actors in the integration field: an opening speech on ' +
    'fair cooperation, then networking at themed tables. Kotoutumisen ensimmäiset Yhteistyömessut.',
  timeZone: 'Europe/Helsinki',
  startsAt: '2021-03-10T10:00:00+02:00',
  endsAt: '2021-03-10T13:00:00+02:00',
} as const;

export const demoThemes: LocalizedText[] = [
  { fi: 'Antirasismi', en: 'Anti-racism', sv: 'Antirasism' },
  { fi: 'Taide ja kotoutuminen', en: 'Art & Integration', sv: 'Konst och integration' },
  { fi: 'Pakolaisuus', en: 'Asylum', sv: 'Asyl' },
  { fi: 'Työllistyminen ja työ', en: 'Employment & Work', sv: 'Sysselsättning och arbete' },
  { fi: 'Perheet', en: 'Families', sv: 'Familjer' },
  { fi: 'Rahoitushakemukset', en: 'Funding applications', sv: 'Finansieringsansökningar' },
  { fi: 'Sukupuoli ja ikä', en: 'Gender & Age', sv: 'Kön och ålder' },
  { fi: 'Terveys', en: 'Health', sv: 'Hälsa' },
  { fi: 'Asuminen', en: 'Housing', sv: 'Boende' },
  { fi: 'Kielet, monikielisyys', en: 'Languages', sv: 'Språk och flerspråkighet' },
  { fi: 'Julkiset palvelut', en: 'Public services', sv: 'Offentliga tjänster' },
  { fi: 'Vertaistuki', en: 'Peer support', sv: 'Kamratstöd' },
  { fi: 'Nuoret ja koulutus', en: 'Youth & Education', sv: 'Unga och utbildning' },
  { fi: 'Äänestäminen & osallisuus', en: 'Vote & Participation', sv: 'Röstning och delaktighet' },
];

export const DEMO_TABLES_PER_THEME = 3;
export const DEMO_TABLE_CAPACITY = 6;

export const demoAgenda = [
  {
    kind: 'speech',
    title: {
      fi: 'Avauspuhe: reilun yhteistyön pelisäännöt',
      en: 'Opening speech: the rules of fair cooperation',
      sv: 'Öppningstal: spelreglerna för rättvist samarbete',
    },
    startsAt: '2021-03-10T10:00:00+02:00',
    endsAt: '2021-03-10T10:30:00+02:00',
    withSpeaker: true,
  },
  {
    kind: 'networking_round',
    title: { fi: 'Verkostoitumiskierros 1', en: 'Networking round 1', sv: 'Nätverksrunda 1' },
    startsAt: '2021-03-10T10:35:00+02:00',
    endsAt: '2021-03-10T11:30:00+02:00',
    withSpeaker: false,
  },
  {
    kind: 'networking_round',
    title: { fi: 'Verkostoitumiskierros 2', en: 'Networking round 2', sv: 'Nätverksrunda 2' },
    startsAt: '2021-03-10T11:40:00+02:00',
    endsAt: '2021-03-10T12:40:00+02:00',
    withSpeaker: false,
  },
  {
    kind: 'closing',
    title: { fi: 'Päätössanat', en: 'Closing words', sv: 'Avslutning' },
    startsAt: '2021-03-10T12:40:00+02:00',
    endsAt: '2021-03-10T13:00:00+02:00',
    withSpeaker: false,
  },
] as const;

export interface DemoPerson {
  email: string;
  displayName: string;
  organisation: string;
  organisationType: OrganisationType;
  title: string;
  languages: string[];
  role: 'organiser' | 'speaker' | 'participant';
  /** Indexes into demoThemes. */
  themes: number[];
}

/** Fictional people; every demo account signs in with DEMO_PASSWORD. */
export const DEMO_PASSWORD = 'kohtaamo-demo-2021';

export const demoPeople: DemoPerson[] = [
  {
    email: 'organiser@kohtaamo.example',
    displayName: 'Olli Järjestäjä',
    organisation: 'Moniheli ry',
    organisationType: 'ngo',
    title: 'Verkostokoordinaattori',
    languages: ['fi', 'en', 'sv'],
    role: 'organiser',
    themes: [],
  },
  {
    email: 'speaker@kohtaamo.example',
    displayName: 'Aino Puhuja',
    organisation: 'Diakonia-ammattikorkeakoulu',
    organisationType: 'education',
    title: 'Lehtori',
    languages: ['fi', 'en'],
    role: 'speaker',
    themes: [0, 12],
  },
  {
    email: 'leila@kohtaamo.example',
    displayName: 'Leila Hassan',
    organisation: 'Silta-yhdistys ry',
    organisationType: 'ngo',
    title: 'Toiminnanjohtaja',
    languages: ['fi', 'ar', 'en'],
    role: 'participant',
    themes: [0, 3, 11],
  },
  {
    email: 'matti@kohtaamo.example',
    displayName: 'Matti Korhonen',
    organisation: 'Jyväskylän kaupunki',
    organisationType: 'municipality',
    title: 'Kotoutumiskoordinaattori',
    languages: ['fi', 'en'],
    role: 'participant',
    themes: [8, 10],
  },
  {
    email: 'sara@kohtaamo.example',
    displayName: 'Sara Lindqvist',
    organisation: 'Kemin kaupunki',
    organisationType: 'municipality',
    title: 'Sosiaaliohjaaja',
    languages: ['sv', 'fi'],
    role: 'participant',
    themes: [4, 7, 12],
  },
  {
    email: 'ahmed@kohtaamo.example',
    displayName: 'Ahmed Warsame',
    organisation: 'Vapaaehtoiset',
    organisationType: 'volunteer',
    title: 'Vertaisohjaaja',
    languages: ['so', 'fi', 'en'],
    role: 'participant',
    themes: [11, 13],
  },
];
