/**
 * `<partner-scorecard>`'s own styles, over the platform's tokens. Public tokens are read once on
 * the host into private `--_sc-*` properties; colours come only from tokens (and the tier badge's
 * validated colour, set per badge as `--_tier-colour`), sizes are in `em`. (Comments stay out of
 * the CSS text: it ships as written.)
 *
 * - `--_status-icon-mark` is the mark drawn inside filled status icons.
 * - `.scorecard` is the container: its width, not the viewport's, picks the layout.
 * - Under 36em the trend column, the target's source and the percentage beside each bar go (the
 *   bar's value text keeps it); under 30em each KPI becomes a card (name and status, actual and
 *   target side by side, the bar, the trend), labelled for the eye by `data-label` (the column
 *   headers still name the cells for assistive technology).
 * - `compact` hides the same, plus gap details and the update time; its status text is made
 *   visually hidden by the template.
 * - The loading skeleton keeps the data layout: a header, a score and rows.
 */
import { css } from 'lit';

export const scorecardStyles = css`
  :host {
    --_sc-on-track: var(--pk-scorecard-on-track-color, var(--_color-success));
    --_sc-at-risk: var(--pk-scorecard-at-risk-color, var(--_color-warning));
    --_sc-bar-height: var(--pk-scorecard-bar-height, 0.5em);
    --_status-icon-mark: var(--_color-surface);
  }

  .scorecard {
    container: scorecard / inline-size;
    display: grid;
    grid-template-columns: minmax(0, 1fr);
    gap: var(--_space-m);
    padding: var(--_space-m);
    border: var(--_border-width) solid var(--_color-border);
    border-radius: var(--_radius);
    background: var(--_color-surface);
  }

  .scorecard[aria-busy='true'] .body {
    opacity: 0.55;
  }

  .header {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: space-between;
    gap: var(--_space-s) var(--_space-m);
  }

  .identity {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_space-s);
    min-width: 0;
  }

  .name {
    margin: 0;
    font-size: var(--_font-size-large);
    font-weight: var(--_font-weight-strong);
    line-height: 1.25;
    overflow-wrap: anywhere;
  }

  .badge {
    display: inline-flex;
    align-items: center;
    padding: 0.125em 0.625em;
    border: var(--_border-width) solid color-mix(in srgb, currentColor 30%, transparent);
    border-radius: var(--pk-scorecard-badge-radius, 999px);
    background: var(--_tier-colour, var(--pk-scorecard-badge-background, var(--_color-surface-raised)));
    color: var(--_tier-on-colour, var(--pk-scorecard-badge-color, var(--_color-text)));
    font-size: var(--_font-size-small);
    font-weight: var(--_font-weight-strong);
    max-width: 100%;
    overflow-wrap: anywhere;
  }

  .picker {
    display: inline-flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_space-xs) var(--_space-s);
    max-width: 100%;
    color: var(--_color-text-muted);
  }

  .picker select {
    max-width: 100%;
    min-height: 2.25em;
    padding: 0 var(--_space-s);
    border: var(--_border-width) solid var(--_color-border);
    border-radius: var(--_radius-small);
    background: var(--_color-surface);
    color: var(--_color-text);
  }

  .score {
    display: flex;
    align-items: baseline;
    flex-wrap: wrap;
    gap: var(--_space-s);
    margin: 0;
  }

  .score__value {
    font-size: 1.75em;
    font-weight: var(--_font-weight-strong);
    line-height: 1;
    font-variant-numeric: tabular-nums;
  }

  .muted,
  .hint {
    color: var(--_color-text-muted);
  }

  .hint {
    display: block;
    font-size: var(--_font-size-small);
    font-weight: normal;
  }

  table {
    width: 100%;
    border-collapse: collapse;
  }

  th,
  td {
    padding: var(--_space-s);
    border-bottom: var(--_border-width) solid var(--pk-scorecard-row-border-color, var(--_color-border));
    text-align: start;
    vertical-align: middle;
  }

  thead th {
    color: var(--_color-text-muted);
    font-size: var(--_font-size-small);
    font-weight: var(--_font-weight-strong);
  }

  tbody th {
    font-weight: var(--_font-weight-strong);
  }

  .num {
    text-align: end;
    font-variant-numeric: tabular-nums;
    white-space: nowrap;
  }

  .row--on-track {
    --_status-colour: var(--_sc-on-track);
  }
  .row--at-risk {
    --_status-colour: var(--_sc-at-risk);
  }
  .row--off-track {
    --_status-colour: var(--pk-scorecard-off-track-color, var(--_color-danger));
  }
  .row--no-target {
    --_status-colour: var(--pk-scorecard-no-target-color, var(--_color-text-muted));
  }
  .row--no-data {
    --_status-colour: var(--pk-scorecard-no-data-color, var(--_color-text-muted));
  }

  .attainment {
    display: flex;
    align-items: center;
    gap: var(--_space-s);
    min-width: 4em;
  }

  .bar {
    flex: 1;
    min-width: 3em;
    height: var(--_sc-bar-height);
    border-radius: var(--_sc-bar-height);
    background: var(--pk-scorecard-bar-track-color, var(--_color-skeleton));
    overflow: hidden;
  }

  .bar__fill {
    width: calc(var(--_fill, 0) * 100%);
    height: 100%;
    background: var(--_status-colour);
  }

  .status {
    display: inline-flex;
    align-items: center;
    gap: var(--_space-xs);
  }

  .status__icon {
    flex: none;
    width: 1em;
    height: 1em;
    fill: var(--_status-colour);
    stroke-width: 1.8;
    stroke-linecap: round;
    stroke-linejoin: round;
  }

  .status__icon .m,
  .status__icon .o {
    fill: none;
    stroke: var(--_status-icon-mark);
  }

  .status__icon .o {
    stroke: var(--_status-colour);
    stroke-width: 1.6;
  }

  .sparkline {
    display: block;
    width: 6em;
    height: 1.5em;
    color: var(--pk-scorecard-sparkline-color, var(--_color-primary));
    overflow: visible;
  }

  .sparkline path {
    fill: none;
    stroke: currentColor;
    stroke-width: 1.5;
    stroke-linejoin: round;
    stroke-linecap: round;
  }

  .sparkline circle {
    fill: currentColor;
  }

  .tier {
    display: grid;
    gap: var(--_space-s);
  }

  .notice {
    margin: 0;
    padding: var(--_space-s) var(--_space-m);
    border-inline-start: 0.25em solid var(--_color-primary);
    border-radius: var(--_radius-small);
    background: var(--pk-scorecard-notice-background, var(--_color-surface-raised));
    overflow-wrap: anywhere;
  }

  .notice--pending {
    border-inline-start-color: var(--_sc-at-risk);
  }

  .notice--top {
    border-inline-start-color: var(--_sc-on-track);
  }

  .notice h3,
  .notice p {
    margin: 0;
  }

  .notice h3 {
    font-size: 1em;
    font-weight: var(--_font-weight-strong);
  }

  .gaps {
    margin: var(--_space-xs) 0 0;
    padding-inline-start: 1.25em;
  }

  .gaps li + li {
    margin-top: var(--_space-xs);
  }

  .updated {
    margin: 0;
    font-size: var(--_font-size-small);
  }

  tbody th {
    overflow-wrap: anywhere;
  }

  @container scorecard (max-width: 36em) {
    .col-trend,
    .hint--source,
    .attainment .num {
      display: none;
    }
  }

  @container scorecard (max-width: 30em) {
    table,
    tbody,
    th,
    td {
      display: block;
    }

    thead {
      display: none;
    }

    tr.row {
      display: grid;
      grid-template-columns: repeat(2, minmax(0, 1fr));
      gap: var(--_space-s) var(--_space-m);
      margin-bottom: var(--_space-s);
      padding: var(--_space-s) var(--_space-m);
      border: var(--_border-width) solid var(--pk-scorecard-row-border-color, var(--_color-border));
      border-radius: var(--_radius);
    }

    tr.row > * {
      padding: 0;
      border: 0;
    }

    tr.row > th {
      grid-area: 1 / 1;
    }

    .cell-status {
      grid-area: 1 / 2;
      justify-self: end;
      text-align: end;
    }

    .cell-bar,
    tr.row > .col-trend {
      display: block;
      grid-column: 1 / -1;
    }

    .num {
      text-align: start;
    }

    td[data-label]::before {
      content: attr(data-label) / '';
      display: block;
      color: var(--_color-text-muted);
      font-size: var(--_font-size-small);
    }

    .attainment .num {
      display: inline;
    }
  }

  :host([compact]) .scorecard {
    gap: var(--_space-s);
    padding: var(--_space-s);
  }

  :host([compact]) th,
  :host([compact]) td {
    padding: var(--_space-xs) var(--_space-s);
  }

  :host([compact]) .col-trend,
  :host([compact]) .gap__detail,
  :host([compact]) .updated,
  :host([compact]) .hint--source {
    display: none;
  }

  :host([compact]) .score__value {
    font-size: 1.25em;
  }
  .skeleton-layout {
    display: grid;
    gap: var(--_space-m);
    width: 100%;
  }

  .skeleton-row {
    display: grid;
    grid-template-columns: 3fr 2fr 2fr 3fr 2fr;
    gap: var(--_space-m);
    align-items: center;
  }

  .skeleton--pill {
    width: 5em;
    height: 1.5em;
    border-radius: 999px;
  }
`;
