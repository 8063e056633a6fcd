/**
 * The public design tokens. A page themes every widget by setting `--pk-*` custom properties on
 * any ancestor (usually `:root`); inside the shadow roots each token is read once, here, with its
 * default, into a private `--_*` property that component styles use. Defaults come in a light and
 * a dark value through `light-dark()`, chosen by `color-scheme`: the `theme` attribute (`light`,
 * `dark`, `auto`), else `--pk-color-scheme`, else the reader's `prefers-color-scheme`.
 * Every token is documented in docs/theming.md; a test keeps the two in step.
 */
import { css } from 'lit';

export const tokenStyles = css`
  :host {
    color-scheme: var(--pk-color-scheme, light dark);

    /* Colour roles */
    --_color-surface: var(--pk-color-surface, light-dark(#ffffff, #17191c));
    --_color-surface-raised: var(--pk-color-surface-raised, light-dark(#f5f6f8, #22252a));
    --_color-text: var(--pk-color-text, light-dark(#1b1d21, #eceef1));
    --_color-text-muted: var(--pk-color-text-muted, light-dark(#5a606b, #a7adb7));
    --_color-border: var(--pk-color-border, light-dark(#d5d8de, #3a3f47));
    --_color-primary: var(--pk-color-primary, light-dark(#1f56c9, #8fb0ff));
    --_color-on-primary: var(--pk-color-on-primary, light-dark(#ffffff, #0d1a33));
    --_color-success: var(--pk-color-success, light-dark(#1d7a3e, #6fd394));
    --_color-warning: var(--pk-color-warning, light-dark(#8a5a00, #f2c15b));
    --_color-danger: var(--pk-color-danger, light-dark(#b42318, #ff9b90));
    --_color-danger-surface: var(--pk-color-danger-surface, light-dark(#fdf0ee, #3a1d1a));
    --_color-focus: var(--pk-color-focus, light-dark(#1f56c9, #8fb0ff));
    --_color-skeleton: var(--pk-color-skeleton, light-dark(#e6e8ec, #2d3137));

    /* Type: sizes in em follow the host page (the family is set in shared.styles.ts). */
    --_font-size: var(--pk-font-size, 1em);
    --_font-size-small: var(--pk-font-size-small, 0.875em);
    --_font-size-large: var(--pk-font-size-large, 1.25em);
    --_font-weight-strong: var(--pk-font-weight-strong, 600);
    --_line-height: var(--pk-line-height, 1.5);

    /* Shape and space. Density scales every spacing step (0.75 compact, 1.25 roomy). */
    --_radius: var(--pk-radius, 0.375em);
    --_radius-small: var(--pk-radius-small, 0.25em);
    --_border-width: var(--pk-border-width, 1px);
    --_density: var(--pk-density, 1);
    --_space-xs: calc(var(--pk-spacing, 1em) * 0.25 * var(--_density));
    --_space-s: calc(var(--pk-spacing, 1em) * 0.5 * var(--_density));
    --_space-m: calc(var(--pk-spacing, 1em) * var(--_density));
    --_space-l: calc(var(--pk-spacing, 1em) * 1.5 * var(--_density));
    --_focus-ring-width: var(--pk-focus-ring-width, 2px);
  }

  :host([theme='light']) {
    color-scheme: light;
  }

  :host([theme='dark']) {
    color-scheme: dark;
  }
`;
