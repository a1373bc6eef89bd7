import { Injectable } from '@nestjs/common';
import { assembleFigures } from './figures.assembler.js';
import { FiguresRepository } from './figures.repository.js';
import { ratio, roundHalfUp } from './figure-rules.js';
import type {
  ReportAnnex,
  ReportAudience,
  ReportFigures,
  ReportLanguage,
  ReportRegion,
} from './figures.types.js';

/** Computes a report's figures: a handful of set-based statements, then the pure assembly rules. */
@Injectable()
export class FiguresService {
  constructor(private readonly repository: FiguresRepository) {}

  async compute(params: {
    region: ReportRegion;
    year: number;
    audience: ReportAudience;
    language: ReportLanguage;
  }): Promise<{ figures: ReportFigures; annex: ReportAnnex }> {
    const region = params.region === 'BE' ? null : params.region;
    // The public edition's suppression pattern is one for the whole country: the same statements then
    // also read every municipality's visits (national-suppression.rule.ts).
    const national = params.audience === 'public';
    // Two statements in parallel: Y with its municipality rows and annex, and Y−1 for the comparison.
    const [
      { municipalities, fundingBySource: sources, projectFundingEnding: ending, nationalVisits, ...current },
      { nationalVisits: previousNationalVisits, ...previous },
    ] = await Promise.all([
      this.repository.yearWithDetails(region, params.year, national),
      this.repository.yearFigures(region, params.year - 1, national),
    ]);
    const figures = assembleFigures({
      current,
      previous,
      municipalities,
      ...params,
      national: national
        ? { region: params.region, current: nationalVisits, previous: previousNationalVisits }
        : undefined,
    });
    const total = sources.reduce((s, r) => s + Number(r.amount), 0);
    const annex: ReportAnnex = {
      fundingBySource: sources.map((r) => ({
        source: r.source,
        amountEur: roundHalfUp(r.amount, 2),
        pct: ratio(r.amount, total, 100, 1),
      })),
      projectFundingEnding: ending.map((r) => ({ ref: r.ref, name: r.name, endsOn: r.ends_on })),
    };
    return { figures, annex };
  }

  dataVersion(): Promise<string> {
    return this.repository.dataVersion();
  }
}
