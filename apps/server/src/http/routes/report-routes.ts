import {
  type Fair,
  type FairReport,
  type ReportResponse,
  apiRoutes,
  pickText,
} from '@kohtaamo/protocol';
import { stringify } from 'csv-stringify/sync';
import { Router } from 'express';
import { neutraliseCell } from '../../contacts/contact-exports';
import type { HttpDeps } from '../deps';
import { authorizeFair } from '../fair-access';

/**
 * The report as one flat table, a section per block of the page: enough for a spreadsheet.
 * Theme names are in the fair's first language.
 */
function reportCsv(report: FairReport, language: 'fi' | 'en' | 'sv'): string {
  const rows: (string | number)[][] = [['section', 'item', 'value']];
  rows.push(['participants', 'registered', report.participants.registered]);
  rows.push(['participants', 'seated', report.participants.seated]);
  rows.push(['meetings', 'pairs', report.meetings]);
  rows.push(['meetings', 'threshold_seconds', report.meetingThresholdSeconds]);
  for (const [key, distribution] of [
    ['new_people', report.newPeople],
    ['new_organisations', report.newOrganisations],
  ] as const) {
    rows.push([key, 'average', distribution.average]);
    rows.push([key, 'median', distribution.median]);
    for (const bin of distribution.histogram) {
      rows.push([
        `${key}_histogram`,
        bin.from === bin.to ? `${bin.from}` : `${bin.from}-${bin.to}`,
        bin.people,
      ]);
    }
  }
  for (const theme of report.themes) {
    const name = pickText(theme.names, language);
    rows.push(['theme_meetings', name, theme.meetings]);
    rows.push(['theme_minutes', name, theme.minutes]);
  }
  for (const point of report.occupancy.series) {
    report.occupancy.rooms.forEach((room, index) => {
      rows.push([`occupancy ${point.at}`, pickText(room.names, language), point.seated[index]!]);
    });
  }
  for (const link of report.organisationLinks) {
    rows.push(['organisation_links', `${link.a}-${link.b}`, link.meetings]);
  }
  // Theme names come from organisers; still, nothing a spreadsheet would run.
  const safe = rows.map((row) =>
    row.map((cell) => (typeof cell === 'string' ? neutraliseCell(cell) : cell)),
  );
  return stringify(safe, { bom: true, record_delimiter: 'windows' });
}

/** The organiser's "new actors met" report: organisers only, counts only. */
export function reportRoutes(deps: HttpDeps): Router {
  const router = Router();

  /** The live report, or once the fair's personal data is erased the snapshot taken before. */
  async function reportOf(fair: Fair): Promise<ReportResponse> {
    const snapshot = fair.erasedAt ? await deps.store.dataRights.reportSnapshot(fair.id) : null;
    if (snapshot) return { report: snapshot.report, erasedAt: snapshot.erasedAt.toISOString() };
    return { report: await deps.meetings.report(fair), erasedAt: null };
  }

  router.get(apiRoutes.report, async (req, res) => {
    const { fair } = await authorizeFair(deps.store, req, res, 'fair.manage');
    const response = await reportOf(fair);
    res.setHeader('Cache-Control', 'no-store');
    res.json(response);
  });

  router.get(apiRoutes.reportCsv, async (req, res) => {
    const { fair } = await authorizeFair(deps.store, req, res, 'fair.manage');
    const { report } = await reportOf(fair);
    res.setHeader('Content-Type', 'text/csv; charset=utf-8');
    res.setHeader('Content-Disposition', `attachment; filename="report-${fair.slug}.csv"`);
    res.setHeader('Cache-Control', 'no-store');
    res.send(reportCsv(report, fair.languages[0] ?? 'fi'));
  });

  return router;
}
