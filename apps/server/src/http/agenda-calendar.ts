import { type AgendaItem, type Fair, type Language, type Room, pickText } from '@kohtaamo/protocol';
import ical from 'ical-generator';

/** Words of the calendar file that do not come from the fair's own data. */
const stageName: Record<Language, string> = { fi: 'Lava', en: 'Stage', sv: 'Scen' };

export interface AgendaCalendarInput {
  fair: Fair;
  agenda: AgendaItem[];
  rooms: Room[];
  language: Language;
  publicUrl: string;
}

/** The fair's agenda as iCalendar text; times are absolute (UTC), so every client shows them right. */
export function agendaCalendar({
  fair,
  agenda,
  rooms,
  language,
  publicUrl,
}: AgendaCalendarInput): string {
  const fairUrl = `${publicUrl}/fairs/${fair.id}`;
  const calendar = ical({ name: fair.title, prodId: { company: 'Kohtaamo', product: 'agenda' } });
  for (const item of agenda) {
    const place = item.place;
    const room = place.kind === 'room' ? rooms.find((r) => r.id === place.roomId) : undefined;
    calendar.createEvent({
      id: `${item.id}@kohtaamo`,
      start: new Date(item.startsAt),
      end: new Date(item.endsAt),
      summary: `${pickText(item.title, language)} — ${fair.title}`,
      description: fair.description,
      location: room ? pickText(room.names, language) : stageName[language],
      url: fairUrl,
    });
  }
  return calendar.toString();
}
