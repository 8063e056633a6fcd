/**
 * The base of every PartnerKit DOM event: a `CustomEvent` that bubbles out of shadow roots and
 * carries the contract's event envelope as `detail`, the same shape the server's event log uses.
 * @module
 */
import type { EventEnvelope } from '@partnerkit/core/schemas';

export type { EventEnvelope };

/** Options of a {@link PkEvent}: only cancelability varies; PartnerKit events always bubble. */
export interface PkEventInit {
  /** Whether a listener may call `preventDefault()` to veto what the event announces. */
  cancelable?: boolean;
}

/**
 * A PartnerKit DOM event named `pk-<noun>-<verb>` whose `detail` is an {@link EventEnvelope}.
 * Subclass it once per event type (see `error.ts`) and declare the name in `HTMLElementEventMap`.
 * Listen by name, not `instanceof`: two copies of the package on a page have two classes.
 */
export class PkEvent<TName extends `pk-${string}`, TData extends object = Record<string, unknown>> extends CustomEvent<EventEnvelope<TData>> {
  declare readonly type: TName;

  constructor(name: TName, envelope: EventEnvelope<TData>, init: PkEventInit = {}) {
    super(name, { detail: envelope, bubbles: true, composed: true, cancelable: init.cancelable ?? false });
  }
}

/** A random event id (`evt_` and 24 hex digits); works on plain-`http:` intranets too. */
export function createEventId(): string {
  const bytes = new Uint8Array(12);
  globalThis.crypto.getRandomValues(bytes);
  return `evt_${Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')}`;
}

/**
 * An envelope for `data`: `{ id, type, occurredAt, partnerId?, data }`.
 * @param type dotted event type, as in the contract (`deal.submitted`, `element.error`)
 * @param partnerId the partner the event is about, when known
 */
export function createEnvelope<TData extends object>(type: string, data: TData, partnerId?: string | null): EventEnvelope<TData> {
  const envelope: EventEnvelope<TData> = { id: createEventId(), type, occurredAt: new Date().toISOString(), data };
  if (partnerId !== undefined) envelope.partnerId = partnerId;
  return envelope;
}
