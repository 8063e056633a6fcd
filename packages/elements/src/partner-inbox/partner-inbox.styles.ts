/** `<partner-inbox>`'s styles: one column that reflows by the inbox's own width (320 px up). */
import { css } from 'lit';

export const partnerInboxStyles = css`
  .inbox {
    container: inbox / inline-size;
    display: grid;
    gap: 0.75em;
    overflow-wrap: anywhere;
    --_unread: var(--pk-partner-inbox-unread-color, var(--_color-primary));
    --_breach: var(--pk-partner-inbox-breach-color, var(--_color-danger));
  }
  h2,
  h3,
  h4 {
    margin: 0;
  }
  h2 {
    font-size: 1.25em;
  }
  h3 {
    font-size: 1.05em;
  }
  h4 {
    font-size: 1em;
  }
  .head,
  .item-head {
    display: flex;
    flex-wrap: wrap;
    gap: 0.25em 0.75em;
    align-items: baseline;
    justify-content: space-between;
  }
  .link:focus-visible {
    outline: 2px solid var(--_color-focus);
    outline-offset: 2px;
  }
  .section {
    display: grid;
    gap: 0.75em;
    align-content: start;
  }
  .list,
  .thread,
  .attachments {
    list-style: none;
    margin: 0;
    padding: 0;
    display: grid;
    gap: 0.5em;
  }
  .announcement,
  .request {
    border: 1px solid var(--_color-border);
    border-radius: var(--_radius);
    padding: 0.75em;
    display: grid;
    gap: 0.35em;
  }
  .announcement article {
    display: grid;
    gap: 0.35em;
    justify-items: start;
  }
  .announcement--unread {
    border-inline-start: 0.3em solid var(--_unread);
  }
  .item-title {
    font-size: 1em;
  }
  .badges,
  .meta {
    display: flex;
    flex-wrap: wrap;
    gap: 0.25em 0.75em;
    margin: 0;
    align-items: center;
  }
  .badge,
  .unread-badge {
    border-radius: 999em;
    padding: 0.1em 0.6em;
    font-size: 0.875em;
    border: 1px solid var(--_color-border);
    background: var(--_color-surface-raised);
  }
  .unread-badge,
  .badge--unread {
    border-color: var(--_unread);
    font-weight: 600;
  }
  .badge--pinned {
    font-weight: 600;
  }
  .status--open,
  .status--waiting_on_vendor {
    border-color: var(--_color-warning);
  }
  .status--resolved {
    border-color: var(--_color-success);
  }
  .breach {
    color: var(--_breach);
  }
  .body {
    justify-self: stretch;
  }
  .body p {
    margin: 0.35em 0;
  }
  .read-rate {
    display: grid;
    gap: 0.25em;
    justify-self: stretch;
  }
  .meter {
    display: block;
    height: 0.5em;
    border-radius: 999em;
    background: var(--_color-surface-raised);
    overflow: hidden;
  }
  .meter__fill {
    display: block;
    height: 100%;
    inline-size: var(--_fill, 0%);
    background: var(--_color-primary);
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
  .list-title {
    margin-block-start: 0.25em;
  }
  .request-detail {
    display: grid;
    gap: 0.5em;
  }
  .message {
    border: 1px solid var(--_color-border);
    border-radius: var(--_radius);
    padding: 0.5em 0.75em;
  }
  .message--vendor {
    background: var(--pk-partner-inbox-vendor-background, var(--_color-surface-raised));
  }
  .message__head {
    display: flex;
    flex-wrap: wrap;
    gap: 0.25em 0.75em;
    justify-content: space-between;
  }
  .message p {
    margin: 0.35em 0 0;
    white-space: pre-wrap;
  }
  .moves,
  .form {
    display: grid;
    gap: 0.35em;
  }
  .buttons {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5em;
    align-items: center;
  }
  .form input,
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
  .hint,
  .notice,
  .field-error,
  .form-error {
    margin: 0;
  }
  .field-error,
  .form-error {
    color: var(--_color-danger);
  }
  .muted {
    color: var(--_color-text-muted);
  }
  @container inbox (max-width: 24em) {
    .item-head,
    .message__head {
      display: grid;
    }
  }
`;
