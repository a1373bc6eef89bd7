import { Injectable } from '@nestjs/common';

/** What the report pages show, from the lib services the API uses. */
@Injectable()
export class ReportPagesService {}

/** The providers of the report pages, registered by PagesModule. */
export const REPORT_PAGES_PROVIDERS = [ReportPagesService];
