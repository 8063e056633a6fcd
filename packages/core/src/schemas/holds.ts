/**
 * A rule a value must hold, for the schemas that need one beyond their shape.
 * @module
 */
import * as z from 'zod/mini';

/**
 * A rule a value must hold, like `z.refine`, on zod's base check: a browser bundle that checks
 * anything already carries that class, while `z.refine` brings `$ZodCustom` into every page's
 * shared chunk for one widget's schemas. A module of its own, so only the parts that use it
 * carry it.
 */
export const holds = /* @__NO_SIDE_EFFECTS__ */ <T>(predicate: (value: T) => boolean, message: string) =>
  z.check<T>((payload) => {
    if (!predicate(payload.value)) payload.issues.push({ code: 'custom', message, input: payload.value, continue: true });
  });


/** {@link holds} for a rule about a field of the value: the issue names `path` (under the value's own). */
export const holdsAt = /* @__NO_SIDE_EFFECTS__ */ <T>(path: PropertyKey[], predicate: (value: T) => boolean, message: string) =>
  z.check<T>((payload) => {
    if (!predicate(payload.value)) payload.issues.push({ code: 'custom', message, input: payload.value, path, continue: true });
  });
