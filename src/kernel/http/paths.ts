import { z } from "zod";
import { AppError } from "../errors/app-error.ts";

/** The names of a route pattern's parameters, in order: "/partnerships/:id/x/:xId" → ["id", "xId"]. */
export type ParamNames<P extends string> = P extends `${string}:${infer Name}/${infer Rest}`
  ? [Name, ...ParamNames<`/${Rest}`>]
  : P extends `${string}:${infer Name}`
    ? [Name]
    : [];

/** The parsed parameters of a pattern, each a string (checked by the path's schemas). */
export type PathParams<P extends string> = { [K in ParamNames<P>[number]]: string };

/** A parameter's value: text, or a number when its schema makes one (a batch's serial id, a version). */
export type ParamValue = string | number;

type Schemas<P extends string> = Partial<Record<ParamNames<P>[number], z.ZodType<ParamValue>>>;

/**
 * The parameters as the path's schemas parse them: a `z.enum(nations)` parameter is a `Nation`,
 * a `serialId` parameter a number.
 */
export type ParsedParams<P extends string, S extends Schemas<P>> = Omit<PathParams<P>, keyof S> & {
  [K in keyof S]: S[K] extends z.ZodType<infer T> ? T : string;
};

type Strings<T extends string[]> = { [K in keyof T]: ParamValue };
type Values<P extends string> = Strings<ParamNames<P>>;

/**
 * One route pattern and the builder of its URLs. Call it with the parameters in the order the
 * pattern names them: `paths.edit(partnershipId, assessmentId)`; register routes on `.pattern`.
 */
export interface Path<P extends string = string, A = PathParams<P>> {
  (...values: Values<P>): string;
  readonly pattern: P;
  readonly names: readonly string[];
  /** Checks raw route parameters; anything that does not fit cannot exist, so it is a 404. */
  parse(params: unknown): A;
  /** The URL from named parameters (e.g. the request's own), for a form's action. */
  from(params: Record<string, ParamValue>): string;
}

/** Ids are UUIDs unless a parameter is given a schema of its own (a slug, a year, a section code). */
const uuid = z.uuid();

/** A serial (integer) id in a path, e.g. an import batch's: `path("/x/:batchId", { batchId: serialId })`. */
export const serialId = z
  .string()
  .regex(/^[1-9]\d{0,9}$/)
  .transform(Number)
  .pipe(z.number().int().max(2_147_483_647));

/**
 * A path of a domain (its `paths.ts`). Every parameter must be a UUID, unless `schemas` says
 * otherwise, e.g. `path("/national/:nation", { nation: z.enum(nations) })`.
 */
export function path<P extends string, S extends Schemas<P> = Record<never, never>>(
  pattern: P,
  schemas: S = {} as S,
): Path<P, ParsedParams<P, S>> {
  const names = [...pattern.matchAll(/:([A-Za-z0-9_]+)/g)].map((match) => match[1]!);
  const shape = Object.fromEntries(
    names.map((name) => [name, (schemas as Record<string, z.ZodType<string>>)[name] ?? uuid]),
  );
  const schema = z.object(shape);
  const build = (...values: ParamValue[]) => {
    let index = 0;
    return pattern.replace(/:([A-Za-z0-9_]+)/g, () => encodeURIComponent(values[index++] ?? ""));
  };
  return Object.assign(build, {
    pattern,
    names,
    from: (params: Record<string, ParamValue>) => build(...names.map((name) => params[name] ?? "")),
    parse(params: unknown) {
      const result = schema.safeParse(params);
      if (!result.success) throw AppError.notFound();
      return result.data as ParsedParams<P, S>;
    },
  }) as unknown as Path<P, ParsedParams<P, S>>;
}
