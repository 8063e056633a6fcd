/**
 * Tier badge colours. A tier's colour comes from the backend, so it is never pasted into CSS
 * text: only a strict `#RRGGBB` value passes, and it reaches the stylesheet through a custom
 * property set with the CSSOM (safe under a strict Content-Security-Policy).
 * @module
 */

const HEX_COLOUR = /^#[0-9a-f]{6}$/i;

/** Colours for a tier badge: the tier's own colour and the text colour that reads on it. */
export interface BadgeColours {
  /** The tier's colour, exactly as validated (`#RRGGBB`). */
  background: string;
  /** Black or white, whichever contrasts more with `background` (always at least 4.5:1). */
  foreground: '#000000' | '#ffffff';
}

/** WCAG 2.x relative luminance of a validated `#RRGGBB` colour. */
export function relativeLuminance(hex: string): number {
  const channel = (offset: number) => {
    const c = Number.parseInt(hex.slice(offset, offset + 2), 16) / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(1) + 0.7152 * channel(3) + 0.0722 * channel(5);
}

/** WCAG contrast ratio of two luminances (1 to 21). */
export function contrastRatio(a: number, b: number): number {
  const [light, dark] = a > b ? [a, b] : [b, a];
  return (light + 0.05) / (dark + 0.05);
}

/**
 * The badge colours for a tier colour, or `null` when the value is not a plain `#RRGGBB` (the
 * badge then keeps its themed default colours). Black or white text always reaches at least
 * 4.58:1 against any opaque colour, so the choice between the two is always AA for normal text.
 */
export function badgeColours(colour: string | null | undefined): BadgeColours | null {
  if (typeof colour !== 'string' || !HEX_COLOUR.test(colour)) return null;
  const luminance = relativeLuminance(colour);
  const onBlack = contrastRatio(luminance, 0);
  const onWhite = contrastRatio(luminance, 1);
  return { background: colour, foreground: onBlack >= onWhite ? '#000000' : '#ffffff' };
}
