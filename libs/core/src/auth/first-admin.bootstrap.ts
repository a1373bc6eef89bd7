import { Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { AuthService } from './auth.service.js';

/** The API's first start creates the admin named by ADMIN_EMAIL/ADMIN_PASSWORD when none exists. */
@Injectable()
export class FirstAdminBootstrap implements OnApplicationBootstrap {
  constructor(private readonly auth: AuthService) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.auth.ensureFirstAdmin();
  }
}
