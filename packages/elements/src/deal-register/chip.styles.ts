/**
 * Status chips (and the success banner), added to the element's shadow root by the views that show them (they load on
 * demand, and so do these rules).
 */
import { css } from 'lit';

export const chipStyles = css`
  .banner--success {
    border-color: var(--_color-success);
  }

  .chip {
    display: inline-block;
    padding: 0 var(--_space-s);
    border: var(--_border-width) solid currentColor;
    border-radius: var(--pk-deal-register-chip-radius, 1em);
    font-size: var(--_font-size-small);
    font-weight: var(--_font-weight-strong);
    white-space: nowrap;
  }

  .chip--approved,
  .chip--won {
    color: var(--_color-success);
  }

  .chip--submitted,
  .chip--under_review,
  .chip--needs_info {
    color: var(--_color-warning);
  }

  .chip--rejected,
  .chip--lost,
  .chip--expired {
    color: var(--_color-danger);
  }

  .chip--withdrawn,
  .chip--draft {
    color: var(--_color-text-muted);
  }
`;
