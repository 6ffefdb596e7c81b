import fs from 'node:fs';
import os from 'node:os';
import { buildIfNeeded } from '../cli/build-if-needed';
import { benchCollab } from './collab';
import { benchDashboards } from './dashboard-scale';
import { benchDomains } from './domain-scale';
import { benchEditorBundle } from './editor-bundle';
import { benchLoad } from './load';
import { benchPublicPages } from './public-pages';
import { benchPublish } from './publish-scale';
import { benchSaves } from './save-round-trip';
import { benchSearch } from './search-scale';
import { meets, type Figure } from './stats';

// `npm run bench`: every benchmark in one go; prints one table and writes it to bench-results/.
buildIfNeeded(process.env.MGI_DIST_DIR || '.next');
// BENCH_ONLY=bundle,collab runs a subset while working on one figure; the full run is the record.
const only = process.env.BENCH_ONLY?.split(',').map((s) => s.trim());
const wanted = (name: string) => !only || only.includes(name);
const figures: Figure[] = [];
if (wanted('saves')) figures.push(...(await benchSaves('embedded')));
if (process.env.DATABASE_URL) {
  if (wanted('saves')) figures.push(...(await benchSaves('postgres', process.env.DATABASE_URL)));
  if (wanted('dashboards')) figures.push(...(await benchDashboards(process.env.DATABASE_URL)));
} else {
  console.log('DATABASE_URL is not set: skipping the PostgreSQL figures (saves, dashboards at scale).');
}
if (wanted('domains')) figures.push(...(await benchDomains(process.env.DATABASE_URL)));
if (wanted('bundle')) figures.push(...(await benchEditorBundle()));
if (wanted('public')) figures.push(...(await benchPublicPages()));
if (wanted('publish')) figures.push(...(await benchPublish()));
if (wanted('collab')) figures.push(...(await benchCollab(process.env.DATABASE_URL)));
if (wanted('load')) figures.push(...(await benchLoad(process.env.DATABASE_URL)));
if (wanted('search')) figures.push(...(await benchSearch(process.env.DATABASE_URL)));

const rows = figures.map((f) => [
  f.name,
  `${f.value.toFixed(1)} ${f.unit}`,
  f.target ? `${f.target.better === 'lower' ? '<' : '≥'} ${f.target.value} ${f.unit}` : '',
  meets(f),
]);
const header = ['figure', 'value', 'target', 'meets'];
const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i])).join(' | ')} |`;
const table = [line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
const machine = `${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}`;
const stamp = new Date().toISOString();
const report = `# MGI Studio benchmarks\n\n${stamp} · ${machine}\n\n${table}\n`;
console.log(`\n${report}`);
if (only) process.exit(0); // a partial run is not a record
fs.mkdirSync('bench-results', { recursive: true });
const file = `bench-results/bench-${stamp.replace(/[:.]/g, '-')}.md`;
fs.writeFileSync(file, report);
console.log(`Written to ${file}`);
