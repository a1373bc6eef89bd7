import { Injectable, Logger, type OnModuleDestroy } from '@nestjs/common';
import nodemailer, { type Transporter } from 'nodemailer';
import { Environment } from '../config/environment.js';

export interface MailMessage {
  to: string;
  subject: string;
  text: string;
}

/**
 * Sends e-mail through SMTP_URL when it is set. Without it, `configured` is false and callers keep
 * their records (reminders) without e-mailing: the pages show them anyway.
 */
@Injectable()
export class MailService implements OnModuleDestroy {
  private readonly logger = new Logger(MailService.name);
  private transport: Transporter | null = null;

  constructor(private readonly env: Environment) {}

  get configured(): boolean {
    return Boolean(this.env.SMTP_URL);
  }

  async send(message: MailMessage): Promise<void> {
    if (!this.env.SMTP_URL) throw new Error('SMTP_URL is not set');
    this.transport ??= nodemailer.createTransport(this.env.SMTP_URL);
    await this.transport.sendMail({ from: this.env.MAIL_FROM, ...message });
    // The address is personal data: log that a mail left, not to whom.
    this.logger.log('mail sent');
  }

  onModuleDestroy(): void {
    this.transport?.close();
  }
}
