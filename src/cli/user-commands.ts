import type { Command } from "commander";
import type { AuditContext } from "../kernel/audit/audit.ts";
import { passwordRules } from "../kernel/auth/passwords.ts";
import { type Nation, nations, type PartnershipRole, partnershipRoles } from "../kernel/auth/policy.ts";
import type { Config } from "../kernel/config/config.ts";
import type { Database } from "../kernel/db/database.ts";
import { AppError } from "../kernel/errors/app-error.ts";
import { fieldErrorsOf } from "../kernel/http/params.ts";
import {
  createUser,
  deliverInvitation,
  findUserByEmail,
  setCoordinatorNation,
  setPartnershipRole,
} from "../workspace/access/index.ts";
import { findOrganisationByName } from "../workspace/organisations/index.ts";
import { findPartnership, findPartnershipByName } from "../workspace/partnerships/index.ts";
import { openRuntime } from "./runtime.ts";

export const cliAuditContext: AuditContext = { actorUserId: null, actorLabel: "cli" };

/** A usage or lookup problem: main.ts prints the message and exits with code 2. */
function usage(message: string): AppError {
  return new AppError("BAD_REQUEST", message);
}

/** Runs a command against a migrated database, turning form-style errors into one message. */
async function withDatabase(run: (config: Config, database: Database) => Promise<void>): Promise<void> {
  const { config, database } = await openRuntime();
  try {
    await run(config, database);
  } catch (error) {
    const errors = fieldErrorsOf(error);
    if (errors) throw usage(errors.map((item) => `${item.field}: ${item.message}`).join("; "));
    throw error;
  } finally {
    await database.close();
  }
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(Buffer.from(chunk));
  return Buffer.concat(chunks)
    .toString("utf8")
    .replace(/\r?\n$/, "");
}

export function cliBaseUrl(config: Config): string {
  return config.publicUrl ?? `http://${config.host}:${config.port}`;
}

export function parseNation(value: string): Nation {
  const slug = value.trim().toLowerCase().replace(/\s+/g, "-");
  if (!(nations as readonly string[]).includes(slug))
    throw usage(`Unknown nation "${value}". Use one of: ${nations.join(", ")}`);
  return slug as Nation;
}

export function parseRole(value: string): PartnershipRole | null {
  if (value === "none") return null;
  if (!(partnershipRoles as readonly string[]).includes(value))
    throw usage(`Unknown role "${value}". Use lead, editor, viewer or none`);
  return value as PartnershipRole;
}

interface AddOptions {
  email: string;
  name: string;
  organisation: string;
  passwordStdin?: boolean;
  invite?: boolean;
  admin?: boolean;
}

interface RoleOptions {
  email: string;
  partnership?: string;
  role?: string;
  coordinator?: string;
  remove?: boolean;
}

export function registerUserCommands(program: Command): void {
  const user = program.command("user").description("manage user accounts and their access");

  user
    .command("add")
    .description("add a user, with an invitation link (default) or a password read from stdin")
    .requiredOption("--email <email>", "the person's email address")
    .requiredOption("--name <name>", "the person's full name")
    .requiredOption("--organisation <name>", "the name of the organisation they belong to")
    .option("--password-stdin", "read an initial password (at least 12 characters) from stdin")
    .option("--invite", "create a one-time invitation link, valid for 7 days (the default)")
    .option("--admin", "make them a service administrator")
    .action(async (options: AddOptions) => {
      if (options.passwordStdin && options.invite) throw usage("Use either --password-stdin or --invite, not both");
      const password = options.passwordStdin ? await readStdin() : null;
      if (password !== null && password.length < passwordRules.minLength) {
        throw usage(`The password must be at least ${passwordRules.minLength} characters`);
      }
      await withDatabase(async (config, database) => {
        const organisation = await findOrganisationByName(database.db, options.organisation);
        if (!organisation)
          throw usage(`No organisation is called "${options.organisation}". Add it on the Organisations page first`);
        const { user: created, invitation } = await createUser(database.db, cliAuditContext, {
          name: options.name.trim(),
          email: options.email.trim(),
          organisationId: organisation.id,
          isPlatformAdmin: options.admin ?? false,
          password,
        });
        process.stdout.write(
          `Added ${created.name} <${created.email}> (${created.status}${created.isPlatformAdmin ? ", service administrator" : ""}).\n`,
        );
        if (invitation) {
          // Emailed when SMTP is configured, as from the users pages; the link is printed either way, so nothing is lost if sending fails.
          const delivery = await deliverInvitation(
            database.db,
            config,
            { audit: cliAuditContext, warn: () => {} },
            cliBaseUrl(config),
            created,
            invitation,
          );
          if (delivery.email === "sent") process.stdout.write(`Invitation emailed to ${created.email}.\n`);
          if (delivery.email === "failed")
            process.stderr.write(
              `The invitation email could not be sent (${delivery.reason ?? "unknown reason"}); pass the link on yourself.\n`,
            );
          process.stdout.write(`Invitation link (works once, until ${invitation.expiresAt.toISOString()}):\n`);
          process.stdout.write(`${delivery.link}\n`);
        }
      });
    });

  user
    .command("role")
    .description("set a partnership role (--partnership, --role) or national coordinator nation (--coordinator)")
    .requiredOption("--email <email>", "the person's email address")
    .option("--partnership <name-or-id>", "the partnership's name or id")
    .option("--role <role>", "lead, editor, viewer, or none to remove")
    .option("--coordinator <nation>", "england, scotland, wales or northern-ireland")
    .option("--remove", "with --coordinator: remove that nation")
    .action(async (options: RoleOptions) => {
      const forPartnership = options.partnership !== undefined || options.role !== undefined;
      if (forPartnership === (options.coordinator !== undefined)) {
        throw usage("Give either --partnership with --role, or --coordinator");
      }
      if (forPartnership && (!options.partnership || !options.role))
        throw usage("--partnership and --role go together");
      const role = options.role ? parseRole(options.role) : null;
      const nation = options.coordinator ? parseNation(options.coordinator) : null;
      await withDatabase(async (_config, database) => {
        const db = database.db;
        const person = await findUserByEmail(db, options.email);
        if (!person) throw usage(`No user has the email address ${options.email}`);
        if (nation) {
          const { changed } = await setCoordinatorNation(db, cliAuditContext, {
            userId: person.id,
            nation,
            coordinator: !options.remove,
          });
          process.stdout.write(
            `${person.email} ${options.remove ? "is no longer" : "is"} a national coordinator for ${nation}${changed ? "" : " (unchanged)"}.\n`,
          );
          return;
        }
        const key = options.partnership!;
        const partnership =
          (/^[0-9a-f-]{36}$/i.test(key) ? await findPartnership(db, key) : undefined) ??
          (await findPartnershipByName(db, key));
        if (!partnership) throw usage(`No partnership is called or has the id "${key}"`);
        const { changed } = await setPartnershipRole(db, cliAuditContext, {
          userId: person.id,
          partnershipId: partnership.id,
          role,
        });
        const what = role ? `is ${role === "editor" ? "an" : "a"} ${role} of` : "has no role in";
        process.stdout.write(`${person.email} ${what} ${partnership.name}${changed ? "" : " (unchanged)"}.\n`);
      });
    });
}
