import { SMTPServer } from "smtp-server";

export interface CaughtMail {
  to: string[];
  data: string;
}

export interface MailCatcher {
  /** For SMTP_URL. */
  url: string;
  received: CaughtMail[];
  /** The newest message to this address once more than `already` have arrived (sending is in the background). */
  mailTo(email: string, already?: number): Promise<string>;
  close(): Promise<void>;
}

/** A local SMTP server that keeps every message it receives, for the tests of emails the app sends. */
export async function startMailCatcher(): Promise<MailCatcher> {
  const received: CaughtMail[] = [];
  const smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    onData(stream, session, callback) {
      let data = "";
      stream.on("data", (chunk: Buffer) => {
        data += chunk.toString("utf8");
      });
      stream.on("end", () => {
        received.push({ to: session.envelope.rcptTo.map((r) => r.address), data });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => smtp.listen(0, "127.0.0.1", resolve));
  const port = (smtp.server.address() as { port: number }).port;
  return {
    url: `smtp://127.0.0.1:${port}`,
    received,
    async mailTo(email, already = 0) {
      for (let waited = 0; waited < 10_000; waited += 50) {
        const mails = received.filter((mail) => mail.to.includes(email));
        // Quoted-printable soft line breaks joined, so links read whole.
        if (mails.length > already) return mails.at(-1)!.data.replace(/=\r?\n/g, "");
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      throw new Error(`no email to ${email}`);
    },
    close: () => new Promise<void>((resolve) => smtp.close(() => resolve())),
  };
}
