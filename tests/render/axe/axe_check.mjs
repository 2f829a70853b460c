// axe-core over rendered HTML files in headless Debian Chromium (/usr/bin/chromium or
// $CHROMIUM; never a downloaded browser). Usage: node axe_check.mjs FILE.html...
// Prints every violation and exits 1 if there is any, 0 if there are none.
import { readFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createRequire } from 'node:module';
import puppeteer from 'puppeteer-core';

const require = createRequire(import.meta.url);
const axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
const files = process.argv.slice(2);
if (files.length === 0) {
  console.error('brug: node axe_check.mjs FIL.html...');
  process.exit(2);
}

const profile = mkdtempSync(join(tmpdir(), 'kvs-axe-'));
const browser = await puppeteer.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  headless: true,
  userDataDir: profile,
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
         '--disable-component-update', '--disable-sync', '--no-first-run'],
});
let total = 0;
try {
  for (const file of files) {
    const page = await browser.newPage();
    await page.setViewport({ width: 1200, height: 900 });
    await page.goto('file://' + resolve(file), { waitUntil: 'load' });
    await page.addScriptTag({ content: axeSource });
    const result = await page.evaluate(async () => {
      // Every rule axe runs by default (WCAG 2.0/2.1 A and AA and best practices).
      const r = await window.axe.run(document, { resultTypes: ['violations'] });
      return { version: window.axe.version, violations: r.violations.map(v => ({
        id: v.id, impact: v.impact, help: v.help,
        nodes: v.nodes.map(n => n.target.join(' ') + (n.failureSummary ? ' — ' + n.failureSummary.replace(/\s+/g, ' ') : '')),
      })) };
    });
    total += result.violations.length;
    console.log(`${file}: ${result.violations.length} overtrædelser (axe-core ${result.version})`);
    for (const v of result.violations) {
      console.log(`  ${v.id} [${v.impact}] ${v.help}`);
      for (const n of v.nodes.slice(0, 5)) console.log(`    ${n}`);
    }
    await page.close();
  }
} finally {
  await browser.close();
  rmSync(profile, { recursive: true, force: true });
}
process.exit(total === 0 ? 0 : 1);
