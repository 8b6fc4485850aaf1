import { sql } from "drizzle-orm";
import { boolean, index, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { organisations } from "../organisations/index.ts";
import { partnerships } from "../partnerships/index.ts";

export const users = pgTable(
  "users",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    email: text("email").notNull(),
    name: text("name").notNull(),
    organisationId: uuid("organisation_id")
      .notNull()
      .references(() => organisations.id),
    passwordHash: text("password_hash"),
    isPlatformAdmin: boolean("is_platform_admin").notNull().default(false),
    /** invited: has not set a password yet; disabled: cannot sign in. */
    status: text("status").notNull().default("active"),
    lastSignInAt: timestamp("last_sign_in_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [uniqueIndex("users_email_unique").on(sql`lower(${table.email})`)],
);

export const coordinatorNations = pgTable(
  "coordinator_nations",
  {
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    nation: text("nation").notNull(),
  },
  (table) => [primaryKey({ columns: [table.userId, table.nation] })],
);

/**
 * The national partner role: a person of a member body of a nation's national partners group
 * reads that nation's hub and answers requests assigned to their body. The body is kept so the
 * grant lapses if the person moves to another organisation.
 */
export const nationalPartners = pgTable(
  "national_partners",
  {
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    nation: text("nation").notNull(),
    organisationId: uuid("organisation_id")
      .notNull()
      .references(() => organisations.id, { onDelete: "cascade" }),
    grantedAt: timestamp("granted_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    primaryKey({ columns: [table.userId, table.nation] }),
    index("national_partners_organisation_idx").on(table.organisationId, table.nation),
  ],
);

export const partnershipRoles = pgTable(
  "partnership_roles",
  {
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    partnershipId: uuid("partnership_id")
      .notNull()
      .references(() => partnerships.id, { onDelete: "cascade" }),
    role: text("role").notNull(),
    grantedAt: timestamp("granted_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    primaryKey({ columns: [table.userId, table.partnershipId] }),
    index("partnership_roles_partnership_idx").on(table.partnershipId),
  ],
);

export const invitations = pgTable(
  "invitations",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    tokenHash: text("token_hash").notNull().unique(),
    invitedBy: uuid("invited_by").references(() => users.id),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    acceptedAt: timestamp("accepted_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [index("invitations_user_idx").on(table.userId)],
);

/**
 * Single sign-on (oidc-*.ts): a started OpenID Connect sign-in, kept here rather than in one app
 * node's memory so any node can finish it; the row is deleted when the callback uses it.
 */
export const oidcLoginTransactions = pgTable(
  "oidc_login_transactions",
  {
    /** SHA-256 of the `state` sent to the provider (the browser holds the value in a cookie). */
    stateHash: text("state_hash").primaryKey(),
    nonce: text("nonce").notNull(),
    codeVerifier: text("code_verifier").notNull(),
    returnTo: text("return_to").notNull(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [index("oidc_login_transactions_expires_idx").on(table.expiresAt)],
);

/** Organisations whose people must sign in by single sign-on (their passwords stop working). */
export const organisationSignInPolicies = pgTable("organisation_sign_in_policies", {
  organisationId: uuid("organisation_id")
    .primaryKey()
    .references(() => organisations.id, { onDelete: "cascade" }),
  ssoRequired: boolean("sso_required").notNull().default(false),
  updatedBy: uuid("updated_by").references(() => users.id, { onDelete: "set null" }),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});
// Second-factor and password-reset tables live in their own files (issue 11); re-exported here
// because drizzle-kit reads the schema from tables.ts.
export * from "./mfa-tables.ts";
export * from "./password-reset-tables.ts";
