import { dictionary } from "@zxcvbn-ts/language-common";
import { passwordRules } from "./passwords.ts";

let common: Set<string> | undefined;

/**
 * NCSC password advice: a minimum length rather than composition rules, and a deny list of the
 * most common passwords (zxcvbn-ts's list of ~49,000, compared ignoring case and spaces, so
 * "Password 1234" is refused like "password1234").
 */
export function isCommonPassword(password: string): boolean {
  common ??= new Set(dictionary["passwords-common"]);
  const lower = password.toLowerCase();
  return common.has(lower) || common.has(lower.replace(/\s+/g, ""));
}

/** Why a new password is not acceptable, or null: the message names what to change. */
export function newPasswordProblem(password: string, email?: string): string | null {
  if (password.length < passwordRules.minLength)
    return `Password must be at least ${passwordRules.minLength} characters`;
  if (password.length > passwordRules.maxLength)
    return `Password must be ${passwordRules.maxLength} characters or fewer`;
  if (isCommonPassword(password)) {
    return "Password is too common and easy to guess. Try three random words, like 'kettle garden cloud'";
  }
  if (email && password.trim().toLowerCase() === email.trim().toLowerCase()) {
    return "Password must not be your email address";
  }
  return null;
}
