/**
 * Opaque, tamper-proof pagination cursors. A cursor holds the last item's sort position and a
 * MAC over that position, the list it belongs to and the filters it was issued for; so a
 * cursor that was edited, forged, or passed to another list or other filters is refused with
 * 400 `invalid_cursor` instead of silently answering the wrong page.
 * @module
 */
import { canonicalJson } from '@partnerkit/core/rules';
import type { Position } from '../store/page.js';
import { problems } from './problem.js';
import { base64url, fromBase64url, hmacSha256, timingSafeEqual } from '../security/random.js';

const MAC_BYTES = 16;

/** Encodes and checks cursors under one key. */
export class CursorCodec {
  constructor(private readonly key: () => Promise<Uint8Array>) {}

  private async mac(list: string, filters: object, payload: string): Promise<Uint8Array> {
    return (await hmacSha256(await this.key(), `${list}\n${canonicalJson(filters)}\n${payload}`)).slice(0, MAC_BYTES);
  }

  /** A cursor for the page after `position` of `list` under `filters`. */
  async encode(list: string, filters: object, position: Position): Promise<string> {
    const payload = base64url(new TextEncoder().encode(JSON.stringify(position)));
    return `${payload}.${base64url(await this.mac(list, filters, payload))}`;
  }

  /** The position a cursor holds, or a 400 `invalid_cursor` problem. */
  async decode(cursor: string, list: string, filters: object): Promise<Position> {
    const [payload, mac, ...rest] = cursor.split('.');
    const given = mac === undefined ? null : fromBase64url(mac);
    if (payload === undefined || given === null || rest.length > 0) throw problems.invalidCursor();
    if (!timingSafeEqual(given, await this.mac(list, filters, payload))) throw problems.invalidCursor();
    const bytes = fromBase64url(payload);
    let position: unknown;
    try {
      position = JSON.parse(new TextDecoder().decode(bytes ?? new Uint8Array()));
    } catch {
      throw problems.invalidCursor();
    }
    if (!Array.isArray(position) || !position.every((v) => typeof v === 'string' || typeof v === 'number')) throw problems.invalidCursor();
    return position;
  }
}

