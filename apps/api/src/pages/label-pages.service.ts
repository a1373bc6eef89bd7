import { Injectable } from '@nestjs/common';

/** What the label pages show, from the lib services the API uses. */
@Injectable()
export class LabelPagesService {}

/** The providers of the label pages, registered by PagesModule. */
export const LABEL_PAGES_PROVIDERS = [LabelPagesService];
