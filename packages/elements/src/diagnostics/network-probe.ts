/**
 * Finds out why a request got no answer. A `no-cors` request to the backend's health endpoint
 * needs no CORS permission, so it succeeds whenever the backend answers at all: when it succeeds
 * while the real request failed, the backend does not allow this page's origin. Loaded only after a
 * network error, so no page carries it until it needs it.
 * @module
 */
import { DEV_MODE, devWarn } from '#dev-mode';
import { networkCause, rememberNetworkCause, type NetworkCause } from '../platform/network-cause.js';

// What each cause reads like. They load with the probe, the only code that ever finds a cause.
const en: Record<NetworkCause, (origin: string) => string> = {
  offline: () => 'You are offline. Reconnect, then try again.',
  unreachable: () => 'The PartnerKit service did not answer: it may be down, or its address may be wrong.',
  blocked: (origin) => `The PartnerKit service does not accept this site (${origin}): its administrator must allow it.`,
  mixed_content: () => 'This secure page cannot use the PartnerKit service over http: it needs its https address.',
};
const vi: typeof en = {
  offline: () => 'Bạn đang ngoại tuyến. Hãy kết nối mạng rồi thử lại.',
  unreachable: () => 'Dịch vụ PartnerKit không phản hồi: có thể dịch vụ đang ngừng hoặc địa chỉ bị sai.',
  blocked: (origin) => `Dịch vụ PartnerKit không chấp nhận trang web này (${origin}): quản trị viên cần cho phép nó.`,
  mixed_content: () => 'Trang bảo mật này không thể dùng dịch vụ PartnerKit qua http: cần địa chỉ https của dịch vụ.',
};

/** The words for `cause` in `language` (the element's catalogue language; English otherwise). */
export const causeWords = (language: string, cause: NetworkCause, origin: string): string => (language === 'vi' ? vi : en)[cause](origin);

/** How long one probe's answer serves every widget on the page that failed the same way. */
const PROBE_TTL_MS = 10_000;
/** A probe that takes longer than this counts as no answer. */
const PROBE_TIMEOUT_MS = 5_000;

const probes = new Map<string, { at: number; answer: Promise<boolean> }>();

// http://localhost and loopback addresses are "potentially trustworthy": an https page may call them.
const isLoopback = (host: string): boolean => host === 'localhost' || host.endsWith('.localhost') || host === '[::1]' || /^127\./.test(host);

/** The URL a failed request went to (the client's network errors carry `request.url`). */
export function failedUrl(error: object): URL | undefined {
  const url = (error as { request?: { url?: unknown } }).request?.url;
  if (typeof url !== 'string') return undefined;
  try {
    return new URL(url);
  } catch {
    return undefined;
  }
}

/**
 * The health endpoint beside the API: `https://prm.example.com/api/v1/deals` becomes
 * `https://prm.example.com/api/healthz`. Any answer proves the backend is there (a backend
 * without the endpoint answers 404, which counts).
 */
export function probeUrl(request: URL): string {
  const url = new URL(request.href);
  url.pathname = `${url.pathname.replace(/\/v1(\/.*)?$/, '')}/healthz`;
  url.search = '';
  url.hash = '';
  return url.href;
}

function probe(url: string): Promise<boolean> {
  const now = Date.now();
  const cached = probes.get(url);
  if (cached && now - cached.at < PROBE_TTL_MS) return cached.answer;
  const answer = fetch(url, { mode: 'no-cors', credentials: 'omit', cache: 'no-store', signal: AbortSignal.timeout(PROBE_TIMEOUT_MS) }).then(
    () => true,
    () => false,
  );
  probes.set(url, { at: now, answer });
  return answer;
}

/**
 * Why `error` (a client `NetworkError`) happened, remembered for `networkCause`; `null` for
 * causes a browser cannot tell (a same-origin request that failed while the backend answers).
 * Development builds also say in the console what to change, for `<tag>`.
 */
export async function diagnoseNetworkError(error: object, tag = ''): Promise<NetworkCause | null> {
  const known = networkCause(error);
  if (known !== undefined) return known;
  const url = failedUrl(error);
  const cause = await findCause(url);
  rememberNetworkCause(error, cause, causeWords);
  if (DEV_MODE && cause) explain(cause, tag, url);
  return cause;
}

function explain(cause: NetworkCause, tag: string, url: URL | undefined): void {
  const backend = url?.origin ?? 'the backend';
  const page = location.origin;
  if (cause === 'blocked') {
    devWarn('cors', `<${tag}>: ${backend} answers, but not to this page's origin ${page} (CORS). Add ${page} to the backend's allowed origins (the reference server: --allow-origin ${page}).`, backend);
  } else if (cause === 'mixed_content') {
    devWarn('mixed-content', `<${tag}>: this https page cannot call ${backend} over http. Serve the backend over https and use that address as base-url.`, backend);
  } else if (cause === 'unreachable') {
    devWarn('unreachable', `<${tag}>: nothing answers at ${backend}. Check the provider's base-url and that the backend is running.`, backend);
  }
}

async function findCause(url: URL | undefined): Promise<NetworkCause | null> {
  if (globalThis.navigator?.onLine === false) return 'offline';
  if (!url || typeof location === 'undefined') return null;
  if (location.protocol === 'https:' && url.protocol === 'http:' && !isLoopback(url.hostname)) return 'mixed_content';
  if (!(await probe(probeUrl(url)))) return 'unreachable';
  // Same origin: CORS does not apply, so the failure was something passing.
  return url.origin === location.origin ? null : 'blocked';
}
