import ExcelJS from 'exceljs';
import type { z } from 'zod';
import { safeRow } from '../../platform/export/safe-cells.ts';
import type { Actor } from '../access/access.policy.ts';
import { recordAudit } from '../audit/audit.repository.ts';
import type { exportQuery } from './care.schemas.ts';
import type { CareDeps } from './care.shared.ts';
import { filteredFiles, presentSummary } from './file-views.service.ts';

/**
 * Care files as a spreadsheet, masked as the list is: the surname only, the building without
 * the room, no phone and no ID number at all. A workbook leaves the system and is forwarded;
 * whoever needs a person opens their file, which is audited. The export itself is audited too.
 */
export const CARE_EXPORT_MAX_ROWS = 5000;

const COLUMNS = ['number', 'name', 'gender', 'age', 'groups', 'risk', 'grid', 'building', 'lastVisit', 'nextDue', 'due'] as const;
type Column = (typeof COLUMNS)[number];

const WORDS: Record<'zh-CN' | 'en', Record<Column | 'sheet', string> & { values: Record<string, string> }> = {
  'zh-CN': {
    sheet: '关爱档案',
    number: '档案编号',
    name: '姓名',
    gender: '性别',
    age: '年龄',
    groups: '关爱类别',
    risk: '风险等级',
    grid: '网格',
    building: '楼栋',
    lastVisit: '上次走访',
    nextDue: '下次走访',
    due: '走访状态',
    values: {
      female: '女',
      male: '男',
      elderly_alone: '独居老人',
      disabled: '残疾人',
      in_difficulty: '困难群众',
      retired_soldier: '退役军人',
      left_behind_child: '留守儿童',
      seriously_ill: '重病患者',
      low: '低',
      medium: '中',
      high: '高',
      overdue: '已逾期',
      due_today: '今日到期',
      due_soon: '即将到期',
      upcoming: '未到期',
    },
  },
  en: {
    sheet: 'Care files',
    number: 'File',
    name: 'Name',
    gender: 'Gender',
    age: 'Age',
    groups: 'Groups',
    risk: 'Risk',
    grid: 'Grid',
    building: 'Building',
    lastVisit: 'Last visit',
    nextDue: 'Next visit due',
    due: 'Visit status',
    values: {
      female: 'Female',
      male: 'Male',
      elderly_alone: 'Elderly living alone',
      disabled: 'Disabled',
      in_difficulty: 'In difficulty',
      retired_soldier: 'Retired soldier',
      left_behind_child: 'Left-behind child',
      seriously_ill: 'Seriously ill',
      low: 'Low',
      medium: 'Medium',
      high: 'High',
      overdue: 'Overdue',
      due_today: 'Due today',
      due_soon: 'Due soon',
      upcoming: 'Upcoming',
    },
  },
};

export async function exportCareFiles(deps: CareDeps, actor: Actor, query: z.infer<typeof exportQuery>, ip: string) {
  const { lang, ...filters } = query;
  const words = WORDS[lang];
  const label = (code: string | null) => (code === null ? null : (words.values[code] ?? code));
  const filtered = await filteredFiles(deps, actor, filters);
  const rows = filtered
    ? await filtered.q
        .orderBy('f.grid_id')
        .orderBy('f.number')
        .limit(CARE_EXPORT_MAX_ROWS + 1)
        .execute()
    : [];
  const truncated = rows.length > CARE_EXPORT_MAX_ROWS;
  const kept = rows.slice(0, CARE_EXPORT_MAX_ROWS);
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(words.sheet);
  sheet.columns = COLUMNS.map((key) => ({ header: words[key], key, width: key === 'groups' ? 28 : 14 }));
  for (const row of kept) {
    const s = presentSummary(row, filtered?.today ?? '');
    sheet.addRow(
      safeRow({
        number: s.number,
        name: s.name,
        gender: label(s.gender),
        age: s.age,
        groups: s.groups.map(label).join('、'),
        risk: label(s.riskLevel),
        grid: s.gridName,
        building: s.buildingName,
        lastVisit: s.lastVisitDate,
        nextDue: s.nextDueDate,
        due: label(s.dueStatus),
      } satisfies Record<Column, unknown>),
    );
  }
  sheet.getRow(1).font = { bold: true };
  await recordAudit(deps.db, {
    action: 'care_files.export',
    actorUserId: actor.userId,
    streetId: actor.streetId,
    subjectType: 'care_file',
    subjectIds: kept.map((r) => r.id),
    ip,
    detail: { rows: kept.length, filters },
  });
  return {
    bytes: Buffer.from(await workbook.xlsx.writeBuffer()),
    rowCount: kept.length,
    truncated,
    fileName: `care-files-${filtered?.today ?? 'empty'}.xlsx`,
  };
}
