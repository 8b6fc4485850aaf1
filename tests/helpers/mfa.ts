import { stepAt, totpCode } from "../../src/workspace/access/mfa-totp.ts";

/**
 * The authenticator app of the test people: remembers each person's TOTP secret (read from the
 * enrolment page, as a person's app would scan it) and gives codes the service will accept — a
 * step not used before; when both the current and the next step have been used (the service
 * refuses a code twice), one of the person's recovery codes — as a person in a hurry would —
 * and only when those are spent too, it waits for the next 30-second step. Waiting instead cost
 * CI up to half a minute for every third sign-in of one person in a file.
 */
export class TestAuthenticator {
  private readonly people = new Map<string, { secret: string; lastStep: number; recoveryCodes: string[] }>();

  enrolled(email: string, secret: string, confirmedAt = Date.now(), recoveryCodes: string[] = []): void {
    this.people.set(email.toLowerCase(), { secret, lastStep: stepAt(confirmedAt), recoveryCodes: [...recoveryCodes] });
  }

  knows(email: string): boolean {
    return this.people.has(email.toLowerCase());
  }

  /** A fresh code for the person, as the app shows it. */
  async code(email: string): Promise<string> {
    const person = this.people.get(email.toLowerCase());
    if (!person) throw new Error(`no authenticator set up for ${email} in this test`);
    for (;;) {
      const now = Date.now();
      const step = Math.max(stepAt(now), person.lastStep + 1);
      // The service accepts one step either side of its clock; the current or next one is safe.
      if (step <= stepAt(now) + 1) {
        person.lastStep = step;
        return totpCode(person.secret, step * 30_000 + 1_000);
      }
      const recovery = person.recoveryCodes.shift();
      if (recovery) return recovery;
      await new Promise((resolve) => setTimeout(resolve, (step - 1) * 30_000 - now + 50));
    }
  }
}

/** The setup key the enrolment page shows as text (data-totp-secret). */
export function secretOnPage(html: string): string | undefined {
  return /data-totp-secret="([A-Z2-7]+)"/.exec(html)?.[1];
}

/** The recovery codes on the page shown once after enrolment. */
export function recoveryCodesOnPage(html: string): string[] {
  const list = /data-recovery-codes>([\s\S]*?)<\/ul>/.exec(html)?.[1] ?? "";
  return [...list.matchAll(/<code>([a-z0-9-]+)<\/code>/g)].map((match) => match[1]!);
}
