import nodemailer from "nodemailer";
import type { Config } from "../config/config.ts";

export interface MailMessage {
  to: string;
  subject: string;
  text: string;
}

export type SendResult = { sent: true } | { sent: false; reason: string };

/**
 * Sends plain-text email through the configured SMTP server. Short timeouts: a person is
 * waiting on the page, and a failure must come back as a message, never as a lost request.
 */
export async function sendMail(mail: NonNullable<Config["mail"]>, message: MailMessage): Promise<SendResult> {
  const transport = nodemailer.createTransport({
    url: mail.smtpUrl,
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 20_000,
  });
  try {
    await transport.sendMail({ from: mail.from, to: message.to, subject: message.subject, text: message.text });
    return { sent: true };
  } catch (error) {
    return { sent: false, reason: error instanceof Error ? error.message : String(error) };
  } finally {
    transport.close();
  }
}
