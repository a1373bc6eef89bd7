import { Injectable, type OnModuleInit } from '@nestjs/common';
import { OutboxService } from './outbox.service.js';

/** In the worker, the outbox is polled, so entries a crashed writer left behind still reach the queue. */
@Injectable()
export class OutboxPolling implements OnModuleInit {
  constructor(private readonly outbox: OutboxService) {}

  onModuleInit(): void {
    this.outbox.enablePolling();
  }
}
