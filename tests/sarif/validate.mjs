// Validates SARIF files against the SARIF 2.1.0 JSON schema with Ajv (JSON Schema 2020-12
// dialect, formats checked by ajv-formats). The schema is the one @microsoft/sarif-multitool
// ships (sarif-2.1.0.json, "Static Analysis Results Format (SARIF) Version 2.1.0 JSON Schema");
// it is found in node_modules, never written by hand. Each file is then also checked by the
// SARIF Multitool's own validator (`Sarif.Multitool validate`, the schema plus the SARIF
// rules); any result of level error fails. Its warnings (e.g. SARIF2005, no informationUri)
// are printed but do not fail.
//
//   node validate.mjs FILE.sarif...
import { chmodSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';

const here = dirname(fileURLToPath(import.meta.url));

function findSchema(dir, depth = 0) {
  if (depth > 4) return null;
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (name === 'sarif-2.1.0.json' || name === 'sarif-schema-2.1.0.json') return path;
    if (statSync(path).isDirectory() && (name.startsWith('@microsoft') || name.startsWith('sarif-multitool'))) {
      const found = findSchema(path, depth + 1);
      if (found) return found;
    }
  }
  return null;
}

const schemaPath = findSchema(join(here, 'node_modules'));
if (!schemaPath) {
  console.error('sarif-2.1.0.json not found in node_modules (run npm ci in tests/sarif)');
  process.exit(2);
}
const schema = JSON.parse(readFileSync(schemaPath, 'utf8'));
if (!/Version 2\.1\.0 JSON Schema/.test(schema.title)) {
  console.error(`unexpected schema in ${schemaPath}: ${schema.title}`);
  process.exit(2);
}
const ajv = new Ajv2020({ strict: false, allErrors: true });
addFormats(ajv);
const validate = ajv.compile(schema);

// The multitool binary for this platform, beside the schema.
const multitool = join(dirname(schemaPath), process.platform === 'win32' ? 'Sarif.Multitool.exe' : 'Sarif.Multitool');

function multitoolErrors(file) {
  if (!existsSync(multitool)) return null;
  try { chmodSync(multitool, 0o755); } catch { /* read-only install: try as is */ }
  const dir = mkdtempSync(join(tmpdir(), 'kvs-sarif-'));
  const out = join(dir, 'validation.sarif');
  const run = spawnSync(multitool, ['validate', file, '-o', out], { encoding: 'utf8', timeout: 300000 });
  if (!existsSync(out)) {
    rmSync(dir, { recursive: true, force: true });
    return [`the multitool did not run: ${run.error || run.stderr || run.stdout}`];
  }
  const report = JSON.parse(readFileSync(out, 'utf8'));
  rmSync(dir, { recursive: true, force: true });
  const problems = [];
  for (const r of report.runs.flatMap((run) => run.results || [])) {
    const text = `${r.level || 'warning'} ${r.ruleId}: ${r.message?.text ?? JSON.stringify(r.message?.arguments ?? '')}`;
    if (r.level === 'error') problems.push(text);
    else console.log(`  multitool: ${text}`);
  }
  for (const n of report.runs.flatMap((run) => run.invocations || []).flatMap((i) => i.toolExecutionNotifications || []))
    if (n.level === 'error') problems.push(`notification: ${n.message?.text}`);
  return problems;
}

let failed = 0;
for (const file of process.argv.slice(2)) {
  const log = JSON.parse(readFileSync(file, 'utf8'));
  if (validate(log)) {
    const results = log.runs.reduce((n, r) => n + r.results.length, 0);
    console.log(`ok (schema): ${file} (${results} results)`);
    const problems = multitoolErrors(file);
    if (problems === null) {
      console.log('  multitool: not installed for this platform; schema validation only');
    } else if (problems.length) {
      failed++;
      console.log(`INVALID (multitool): ${file}`);
      for (const p of problems) console.log(`  ${p}`);
    } else {
      console.log(`ok (multitool): ${file}`);
    }
  } else {
    failed++;
    console.log(`INVALID: ${file}`);
    for (const e of validate.errors) console.log(`  ${e.instancePath || '/'} ${e.message} ${JSON.stringify(e.params)}`);
  }
}
console.log(`schema: ${schemaPath}`);
process.exit(failed ? 1 : 0);
