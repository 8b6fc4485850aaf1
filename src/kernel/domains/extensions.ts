/**
 * Extension points: how a lower domain uses what a higher one knows without importing it.
 * The domain that consumes a hook declares the point (in its `extension-points.ts`, exported by
 * its index); domains above it, which may import it, fill the point in their descriptor's
 * `provides`. The composition root gathers every provision; the consumer reads them from
 * `context.extensions` when it registers its routes.
 */
export interface ExtensionPoint<T> {
  readonly name: string;
  /** A provision for a descriptor's `provides` list. */
  provide(value: T): Provision;
}

export interface Provision {
  readonly point: ExtensionPoint<unknown>;
  readonly value: unknown;
}

/** Declares a typed point; `name` appears in start-up errors ("attention items"). */
export function extensionPoint<T>(name: string): ExtensionPoint<T> {
  const point: ExtensionPoint<T> = {
    name,
    provide: (value) => ({ point: point as ExtensionPoint<unknown>, value }),
  };
  return point;
}

/** Every provision of the running app, by point. */
export class Extensions {
  private readonly byPoint = new Map<ExtensionPoint<unknown>, unknown[]>();

  constructor(provisions: readonly Provision[] = []) {
    for (const { point, value } of provisions) {
      const list = this.byPoint.get(point) ?? [];
      list.push(value);
      this.byPoint.set(point, list);
    }
  }

  /** All values provided for the point, in the order the domains are listed (possibly none). */
  all<T>(point: ExtensionPoint<T>): T[] {
    return [...((this.byPoint.get(point as ExtensionPoint<unknown>) ?? []) as T[])];
  }

  /** The single value of a point that needs exactly one provider; a wiring mistake stops start-up. */
  one<T>(point: ExtensionPoint<T>): T {
    const values = this.all(point);
    if (values.length !== 1) {
      throw new Error(`Extension point "${point.name}" needs exactly one provider, found ${values.length}`);
    }
    return values[0]!;
  }

  /** The value of a point that may be left empty (at most one provider). */
  optional<T>(point: ExtensionPoint<T>): T | undefined {
    const values = this.all(point);
    if (values.length > 1) {
      throw new Error(`Extension point "${point.name}" takes at most one provider, found ${values.length}`);
    }
    return values[0];
  }
}
