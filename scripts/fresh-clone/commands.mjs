// The commands the documentation shows (README.md, docs/*.md, packages/*/README.md): every line
// of a shell code block (continuations joined, comments dropped) and every inline `npm ...`,
// `npx ...` or `node ...` span. The fresh-clone check must know each one, so a command added to
// the docs is checked or explicitly accounted for.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

/** @returns {{ command: string, where: string }[]} unique commands, with the first place each appears */
export function documentedCommands(root) {
  const files = [
    join(root, 'README.md'),
    ...readdirSync(join(root, 'docs')).filter((f) => f.endsWith('.md')).map((f) => join(root, 'docs', f)),
    ...readdirSync(join(root, 'packages')).map((p) => join(root, 'packages', p, 'README.md')),
  ];
  const found = new Map();
  const add = (command, file, line) => {
    const clean = command.trim();
    if (clean && !found.has(clean)) found.set(clean, `${relative(root, file)}:${line}`);
  };
  for (const file of files) {
    let text;
    try {
      text = readFileSync(file, 'utf8');
    } catch {
      continue;
    }
    const lines = text.split('\n');
    let shell = false;
    let fence = false;
    let pending = '';
    lines.forEach((line, index) => {
      const marker = /^\s*```(\w*)/.exec(line);
      if (marker) {
        fence = !fence;
        shell = fence && ['sh', 'bash', 'shell'].includes(marker[1]);
        return;
      }
      if (shell) {
        const code = line.replace(/\s+#.*$/, '').replace(/^\s*#.*$/, '');
        if (code.trimEnd().endsWith('\\')) pending += `${code.trimEnd().slice(0, -1).trim()} `;
        else {
          add(pending + code.trim(), file, index + 1);
          pending = '';
        }
      } else if (!fence) {
        for (const match of line.matchAll(/`((?:npm|npx|node) [^`]+)`/g)) add(match[1], file, index + 1);
      }
    });
  }
  return [...found].map(([command, where]) => ({ command, where }));
}
