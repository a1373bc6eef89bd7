import { Injectable } from '@nestjs/common';

/** What the admin pages show, from the lib services the API uses. */
@Injectable()
export class AdminPagesService {}

/** The providers of the admin pages, registered by PagesModule. */
export const ADMIN_PAGES_PROVIDERS = [AdminPagesService];
