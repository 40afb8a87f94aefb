// The packed tarball in a consumer project, as a web developer gets it: `npm pack`, unpacked into
// the consumer's node_modules, its dependencies linked from ours (no network).
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export function consumer(): string {
  const dir = mkdtempSync(join(tmpdir(), 'mutual-consumer-'));
  const file = execFileSync('npm', ['pack', '--silent', '--pack-destination', dir], { encoding: 'utf8' })
    .trim()
    .split('\n')
    .pop()!;
  const pkg = join(dir, 'node_modules', 'mutual-widgets');
  mkdirSync(pkg, { recursive: true });
  execFileSync('tar', ['-xzf', join(dir, file), '-C', pkg, '--strip-components=1']);
  link(dir, ['lit', '@lit', 'lit-html', 'lit-element', '@lit-labs']);
  return dir;
}

/** Links these packages of ours into the consumer's node_modules (those we have; each once). */
export function link(dir: string, packages: string[]): void {
  for (const dep of packages)
    try {
      mkdirSync(join(dir, 'node_modules', dep, '..'), { recursive: true });
      symlinkSync(resolve(`node_modules/${dep}`), join(dir, 'node_modules', dep));
    } catch {
      /* linked already, or not installed */
    }
}
