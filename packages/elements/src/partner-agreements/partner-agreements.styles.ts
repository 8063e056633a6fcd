/**
 * `<partner-agreements>`'s styles. The widget is a container: under 36em the history table
 * becomes one card per acceptance and the form's fields stack.
 * @module
 */
import { css } from 'lit';

export const partnerAgreementsStyles = css`
  :host {
    --_text-max-height: var(--pk-partner-agreements-text-max-height, 24em);
    --_accepted-color: var(--pk-partner-agreements-accepted-color, var(--_color-success));
    --_due-color: var(--pk-partner-agreements-due-color, var(--_color-danger));
    --_line: var(--_border-width) solid var(--_color-border);
  }

  .agreements {
    container: agreements / inline-size;
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
  p {
    margin: 0;
  }

  h2 {
    font-size: var(--_font-size-large);
  }

  h3 {
    font-size: 1em;
  }

  .list,
  .facts {
    margin: 0;
    padding: 0;
    list-style: none;
  }

  .list {
    display: grid;
    gap: var(--_space-m);
  }

  .agreement {
    display: grid;
    gap: var(--_space-s);
    padding: var(--_space-m);
    border: var(--_line);
    border-radius: var(--_radius-small);
  }

  .agreement > .button {
    justify-self: start;
  }

  .head {
    display: flex;
    flex-wrap: wrap;
    align-items: baseline;
    justify-content: space-between;
    gap: var(--_space-s);
  }

  .status {
    padding: 0.1em 0.6em;
    border: var(--_border-width) solid currentColor;
    border-radius: 1em;
    font-size: var(--_font-size-small);
    font-weight: var(--_font-weight-strong);
    white-space: nowrap;
  }

  .status--accepted {
    color: var(--_accepted-color);
  }

  .status--expiring {
    color: var(--_color-warning);
  }

  .status--to_accept,
  .status--expired,
  .due {
    color: var(--_due-color);
  }

  .facts {
    display: grid;
    gap: var(--_space-xs);
    font-size: var(--_font-size-small);
  }

  .muted {
    color: var(--_color-text-muted);
  }

  .reader {
    display: grid;
    gap: var(--_space-s);
  }

  .text {
    max-height: var(--_text-max-height);
    overflow-y: auto;
    padding: var(--_space-s) var(--_space-m);
    border: var(--_line);
    border-radius: var(--_radius-small);
    background: var(--_color-surface-raised);
  }

  .text h4,
  .text h5,
  .text h6 {
    margin: var(--_space-s) 0 var(--_space-xs);
    font-size: 1em;
  }

  .text p {
    margin: 0 0 var(--_space-s);
  }

  .text a {
    color: var(--_color-primary);
  }

  fieldset {
    display: grid;
    gap: var(--_space-s);
    min-width: 0;
    margin: 0;
    padding: 0;
    border: 0;
  }

  legend {
    margin-bottom: var(--_space-s);
    padding: 0;
    font-weight: var(--_font-weight-strong);
  }

  .fields {
    display: grid;
    grid-template-columns: repeat(2, minmax(0, 1fr));
    gap: var(--_space-s);
  }

  .field {
    display: grid;
    gap: var(--_space-xs);
  }

  .field input {
    min-width: 0;
  }

  .confirm {
    display: flex;
    gap: var(--_space-s);
    align-items: flex-start;
  }

  .confirm input {
    flex: none;
    margin-top: 0.25em;
  }

  .field-error,
  .send-error {
    color: var(--_color-danger);
    font-size: var(--_font-size-small);
  }

  .accept {
    display: grid;
    gap: var(--_space-s);
  }

  .accept .button {
    justify-self: start;
  }

  .record {
    display: grid;
    gap: var(--_space-xs);
    padding: var(--_space-s) var(--_space-m);
    border-left: 0.25em solid var(--_accepted-color);
    background: var(--_color-surface-raised);
  }

  .hash {
    font-size: var(--_font-size-small);
    overflow-wrap: anywhere;
  }

  .history {
    display: grid;
    gap: var(--_space-s);
  }

  table {
    width: 100%;
    border-collapse: collapse;
    font-size: var(--_font-size-small);
  }

  th,
  td {
    padding: var(--_space-xs) var(--_space-s);
    border-bottom: var(--_line);
    text-align: start;
    vertical-align: top;
  }

  @container agreements (max-width: 36em) {
    .fields {
      grid-template-columns: minmax(0, 1fr);
    }

    /* Each value carries its column's name (data-label); the roles keep it a table for assistive technology. */
    thead {
      display: none;
    }

    table,
    tbody,
    tr,
    th,
    td {
      display: block;
    }

    tr {
      padding: var(--_space-s) 0;
      border-bottom: var(--_line);
    }

    th,
    td {
      padding: 0;
      border: 0;
    }

    td::before {
      content: attr(data-label) ': ' / '';
      color: var(--_color-text-muted);
    }
  }
`;
