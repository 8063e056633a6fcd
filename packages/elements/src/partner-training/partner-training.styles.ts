/**
 * `<partner-training>`'s styles, the course player's included. The widget is a container: under
 * 36em the at-a-glance panels stack and a module's actions go under its title.
 * @module
 */
import { css } from 'lit';

export const partnerTrainingStyles = css`
  :host {
    --_needed-color: var(--pk-partner-training-needed-color, var(--_color-primary));
    --_expiring-color: var(--pk-partner-training-expiring-color, var(--_color-warning));
    --_done-color: var(--pk-partner-training-done-color, var(--_color-success));
    --_line: var(--_border-width) solid var(--_color-border);
  }

  .training {
    container: training / inline-size;
    display: grid;
    gap: var(--_space-m);
    padding: var(--_space-m);
    border: var(--_line);
    border-radius: var(--_radius);
    background: var(--_color-surface);
    overflow-wrap: anywhere;
  }

  h2,
  h3,
  h4,
  p {
    margin: 0;
  }

  h2 {
    font-size: var(--_font-size-large);
  }

  h3,
  h4 {
    font-size: 1em;
  }

  .plain,
  .facts,
  .modules {
    margin: 0;
    padding: 0;
    list-style: none;
  }

  .glance {
    display: grid;
    grid-template-columns: repeat(2, minmax(0, 1fr));
    gap: var(--_space-m);
  }

  .summary {
    grid-column: 1 / -1;
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space-xs) var(--_space-l);
    font-weight: var(--_font-weight-strong);
  }

  .panel,
  .course,
  .person,
  .module,
  .certificate {
    display: grid;
    gap: var(--_space-s);
    padding: var(--_space-s) var(--_space-m);
    border: var(--_line);
    border-radius: var(--_radius-small);
  }

  .panel--missing {
    border-inline-start: 0.25em solid var(--_needed-color);
  }

  .panel--expiring {
    border-inline-start: 0.25em solid var(--_expiring-color);
  }

  .catalogue,
  .people,
  .player,
  .assessment,
  .questions,
  .courses,
  .people-list,
  .modules {
    display: grid;
    gap: var(--_space-m);
  }

  .head {
    display: flex;
    flex-wrap: wrap;
    align-items: baseline;
    justify-content: space-between;
    gap: var(--_space-s);
  }

  .badge {
    padding: 0.1em 0.6em;
    border: var(--_border-width) solid currentColor;
    border-radius: 1em;
    font-size: var(--_font-size-small);
    font-weight: var(--_font-weight-strong);
    white-space: nowrap;
  }

  .badge--needed {
    color: var(--_needed-color);
  }

  .badge--expiring,
  .certificate-item--soon {
    color: var(--_expiring-color);
  }

  .badge--done,
  .done {
    color: var(--_done-color);
  }

  .certificate-item--expired,
  .muted {
    color: var(--_color-text-muted);
  }

  .facts {
    display: grid;
    gap: var(--_space-xs);
    font-size: var(--_font-size-small);
  }

  .enrol {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_space-s);
  }

  .enrol select {
    min-width: 0;
    max-width: 100%;
    font: inherit;
  }

  .enrol .problem,
  .enrol [role='status'] {
    flex-basis: 100%;
  }

  .enrolment {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_space-xs) var(--_space-s);
  }

  .button--small {
    padding-block: 0.15em;
    font-size: var(--_font-size-small);
  }

  .player > .button {
    justify-self: start;
  }

  .module {
    grid-template-columns: minmax(0, 1fr) auto;
    align-items: center;
  }

  .module__actions {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space-s);
    align-items: center;
    grid-column: 2;
    grid-row: 1 / span 2;
  }

  .question {
    display: grid;
    gap: var(--_space-xs);
    min-width: 0;
    margin: 0;
    padding: var(--_space-s) var(--_space-m);
    border: var(--_line);
    border-radius: var(--_radius-small);
  }

  .question[aria-invalid='true'] {
    border-color: var(--_color-danger);
  }

  legend {
    padding: 0 var(--_space-xs);
    font-weight: var(--_font-weight-strong);
  }

  .choice {
    display: flex;
    gap: var(--_space-s);
    align-items: flex-start;
  }

  .choice input {
    flex: none;
    margin-top: 0.3em;
  }

  .questions > .button {
    justify-self: start;
  }

  .problem,
  .notice--error,
  .result--failed {
    color: var(--_color-danger);
  }

  .result:empty,
  .notice:empty {
    display: none;
  }

  .result {
    font-weight: var(--_font-weight-strong);
  }

  .certificate {
    border-inline-start: 0.25em solid var(--_done-color);
    background: var(--_color-surface-raised);
  }

  @container training (max-width: 36em) {
    .glance {
      grid-template-columns: minmax(0, 1fr);
    }

    .module {
      grid-template-columns: minmax(0, 1fr);
    }

    .module__actions {
      grid-column: 1;
      grid-row: auto;
    }
  }
`;
