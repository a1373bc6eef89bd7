import { Injectable } from '@nestjs/common';

/** What the hours pages show, from the lib services the API uses. */
@Injectable()
export class HoursPagesService {}

/** The providers of the hours pages, registered by PagesModule. */
export const HOURS_PAGES_PROVIDERS = [HoursPagesService];
