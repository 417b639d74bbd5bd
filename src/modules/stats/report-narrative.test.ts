import { describe, expect, it } from 'vitest';
import { narrative } from './report-narrative.ts';

const input = {
  nodeName: '一社区',
  month: '2026-10',
  figures: {
    received: { value: 120, previous: 100 },
    handled: { value: 110, previous: 90 },
    on_time_rate: { value: 0.95, previous: 0.9 },
    satisfaction_rate: { value: 0.8, previous: 0.8 },
    rectification_rate: { value: null, previous: null },
    topics_proposed: { value: 6, previous: 4 },
    topics_deliberated: { value: 3, previous: 2 },
    topics_resolved: { value: 1, previous: 0 },
  },
  topCategory: { name: '环境卫生', received: 30 },
  weakestChild: { name: '第三网格', onTimeRate: 0.7 },
};

describe('the narrative of a monthly report', () => {
  it('says how counts and rates moved against last month, in Chinese', () => {
    const text = narrative(input, 'zh-CN').join('');
    expect(text).toContain('受理案件120件，较上月增加20.0%');
    expect(text).toContain('按期办结率95.0%（上升5.0个百分点）');
    expect(text).toContain('满意率80.0%（与上月持平）');
    expect(text).toContain('整改率无');
    expect(text).toContain('第三网格（70.0%）');
    expect(text).toContain('提出议题6个，协商形成结论3个，办结1个');
  });

  it('and in English', () => {
    const text = narrative(input, 'en').join(' ');
    expect(text).toContain('received 120 cases, up 20.0% on last month');
    expect(text).toContain('On-time rate 95.0% (up 5.0 points)');
    expect(text).toContain('6 topics proposed, 3 deliberated to a conclusion, 1 resolved');
  });
});
