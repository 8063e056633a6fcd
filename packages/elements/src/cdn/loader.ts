/**
 * The CDN loader: `<script type="module" src="https://<cdn>/@partnerkit/elements/cdn/loader.js">`.
 * It defines each PartnerKit tag the first time the tag appears on the page (now or later, in the
 * document or in an open shadow root it can see) by importing only that tag's define module, so a
 * page pays only for the widgets it uses. Closed shadow roots are invisible to it: import the
 * define module (`cdn/partner-scorecard.js`) there instead.
 * @module
 */

// Literal specifiers, so the bundler makes one chunk per widget over shared chunks; the CDN entries
// themselves, which export nothing, so the build imports each without picking a namespace from it.
const definitions: Record<string, () => Promise<unknown>> = {
  'partnerkit-provider': () => import('./partnerkit-provider.js'),
  'partner-scorecard': () => import('./partner-scorecard.js'),
  'deal-register': () => import('./deal-register.js'),
  'resource-library': () => import('./resource-library.js'),
  'partner-agreements': () => import('./partner-agreements.js'),
  'partner-plan': () => import('./partner-plan.js'),
  'partner-inbox': () => import('./partner-inbox.js'),
  'partner-application': () => import('./partner-application.js'),
  'partner-training': () => import('./partner-training.js'),
  'application-review': () => import('./application-review.js'),
};

/** Tags not requested yet. */
const waiting = new Set(Object.keys(definitions));
const observed = new WeakSet<Node>();

function define(tag: string): void {
  if (!waiting.delete(tag)) return;
  if (!waiting.size) observer.disconnect();
  if (customElements.get(tag)) return; // another copy or the host page got there first
  definitions[tag]!().catch((error: unknown) => {
    waiting.add(tag); // a later appearance tries again (the network may come back)
    console.error(`[PartnerKit] could not load <${tag}>:`, error);
  });
}

/** Defines the tags used in `root` and watches the open shadow roots inside it. */
function scan(root: Element | Document | ShadowRoot): void {
  if (!waiting.size) return;
  if (root instanceof Element && waiting.has(root.localName)) define(root.localName);
  for (const el of root.querySelectorAll([...waiting].join(','))) define(el.localName);
  const all = root instanceof Element ? [root, ...root.querySelectorAll('*')] : root.querySelectorAll('*');
  for (const el of all) if (el.shadowRoot) watch(el.shadowRoot);
}

function watch(root: Document | ShadowRoot): void {
  if (observed.has(root)) return;
  observed.add(root);
  observer.observe(root, { childList: true, subtree: true });
  scan(root);
}

const observer = new MutationObserver((records) => {
  for (const record of records) {
    for (const node of record.addedNodes) if (node instanceof Element) scan(node);
  }
});

watch(document);
