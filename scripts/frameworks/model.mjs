// The PartnerKit tags as framework bindings need them, read from the elements' custom elements
// manifest and package.json: each tag's class, its define module's public specifier, its settable
// properties, its attributes and its events with their classes. Fails with a clear message when
// the manifest names something the package does not export, so generated code never points at
// nothing.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * @typedef {{ name: string, description: string }} Documented
 * @typedef {{ name: string, eventClass: string | null, description: string, callback: string }} TagEvent
 * @typedef {{ name: string, field: string | null, description: string }} TagAttribute
 * @typedef {{
 *   tag: string,
 *   className: string,
 *   summary: string,
 *   defineSpecifier: string,
 *   properties: Documented[],
 *   attributes: TagAttribute[],
 *   events: TagEvent[],
 * }} TagModel
 */

/** `pk-deal-submitted` -> `onDealSubmitted`: the callback prop of an event in React wrappers. */
export function callbackName(eventName) {
  const words = eventName.replace(/^pk-/, '').split('-').filter(Boolean);
  return `on${words.map((w) => w[0].toUpperCase() + w.slice(1)).join('')}`;
}

const firstSentence = (text = '') => text.replace(/\s+/g, ' ').trim();

/** The public specifier (`@partnerkit/elements/deal-register.js`) whose workspace source is `source`. */
function publicSpecifier(pkg, source) {
  for (const [key, target] of Object.entries(pkg.exports ?? {})) {
    if (typeof target === 'object' && target?.['partnerkit-source'] === `./${source}`) return `${pkg.name}/${key.slice(2)}`;
  }
  return null;
}

/**
 * Every tag of the elements package, sorted by tag name.
 * @param {string} elementsDir the package directory (with custom-elements.json and package.json)
 * @returns {{ packageName: string, tags: TagModel[] }}
 */
export function readTags(elementsDir) {
  const manifest = JSON.parse(readFileSync(join(elementsDir, 'custom-elements.json'), 'utf8'));
  const pkg = JSON.parse(readFileSync(join(elementsDir, 'package.json'), 'utf8'));
  const rootModule = manifest.modules.find((m) => m.path === 'src/index.ts');
  if (!rootModule) throw new Error('custom-elements.json has no src/index.ts module: is it up to date (npm run cem)?');
  // Names the package root exports, directly or through `export *` of a module the manifest lists.
  const rootExports = new Set();
  const collect = (module, seen = new Set()) => {
    if (!module || seen.has(module.path)) return;
    seen.add(module.path);
    for (const e of module.exports ?? []) {
      if (e.name === '*') collect(manifest.modules.find((m) => m.path === e.declaration?.module?.replace(/^\.?\//, '').replace(/\.js$/, '.ts')), seen);
      else rootExports.add(e.name);
    }
  };
  collect(rootModule);
  const exported = (name, what) => {
    if (!rootExports.has(name)) throw new Error(`${what} ${name} is not exported by ${pkg.name}: add it to src/index.ts`);
    return name;
  };

  const tags = [];
  for (const module of manifest.modules) {
    for (const declaration of module.declarations ?? []) {
      if (!declaration.customElement || !declaration.tagName) continue;
      const tag = declaration.tagName;
      const defineSource = manifest.modules.find((m) => (m.exports ?? []).some((e) => e.name === declaration.name) && m.path.startsWith('src/define/'))?.path;
      const defineSpecifier = defineSource && publicSpecifier(pkg, defineSource);
      if (!defineSpecifier) throw new Error(`<${tag}> has no public define module (src/define/${tag}.ts listed in package.json exports)`);
      const fields = (declaration.members ?? []).filter((m) => m.kind === 'field' && !m.static && !m.readonly && (m.privacy ?? 'public') === 'public');
      const events = [];
      for (const event of declaration.events ?? []) {
        if (!event.name || events.some((e) => e.name === event.name)) continue;
        const eventClass = event.type?.text && /^[A-Za-z_$][\w$]*$/.test(event.type.text) ? exported(event.type.text, `The event class of ${event.name} on <${tag}>,`) : null;
        events.push({ name: event.name, eventClass, description: firstSentence(event.description), callback: callbackName(event.name) });
      }
      tags.push({
        tag,
        className: exported(declaration.name, `The class of <${tag}>,`),
        summary: firstSentence(declaration.summary ?? declaration.description),
        defineSpecifier,
        properties: fields.map((f) => ({ name: f.name, description: firstSentence(f.description) })).sort((a, b) => a.name.localeCompare(b.name)),
        attributes: (declaration.attributes ?? [])
          .filter((a) => a.name)
          .map((a) => ({ name: a.name, field: a.fieldName ?? null, description: firstSentence(a.description) }))
          .sort((a, b) => a.name.localeCompare(b.name)),
        events: events.sort((a, b) => a.name.localeCompare(b.name)),
      });
    }
  }
  if (tags.length === 0) throw new Error('custom-elements.json declares no tags');
  const callbacks = new Map();
  for (const { tag, events } of tags) {
    for (const event of events) {
      const clash = callbacks.get(event.callback);
      if (clash && clash !== event.name) throw new Error(`<${tag}>: ${event.name} and ${clash} both map to ${event.callback}`);
      callbacks.set(event.callback, event.name);
    }
  }
  return { packageName: pkg.name, tags: tags.sort((a, b) => a.tag.localeCompare(b.tag)) };
}
