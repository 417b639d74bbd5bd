/**
 * Times a population register import of 50,000 rows on the full demo street: a fresh embedded
 * database (or DATABASE_URL) is migrated and seeded (not timed), a CSV of 50,000 new residents
 * spread over the street's households is written, and the import is timed from the upload to the
 * committed transaction, through the same service the desk page calls.
 *
 *   npx tsx scripts/bench-register-import.ts [rows] [--xlsx]
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { seedDemoIfEmpty } from '../src/demo/seed-demo.ts';
import { FULL_SCALE } from '../src/demo/street-plan.ts';
import { loadActor } from '../src/modules/access/access.repository.ts';
import { seedNationalCalendar } from '../src/modules/calendar/calendar.service.ts';
import { getImport, importFinished, runImport, uploadRegister } from '../src/modules/imports/imports.service.ts';
import { writeCsv, writeSheet } from '../src/modules/imports/spreadsheet.ts';
import { idNumberCheckChar } from '../src/modules/residents/id-number.ts';
import { openDatabase } from '../src/platform/db/database.ts';
import { migrate } from '../src/platform/db/migrate.ts';

const ROWS = Number(process.argv.find((a) => /^\d+$/.test(a)) ?? 50_000);
const XLSX = process.argv.includes('--xlsx');
const dataDir = await mkdtemp(path.join(tmpdir(), 'fq-import-bench-'));
const database = await openDatabase({ databaseUrl: process.env.DATABASE_URL, dataDir });
try {
  await migrate(database);
  await seedNationalCalendar(database.db);
  await seedDemoIfEmpty(database, FULL_SCALE);
  const { db } = database;
  const admin = await db.selectFrom('users').select('id').where('username', '=', 'admin').executeTakeFirstOrThrow();
  const actor = await loadActor(db, admin.id);
  if (!actor) throw new Error('no admin');
  const street = await db.selectFrom('area_nodes').select('id').where('level', '=', 'street').executeTakeFirstOrThrow();
  const homes = await db
    .selectFrom('area_nodes as h')
    .innerJoin('area_nodes as u', 'u.id', 'h.parent_id')
    .innerJoin('area_nodes as b', 'b.id', 'u.parent_id')
    .select(['b.name as building', 'u.name as unit', 'h.name as room'])
    .where('h.level', '=', 'household')
    .orderBy('h.path')
    .execute();
  const rows: string[][] = [];
  for (let i = 0; i < ROWS; i++) {
    const home = homes[i % homes.length] as (typeof homes)[number];
    // A birth day per thousand rows and a serial no resident of the demo has (its ids use other area codes).
    const born = new Date(Date.UTC(1950, 0, 1) + Math.floor(i / 1000) * 211 * 86_400_000).toISOString().slice(0, 10);
    const first17 = `110101${born.replaceAll('-', '')}${String(i % 1000).padStart(3, '0')}`;
    const id = `${first17}${idNumberCheckChar(first17)}`;
    rows.push([
      home.building,
      home.unit.replace('单元', ''),
      home.room.replace('室', ''),
      `导入居民${i}`,
      Number(id[16]) % 2 ? '男' : '女',
      '',
      `139${String(i).padStart(8, '0')}`,
      id,
      i % 3 === 0 ? '是' : '否',
      i % 10 === 0 ? '党员' : '',
    ]);
  }
  const unique = new Set(rows.map((r) => r[7]));
  if (unique.size !== rows.length) throw new Error(`generated ${rows.length - unique.size} duplicate ID numbers`);
  const headers = ['楼栋', '单元', '房号', '姓名', '性别', '出生日期', '联系电话', '身份证号', '是否户主', '人员标签'];
  const csv = XLSX ? await writeSheet('人口登记', headers, rows) : writeCsv(headers, rows);
  const deps = { db, dataDir, timeZone: 'Asia/Shanghai' };
  const t0 = performance.now();
  const uploaded = await uploadRegister(deps, actor, XLSX ? 'bench.xlsx' : 'bench.csv', csv, street.id);
  const t1 = performance.now();
  await runImport(deps, actor, uploaded.id, uploaded.suggestedMapping);
  await importFinished(uploaded.id);
  const t2 = performance.now();
  const done = await getImport(db, actor, uploaded.id);
  if (done.status !== 'committed') throw new Error(`import ${done.status}: ${JSON.stringify(done.errors.slice(0, 5))}`);
  const seconds = (ms: number) => (ms / 1000).toFixed(1);
  process.stdout.write(
    `${database.kind}: ${ROWS} rows (${(csv.length / 1024 / 1024).toFixed(1)} MB ${XLSX ? 'xlsx' : 'CSV'}): upload and read ${seconds(t1 - t0)} s, ` +
      `check and commit ${seconds(t2 - t1)} s, total ${seconds(t2 - t0)} s; inserted ${done.inserted}, updated ${done.updated}\n`,
  );
} finally {
  await database.close();
  await rm(dataDir, { recursive: true, force: true });
}
