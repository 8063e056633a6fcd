/**
 * Helpers shared by `<partner-training>`'s browser tests.
 * @module
 */
import type { PartnerKitClient } from '@partnerkit/core/client';
import '../../src/define/partner-training.js';
import type { PartnerTraining } from '../../src/partner-training/partner-training.js';
import { button, part, parts, until } from '../shadow-dom.js';

export { button, part, parts, text, until } from '../shadow-dom.js';



/** Settled: the overview, the player, or an empty or error state is on screen, nothing loading. */
export async function settled(el: PartnerTraining): Promise<void> {
  await until(() => el.shadowRoot?.querySelector('[part~="summary"], [part~="player"], [part~="empty"], [part~="error"]') && !el.shadowRoot.querySelector('[aria-busy="true"]'), 'the widget to settle');
  await el.updateComplete;
}

/** A `<partner-training>` on `client`, in the document, settled. */
export async function trainingElement(client: PartnerKitClient, attrs: Record<string, string> = {}): Promise<PartnerTraining> {
  const el = document.createElement('partner-training');
  for (const [name, value] of Object.entries({ lang: 'en', theme: 'light', ...attrs })) el.setAttribute(name, value);
  el.client = client;
  document.body.append(el);
  await settled(el);
  return el;
}

/** The course card of `courseId`. */
export const course = (el: PartnerTraining, courseId: string) => el.shadowRoot!.querySelector<HTMLElement>(`[data-course="${courseId}"]`)!;


/** Enrols `personId` in `courseId` through the course card's form; waits for the player (self-paced) or the confirmation. */
export async function enrol(el: PartnerTraining, courseId: string, personId: string): Promise<void> {
  const card = course(el, courseId);
  const select = card.querySelector('select')!;
  select.value = personId;
  select.dispatchEvent(new Event('change', { bubbles: true }));
  await el.updateComplete;
  button(card, 'Enrol').click();
}

/** In the player: marks every module done, one after the other. */
export async function doModules(el: PartnerTraining): Promise<void> {
  for (;;) {
    const next = part<HTMLButtonElement>(el, 'done-button');
    if (!next) return;
    const before = parts(el, 'module-done').length;
    next.click();
    await until(() => parts(el, 'module-done').length > before, 'the module saved');
  }
}

/** In the player: picks `answers` (question id to choice ids) with clicks, as a person would. */
export async function answer(el: PartnerTraining, answers: Record<string, string[]>): Promise<void> {
  for (const [questionId, choices] of Object.entries(answers)) {
    for (const choiceId of choices) {
      const input = el.shadowRoot!.querySelector<HTMLInputElement>(`#c-${questionId}-${choiceId}`)!;
      if (!input.checked) input.click();
    }
  }
  await el.updateComplete;
}

/** Every choice id of the assessment's question `questionId` on screen. */
export const choicesOf = (el: PartnerTraining, questionId: string) =>
  [...el.shadowRoot!.querySelectorAll<HTMLInputElement>(`#q-${questionId} input`)].map((i) => i.value);
