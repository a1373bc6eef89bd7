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
    // Two statements in parallel: Y with its municipality rows and annex, and Y−1 for the comparison.
    const [{ municipalities, fundingBySource: sources, projectFundingEnding: ending, ...current }, previous] =
      await Promise.all([
        this.repository.yearWithDetails(region, params.year),
        this.repository.yearFigures(region, params.year - 1),
      ]);
    const figures = assembleFigures({ current, previous, municipalities, ...params });
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
