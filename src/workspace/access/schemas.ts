import { z } from "zod";
import { nations, partnershipRoles } from "../../kernel/auth/policy.ts";
import { newPasswordProblem } from "../../kernel/auth/password-strength.ts";
import { passwordRules } from "../../kernel/auth/passwords.ts";

const trimmed = (message: string) => z.string({ error: message }).trim().min(1, message);

export const emailField = trimmed("Enter an email address")
  .max(254, "Email address must be 254 characters or fewer")
  .pipe(z.email({ error: "Enter an email address in the correct format, like name@example.org" }));

export const signInForm = z.object({
  email: emailField,
  password: z
    .string({ error: "Enter your password" })
    .min(1, "Enter your password")
    .max(passwordRules.maxLength, "Enter a correct email address and password"),
  returnTo: z.string().optional(),
});

export const newPasswordForm = z
  .object({
    password: z
      .string({ error: "Enter a password" })
      .min(1, "Enter a password")
      .superRefine((value, context) => {
        // Length and the common-password list (NCSC advice), one message naming what to change.
        const problem = newPasswordProblem(value);
        if (problem) context.addIssue({ code: "custom", message: problem });
      }),
    confirmPassword: z.string({ error: "Confirm your password" }).min(1, "Confirm your password"),
  })
  .refine((value) => value.password === value.confirmPassword, {
    path: ["confirmPassword"],
    message: "Passwords must match",
  });

export const userForm = z
  .object({
    name: trimmed("Enter the person's full name").max(200, "Name must be 200 characters or fewer"),
    email: emailField,
    organisationId: z.uuid({ error: "Select the person's organisation" }),
    method: z.enum(["invite", "password"], { error: "Select how the person will set their password" }),
    password: z
      .string()
      .max(passwordRules.maxLength, `Password must be ${passwordRules.maxLength} characters or fewer`)
      .optional(),
    isPlatformAdmin: z.literal("true").optional(),
  })
  .superRefine((value, context) => {
    const problem = value.password ? newPasswordProblem(value.password, value.email) : "Enter an initial password";
    if (value.method === "password" && problem) {
      context.addIssue({ code: "custom", path: ["password"], message: problem });
    }
  });

const roleOrNone = z.enum([...partnershipRoles, "none"], { error: "Select a role" });

/** Admin user page: assign, change or (role "none") remove a partnership role. */
export const roleForm = z.object({
  partnershipId: z.uuid({ error: "Select a partnership" }),
  role: roleOrNone,
});

export const nationForm = z.object({
  nation: z.enum(nations, { error: "Select a nation" }),
});

export const adminFlagForm = z.object({ isPlatformAdmin: z.enum(["true", "false"]) });
export const statusForm = z.object({ status: z.enum(["active", "disabled"]) });

/** Partnership people page: add someone who already has an account. */
export const personForm = z.object({
  email: emailField,
  role: z.enum(partnershipRoles, { error: "Select a role" }),
});

export const personRoleForm = z.object({
  role: z.enum(partnershipRoles, { error: "Select a role" }),
});

const HOME = "/dashboard";

/** A control character, a space, DEL or a backslash. */
function hasUnsafeCharacter(value: string): boolean {
  for (let i = 0; i < value.length; i++) {
    const code = value.charCodeAt(i);
    if (code <= 0x20 || code === 0x7f || code === 0x5c) return true;
  }
  return false;
}
const SITE = "https://return-to.invalid";

/**
 * Only same-site paths, so the sign-in form can't be used as an open redirect. Browsers drop
 * tabs and line breaks from URLs ("/\t/evil.example" is "//evil.example") and read "\" as "/",
 * so anything with a control character, a space or a backslash goes home, as does anything the
 * URL parser resolves to another origin. What comes back is the parser's own serialisation:
 * plain ASCII, safe in a Location header (a raw "。" or line break there was a 500).
 */
export function safeReturnTo(value: string | undefined): string {
  if (!value?.startsWith("/") || hasUnsafeCharacter(value)) return HOME;
  let url: URL;
  try {
    url = new URL(value, SITE);
  } catch {
    return HOME;
  }
  if (url.origin !== SITE || url.pathname.startsWith("//")) return HOME;
  return `${url.pathname}${url.search}${url.hash}`;
}
