/** `<partner-plan>`'s styles: one column of objectives that reflows by the plan's own width. */
import { css } from 'lit';

export const partnerPlanStyles = css`
  .plan {
    container: plan / inline-size;
    display: grid;
    gap: 0.75em;
    overflow-wrap: anywhere;
  }
  .title {
    margin: 0;
    font-size: 1.25em;
  }
  .meta,
  .objective__meta {
    display: flex;
    flex-wrap: wrap;
    gap: 0.25em 0.75em;
    margin: 0.25em 0;
    align-items: center;
  }
  .badge {
    border-radius: 999em;
    padding: 0.1em 0.6em;
    font-size: 0.875em;
    border: 1px solid var(--_color-border);
    background: var(--_color-surface-raised);
  }
  .badge--agreed,
  .badge--done,
  .badge--on_track {
    border-color: var(--_color-success);
  }
  .badge--at_risk {
    border-color: var(--_color-warning);
  }
  .badge--off_track {
    border-color: var(--_color-danger);
  }
  .progress-row {
    display: flex;
    align-items: center;
    gap: 0.5em;
    flex-wrap: wrap;
  }
  .progress {
    flex: 1 1 8em;
    height: 0.6em;
    border-radius: 999em;
    background: var(--pk-plan-bar-background, var(--_color-surface-raised));
    overflow: hidden;
  }
  .progress__fill {
    display: block;
    height: 100%;
    width: var(--_fill, 0%);
    background: var(--pk-plan-bar-color, var(--_color-primary));
  }
  .progress--at_risk .progress__fill {
    background: var(--_color-warning);
  }
  .progress--off_track .progress__fill {
    background: var(--_color-danger);
  }
  .progress--done .progress__fill,
  .progress--on_track .progress__fill {
    background: var(--pk-plan-bar-color, var(--_color-success));
  }
  .agreements,
  .objectives,
  .activities,
  .comments {
    list-style: none;
    margin: 0;
    padding: 0;
    display: grid;
    gap: 0.5em;
  }
  .actions,
  .buttons {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5em;
    align-items: center;
  }
  .actions {
    display: grid;
  }
  .section-title,
  .sub-title {
    margin: 0.5em 0 0;
  }
  .sub-title {
    font-size: 0.95em;
  }
  .objective {
    border: 1px solid var(--_color-border);
    border-radius: var(--_radius);
    padding: 0.75em;
    display: grid;
    gap: 0.35em;
  }
  .objective__head {
    display: flex;
    justify-content: space-between;
    gap: 0.5em;
    align-items: start;
    flex-wrap: wrap;
  }
  .objective__title {
    margin: 0;
    font-size: 1em;
  }
  .measure {
    margin: 0;
    display: flex;
    flex-wrap: wrap;
    gap: 0.5em;
    align-items: center;
  }
  .overdue {
    color: var(--_color-danger);
  }
  .activity {
    display: flex;
    gap: 0.5em;
    align-items: baseline;
  }
  .activity label {
    display: grid;
  }
  .activity--done .activity__title {
    text-decoration: line-through;
  }
  .check {
    display: inline-block;
    width: 1em;
  }
  .comment__by,
  .comment__body {
    margin: 0;
  }
  .comment__body {
    white-space: pre-wrap;
  }
  .form {
    display: grid;
    gap: 0.35em;
  }
  .form--inline {
    grid-template-columns: 1fr auto;
    align-items: end;
  }
  .form--inline label {
    grid-column: 1 / -1;
  }
  .objective-form {
    border: 1px solid var(--_color-border);
    border-radius: var(--_radius);
    padding: 0.75em;
    gap: 0.75em;
  }
  .objective-form__title {
    margin: 0;
    font-size: 1em;
  }
  .objective-form p {
    margin: 0;
  }
  .stack {
    display: grid;
    gap: 0.75em;
    border: 0;
    margin: 0;
    padding: 0;
    min-width: 0;
  }
  .row {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(12em, 1fr));
    gap: 0.75em;
  }
  .field {
    display: grid;
    gap: 0.25em;
    align-content: start;
    min-width: 0;
  }
  .choice {
    border: 0;
    margin: 0;
    padding: 0;
  }
  .choice legend {
    padding: 0;
    margin-bottom: 0.25em;
  }
  .hint {
    font-size: 0.875em;
  }
  .field-error {
    color: var(--_color-danger);
  }
  [aria-invalid='true'] {
    border-color: var(--_color-danger);
  }
  .notice-info {
    border-inline-start: 0.25em solid var(--_color-primary);
    padding-inline-start: 0.5em;
  }
  .form select,
  .form input,
  .form textarea {
    font: inherit;
    min-width: 0;
    padding: 0.35em 0.5em;
    border: 1px solid var(--_color-border);
    border-radius: var(--_radius);
    background: var(--_color-surface);
    color: inherit;
  }
  .form-error,
  .notice {
    margin: 0;
    color: var(--_color-danger);
  }
  .form-error {
    grid-column: 1 / -1;
  }
  @container plan (max-width: 24em) {
    .form--inline {
      grid-template-columns: 1fr;
    }
  }
`;
