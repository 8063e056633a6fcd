/** The list views' own rules (rows, the reason dialog), added when the list loads. */
import { css } from 'lit';

export const listStyles = css`
  .deals {
    list-style: none;
    margin: 0;
    padding: 0;
  }

  .deal {
    padding: var(--_space-m) 0;
    border-bottom: var(--_border-width) solid var(--_color-border);
    overflow-wrap: anywhere;
  }

  /* Where the next batch of rows is rendered, once it comes near the viewport. */
  .sentinel {
    height: 1px;
  }

  .deal p {
    margin: 0 0 var(--_space-xs);
  }

  .button--quiet {
    border-color: transparent;
    background: none;
  }

  /* Wide enough to write a reason on a desktop; on a phone the whole width but a margin, and never
     taller than the viewport (the dialog scrolls inside), so its top is never cut off. */
  dialog {
    box-sizing: border-box;
    width: min(36em, 100vw - 2em);
    max-width: none;
    max-height: calc(100dvh - 2em);
    overflow-y: auto;
    padding: var(--_space-m);
    border: var(--_border-width) solid var(--_color-border);
    border-radius: var(--_radius);
    background: var(--_color-surface);
    color: var(--_color-text);
  }

  dialog::backdrop {
    /* A scrim dims the page the same way in light and dark. */
    background: color-mix(in srgb, black 40%, transparent);
  }
`;
