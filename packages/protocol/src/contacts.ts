import { z } from 'zod';
import { idSchema, isoDateTimeSchema } from './common';
import { organisationTypeSchema, spokenLanguageSchema } from './registrations';

/**
 * Contact cards and their exchange. Everything here is scoped to one fair: a person is their
 * registration (`personId` = registration id, the same id presence shows as `PersonRef.id`).
 *
 * The flow:
 * 1. Each person has one card per fair (`GET/PUT apiRoutes.myCard`). Until they save one, the
 *    server offers a card filled from their registration profile, sharing only name and
 *    organisation. `shared` lists the fields an accepted exchange partner may see.
 * 2. A asks B (`POST apiRoutes.exchanges` with B's person id and an optional message). Refused
 *    when A asks themselves (INVALID), B does not exist in the fair (NOT_FOUND), B blocked A
 *    (BLOCKED), they are already contacts (ALREADY_CONTACTS), A's request to B is still open
 *    (EXCHANGE_PENDING), B declined A before (EXCHANGE_DECLINED — only B can start again), or A
 *    asked too often lately (RATE_LIMITED). If B had already asked A, A's request accepts B's.
 *    B receives `contacts.request` in real time.
 * 3. B answers (`POST apiRoutes.exchangeAnswer` with `accept` or `decline`); A receives
 *    `contacts.answered`. Or A withdraws while it is open (`DELETE apiRoutes.exchange`); B
 *    receives `contacts.withdrawn`. Answering or withdrawing a request that is no longer open
 *    is EXCHANGE_CLOSED.
 * 4. Only an accepted exchange reveals the cards, both ways, to those two people alone: each sees
 *    the other's shared fields in `GET apiRoutes.contacts`. The card is read when asked, so a
 *    later edit (or un-sharing) of a card shows at once.
 * 5. Each side keeps a private note on each contact (`PUT apiRoutes.contactNote`); nobody else,
 *    organisers included, ever reads it.
 * 6. A person can block another (`PUT apiRoutes.block`): their open requests to the blocker are
 *    withdrawn and they cannot ask again until unblocked (`DELETE apiRoutes.block`). Blocking does
 *    not undo an accepted exchange.
 * 7. Exports contain only one's own contacts: vCard 4.0 (all, or one) and CSV.
 */

export const CARD_FIELDS = [
  'name',
  'organisation',
  'title',
  'email',
  'phone',
  'website',
  'languages',
  'cooperation',
] as const;
export const cardFieldSchema = z.enum(CARD_FIELDS);
export type CardField = z.infer<typeof cardFieldSchema>;

const optionalText = (max: number) => z.string().trim().max(max).default('');

/** Every field of a card, as its owner writes it. Empty text means "not given". */
export const cardFieldsSchema = z
  .object({
    name: z.string().trim().min(1).max(80),
    organisation: optionalText(120),
    title: optionalText(120),
    email: z.union([z.literal(''), z.email().max(254)]).default(''),
    phone: z
      .string()
      .trim()
      .max(40)
      .regex(/^[+0-9 ()\-./]*$/, 'Use digits, spaces and + ( ) - . /')
      .default(''),
    website: z.union([z.literal(''), z.url({ protocol: /^https?$/ }).max(300)]).default(''),
    languages: z.array(spokenLanguageSchema).max(20).default([]),
    /** "What I want to cooperate on", in the person's own words. */
    cooperation: optionalText(1000),
  })
  .strict();
export type CardFields = z.infer<typeof cardFieldsSchema>;

/** The owner's own card: all fields and which of them exchange partners see. */
export const myCardSchema = z.object({
  card: cardFieldsSchema,
  shared: z.array(cardFieldSchema),
  /** False while the card is the one offered from the profile and never saved. */
  saved: z.boolean(),
  updatedAt: isoDateTimeSchema.nullable(),
});
export type MyCard = z.infer<typeof myCardSchema>;

export const putMyCardBodySchema = z
  .object({
    card: cardFieldsSchema,
    shared: z.array(cardFieldSchema).max(CARD_FIELDS.length),
  })
  .strict();
export type PutMyCardBody = z.input<typeof putMyCardBodySchema>;
export const myCardResponseSchema = z.object({ card: myCardSchema });
export type MyCardResponse = z.infer<typeof myCardResponseSchema>;

/** What an exchange partner sees of a card: only the shared fields are present. */
export const revealedCardSchema = cardFieldsSchema.partial();
export type RevealedCard = z.infer<typeof revealedCardSchema>;

/** Who someone is in the fair regardless of cards: presence already shows name and org. */
export const contactPersonSchema = z.object({
  id: idSchema,
  name: z.string(),
  organisation: z.string(),
  organisationType: organisationTypeSchema,
});
export type ContactPerson = z.infer<typeof contactPersonSchema>;

export const EXCHANGE_STATUSES = ['pending', 'accepted', 'declined', 'withdrawn'] as const;
export const exchangeStatusSchema = z.enum(EXCHANGE_STATUSES);
export type ExchangeStatus = z.infer<typeof exchangeStatusSchema>;

export const EXCHANGE_MESSAGE_MAX = 300;

export const exchangeRequestSchema = z.object({
  id: idSchema,
  from: contactPersonSchema,
  to: contactPersonSchema,
  message: z.string(),
  status: exchangeStatusSchema,
  createdAt: isoDateTimeSchema,
  answeredAt: isoDateTimeSchema.nullable(),
});
export type ExchangeRequest = z.infer<typeof exchangeRequestSchema>;

export const askExchangeBodySchema = z
  .object({
    personId: idSchema,
    message: z.string().trim().max(EXCHANGE_MESSAGE_MAX).default(''),
  })
  .strict();
export type AskExchangeBody = z.input<typeof askExchangeBodySchema>;

export const answerExchangeBodySchema = z
  .object({ answer: z.enum(['accept', 'decline']) })
  .strict();
export type AnswerExchangeBody = z.input<typeof answerExchangeBodySchema>;

/** The request after asking, answering or withdrawing. */
export const exchangeResponseSchema = z.object({ request: exchangeRequestSchema });
export type ExchangeResponse = z.infer<typeof exchangeResponseSchema>;

/** Open requests: those others sent me, and mine still waiting for an answer. */
export const exchangeListResponseSchema = z.object({
  incoming: z.array(exchangeRequestSchema),
  outgoing: z.array(exchangeRequestSchema),
});
export type ExchangeListResponse = z.infer<typeof exchangeListResponseSchema>;

/** How many requests one person may send in a sliding window. */
export const EXCHANGE_RATE_LIMIT = { requests: 20, windowSeconds: 600 } as const;

export const contactSchema = z.object({
  person: contactPersonSchema,
  card: revealedCardSchema,
  /** My private note on this contact; empty when none. */
  note: z.string(),
  exchangedAt: isoDateTimeSchema,
});
export type Contact = z.infer<typeof contactSchema>;

export const contactListResponseSchema = z.object({ contacts: z.array(contactSchema) });
export type ContactListResponse = z.infer<typeof contactListResponseSchema>;
export const contactResponseSchema = z.object({ contact: contactSchema });
export type ContactResponse = z.infer<typeof contactResponseSchema>;

export const CONTACT_NOTE_MAX = 4000;
export const putContactNoteBodySchema = z
  .object({ note: z.string().max(CONTACT_NOTE_MAX) })
  .strict();
export type PutContactNoteBody = z.input<typeof putContactNoteBodySchema>;

export const blockListResponseSchema = z.object({ blocked: z.array(contactPersonSchema) });
export type BlockListResponse = z.infer<typeof blockListResponseSchema>;

/** Server → client events about cards, sent to the person's own sockets only; spread into `ServerEvent`. */
export const contactServerEvent = {
  /** Someone asked me for an exchange. */
  contactRequest: 'contacts.request',
  /** My request was accepted or declined (or accepted because they asked me back). */
  contactAnswered: 'contacts.answered',
  /** A request to me was withdrawn (also when I blocked its sender). */
  contactWithdrawn: 'contacts.withdrawn',
} as const;

export interface ContactServerEvents {
  'contacts.request': (request: ExchangeRequest) => void;
  'contacts.answered': (request: ExchangeRequest) => void;
  'contacts.withdrawn': (request: ExchangeRequest) => void;
}
