/** `<application-review>`'s styles: one column that reflows by the widget's own width (320 px up). */
import { css } from 'lit';

export const applicationReviewStyles = css`
  .review {
    container: review / inline-size;
    display: grid;
    gap: 0.75em;
    overflow-wrap: anywhere;
    --_flag: var(--pk-application-review-flag-color, var(--_color-warning));
    --_knock-out: var(--pk-application-review-knock-out-color, var(--_color-danger));
  }
  h2,
  h3,
  h4,
  h5 {
    margin: 0;
  }
  .review > .button {
    justify-self: start;
  }
  h2 {
    font-size: 1.25em;
  }
  h3 {
    font-size: 1.1em;
  }
  h4,
  h5 {
    font-size: 1em;
  }
  .stages {
    display: flex;
    flex-wrap: wrap;
    gap: 0.35em;
    margin: 0;
    padding: 0;
    list-style: none;
  }
  .stage[aria-pressed='true'] {
    border-color: var(--_color-primary);
    font-weight: 600;
  }
  .filters {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(12em, 1fr));
    gap: 0.5em;
  }
  .filter {
    display: grid;
    gap: 0.2em;
  }
  .filter input,
  .filter select,
  .form input:not([type='radio'], [type='checkbox']),
  .form select,
  .form textarea {
    font: inherit;
    min-width: 0;
    padding: 0.35em 0.5em;
    border: 1px solid var(--_color-border);
    border-radius: var(--_radius);
    background: var(--_color-surface);
    color: inherit;
  }
  .list,
  .history {
    list-style: none;
    margin: 0;
    padding: 0;
    display: grid;
    gap: 0.5em;
  }
  .item {
    border: 1px solid var(--_color-border);
    border-radius: var(--_radius);
    padding: 0.75em;
    display: grid;
    gap: 0.35em;
  }
  .item-head,
  .meta {
    display: flex;
    flex-wrap: wrap;
    gap: 0.25em 0.75em;
    align-items: baseline;
    margin: 0;
  }
  .item-head {
    justify-content: space-between;
  }
  .badge {
    border-radius: 999em;
    padding: 0.1em 0.6em;
    font-size: 0.875em;
    border: 1px solid var(--_color-border);
    background: var(--_color-surface-raised);
  }
  .status--approved {
    border-color: var(--_color-success);
  }
  .status--declined,
  .status--withdrawn {
    border-color: var(--_color-danger);
  }
  .badge--duplicate {
    border-color: var(--_flag);
    font-weight: 600;
  }
  .link {
    font: inherit;
    font-weight: 600;
    color: var(--_color-primary);
    background: none;
    border: 0;
    padding: 0;
    text-align: start;
    text-decoration: underline;
    cursor: pointer;
  }
  .link:focus-visible {
    outline: 2px solid var(--_color-focus);
    outline-offset: 2px;
  }
  .detail,
  .scoring,
  .summary,
  .moves,
  .form {
    display: grid;
    gap: 0.5em;
  }
  .columns {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(16em, 1fr));
    gap: 0.75em;
  }
  .facts {
    display: grid;
    gap: 0.25em;
    margin: 0;
  }
  .field-row {
    display: grid;
    grid-template-columns: minmax(8em, 1fr) 2fr;
    gap: 0.5em;
  }
  .field-row dt {
    color: var(--_color-text-muted);
  }
  .field-row dd {
    margin: 0;
    white-space: pre-wrap;
  }
  .notice {
    border: 1px solid var(--_color-border);
    border-radius: var(--_radius);
    padding: 0.5em 0.75em;
  }
  .notice p,
  .notice ul {
    margin: 0.25em 0;
  }
  .notice--warning {
    border-color: var(--_flag);
  }
  .notice--success {
    border-color: var(--_color-success);
  }
  .buttons {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5em;
    align-items: center;
  }
  .criterion {
    border: 1px solid var(--_color-border);
    border-radius: var(--_radius);
    padding: 0.5em 0.75em;
    margin: 0;
    display: grid;
    gap: 0.35em;
    min-width: 0;
  }
  .criterion legend {
    font-weight: 600;
    padding: 0 0.25em;
  }
  .scale {
    display: grid;
    gap: 0.25em;
  }
  .level,
  .check {
    display: flex;
    gap: 0.5em;
    align-items: baseline;
  }
  .live {
    display: flex;
    flex-wrap: wrap;
    gap: 0.25em 0.75em;
    align-items: baseline;
    font-weight: 600;
  }
  .knock-out {
    color: var(--_knock-out);
  }
  .flag {
    display: block;
    color: var(--_color-text);
    font-size: 0.875em;
    border-inline-start: 0.25em solid var(--_flag);
    padding-inline-start: 0.35em;
  }
  .table-wrap {
    overflow-x: auto;
  }
  table {
    border-collapse: collapse;
    min-width: 100%;
  }
  th,
  td {
    text-align: start;
    padding: 0.25em 0.5em;
    border-block-end: 1px solid var(--_color-border);
    vertical-align: top;
  }
  .form-error {
    margin: 0;
    color: var(--_color-danger);
  }
  .muted {
    color: var(--_color-text-muted);
  }
  p {
    margin: 0;
  }
  @container review (max-width: 30em) {
    .item-head,
    .field-row {
      display: grid;
      grid-template-columns: 1fr;
    }
  }
`;
