/**
 * The pre-check while a person types the customer: is this customer free to register?
 * Debounced, and every superseded check is aborted, so only the answer for what is in the form
 * now is ever shown. The answer is a reason code only, never who holds the customer.
 * @module
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { ConflictReason, DealCheckInput, DealCheckResult } from '@partnerkit/core/schemas';

/** What the pre-check says about the customer in the form. */
export type PrecheckState =
  | { kind: 'idle' }
  | { kind: 'checking' }
  | { kind: 'available' }
  | { kind: 'taken'; reason: ConflictReason | 'already_registered' }
  | { kind: 'failed' };

/** Asks the backend; `signal` aborts a superseded question. */
export type CheckCustomer = (input: DealCheckInput, signal: AbortSignal) => Promise<DealCheckResult>;

/** Quiet time after the last keystroke before the backend is asked. */
export const PRECHECK_DELAY_MS = 300;

/** A Lit controller: call {@link PrecheckController.update} on every input; read `state`. */
export class PrecheckController implements ReactiveController {
  state: PrecheckState = { kind: 'idle' };
  private timer: ReturnType<typeof setTimeout> | undefined;
  private inFlight: AbortController | undefined;
  private asked = '';

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly check: () => CheckCustomer | undefined,
    private readonly delay = PRECHECK_DELAY_MS,
  ) {
    host.addController(this);
  }

  /**
   * The customer in the form changed. A company the contract would refuse (blank, too long)
   * is not asked about; a pending or running check for older text is dropped.
   */
  update(company: string, domain: string): void {
    const c = company.trim();
    const d = domain.trim();
    const question = JSON.stringify([c, d]);
    if (question === this.asked) return;
    this.cancel();
    this.asked = question;
    if (!c || c.length > 200 || d.length > 253 || !this.check()) {
      this.set({ kind: 'idle' });
      return;
    }
    this.timer = setTimeout(() => void this.run({ customer: d ? { company: c, domain: d } : { company: c } }), this.delay);
  }

  private async run(input: DealCheckInput): Promise<void> {
    const check = this.check();
    if (!check) return;
    const controller = (this.inFlight = new AbortController());
    this.set({ kind: 'checking' });
    let next: PrecheckState;
    try {
      const result = await check(input, controller.signal);
      next = result.available ? { kind: 'available' } : { kind: 'taken', reason: result.reason ?? 'already_registered' };
    } catch {
      next = { kind: 'failed' };
    }
    // A newer question superseded this one while it ran.
    if (controller.signal.aborted || controller !== this.inFlight) return;
    this.inFlight = undefined;
    this.set(next);
  }

  private set(state: PrecheckState): void {
    this.state = state;
    this.host.requestUpdate();
  }

  /** Stops any pending or running check (and forgets the last question, so it is asked again). */
  cancel(): void {
    clearTimeout(this.timer);
    this.inFlight?.abort();
    this.inFlight = undefined;
    this.asked = '';
  }

  /** Back to no answer, e.g. after a successful registration. */
  reset(): void {
    this.cancel();
    this.set({ kind: 'idle' });
  }

  hostDisconnected(): void {
    this.cancel();
    if (this.state.kind === 'checking') this.state = { kind: 'idle' };
  }
}
