/**
 * What residents of the demo street bring to deliberation, in their words: the matter, what it
 * costs, who carries it out, what the meeting resolved. `{b}` is the building's name.
 */
export interface TopicTemplate {
  title: string;
  description: string;
  /** Estimated cost in yuan, [min, max]; null for matters that cost nothing. */
  cost: [number, number] | null;
  scope: 'building' | 'estate';
  party: string;
  conclusion: string;
  /** Needs the owners' vote (a major repair from the maintenance fund). */
  vote: boolean;
  source: 'maintenance_fund' | 'public_revenue' | 'street_budget' | 'property_company' | 'owners' | 'donation';
}

export const TOPIC_TEMPLATES: TopicTemplate[] = [
  {
    title: '{b}屋顶漏水需要维修',
    description: '顶楼屋面防水层老化，连续下雨后顶楼两户天花板渗水发霉，希望尽快翻修屋面。',
    cost: [30_000, 80_000],
    scope: 'building',
    party: '物业公司',
    conclusion: '申请使用专项维修资金翻修屋面防水层，经本栋业主表决后由物业公司组织施工。',
    vote: true,
    source: 'maintenance_fund',
  },
  {
    title: '{b}加装电梯',
    description: '本栋老人多，上下楼困难，大部分住户同意加装电梯，希望社区协调意见和审批。',
    cost: [400_000, 650_000],
    scope: 'building',
    party: '业委会',
    conclusion: '按老旧小区加装电梯程序办理，先由本栋业主表决，费用按楼层分摊并申请政府补助。',
    vote: true,
    source: 'owners',
  },
  {
    title: '{b}外墙瓷砖脱落',
    description: '外墙瓷砖多处空鼓，上周有瓷砖掉落砸到电动车，存在安全隐患。',
    cost: [20_000, 60_000],
    scope: 'building',
    party: '物业公司',
    conclusion: '先拉警戒线排险，再使用维修资金对空鼓外墙统一修缮。',
    vote: true,
    source: 'maintenance_fund',
  },
  {
    title: '增设电动自行车集中充电桩',
    description: '小区电动车多，有人飞线充电、楼道充电，希望在空地增设集中充电棚。',
    cost: [15_000, 40_000],
    scope: 'estate',
    party: '物业公司',
    conclusion: '在东侧空地建设集中充电棚，引入运营企业投资，物业负责日常管理。',
    vote: false,
    source: 'property_company',
  },
  {
    title: '楼道感应灯不亮',
    description: '{b}二到五楼感应灯坏了一个多月，晚上上下楼很不安全。',
    cost: [300, 1_200],
    scope: 'building',
    party: '物业公司',
    conclusion: '物业三日内更换楼道感应灯，纳入日常巡查。',
    vote: false,
    source: 'public_revenue',
  },
  {
    title: '停车位重新划线',
    description: '小区停车位线已经看不清，乱停车堵住消防通道，希望重新规划划线。',
    cost: [8_000, 20_000],
    scope: 'estate',
    party: '物业公司',
    conclusion: '重新划设停车位和消防通道标线，使用小区公共收益支付。',
    vote: false,
    source: 'public_revenue',
  },
  {
    title: '健身器材损坏',
    description: '小区健身广场两台器材螺丝松动、扶手断裂，老人和孩子使用有危险。',
    cost: [2_000, 6_000],
    scope: 'estate',
    party: '社区居委会',
    conclusion: '街道文体经费更换损坏器材，社区定期检查。',
    vote: false,
    source: 'street_budget',
  },
  {
    title: '下水道经常堵塞',
    description: '{b}一楼下水道每月都要堵一次，污水反到卫生间，希望彻底疏通改造。',
    cost: [5_000, 15_000],
    scope: 'building',
    party: '物业公司',
    conclusion: '物业组织管道疏通并更换老化主管，费用由公共收益承担。',
    vote: false,
    source: 'public_revenue',
  },
  {
    title: '小区监控有盲区',
    description: '后门和自行车棚没有监控，最近丢了好几辆电动车。',
    cost: [6_000, 12_000],
    scope: 'estate',
    party: '物业公司',
    conclusion: '在后门和车棚补装4个高清摄像头，接入小区监控室。',
    vote: false,
    source: 'public_revenue',
  },
  {
    title: '绿化带树木遮挡采光',
    description: '{b}南侧大树长得太高，低层住户白天也要开灯，希望修剪。',
    cost: [1_000, 3_000],
    scope: 'building',
    party: '物业公司',
    conclusion: '物业联系园林部门对树木进行修剪，兼顾采光和绿化。',
    vote: false,
    source: 'public_revenue',
  },
  {
    title: '楼道堆放杂物清理',
    description: '{b}楼道里堆了旧家具和纸箱，影响通行，也有火灾隐患。',
    cost: null,
    scope: 'building',
    party: '网格员',
    conclusion: '网格员和楼栋长上门劝导，限期清理，逾期由物业统一清运。',
    vote: false,
    source: 'public_revenue',
  },
  {
    title: '增设晾晒架',
    description: '小区没有公共晾晒的地方，大家在绿化带拉绳晒被子，希望统一安装晾晒架。',
    cost: [3_000, 8_000],
    scope: 'estate',
    party: '物业公司',
    conclusion: '在中心绿地边安装不锈钢晾晒架10组。',
    vote: false,
    source: 'public_revenue',
  },
  {
    title: '垃圾分类亭异味大',
    description: '垃圾分类亭离{b}太近，夏天味道很大，希望移位或增加清运次数。',
    cost: [2_000, 10_000],
    scope: 'estate',
    party: '物业公司',
    conclusion: '垃圾亭清运改为每日两次并加装除臭设备。',
    vote: false,
    source: 'public_revenue',
  },
  {
    title: '单元门禁经常坏',
    description: '{b}单元门禁经常打不开，外来人员随意进出。',
    cost: [2_500, 6_000],
    scope: 'building',
    party: '物业公司',
    conclusion: '更换单元门禁主机，物业建立维修台账。',
    vote: false,
    source: 'public_revenue',
  },
  {
    title: '消防通道被占用',
    description: '小区主干道晚上停满车，消防车根本进不来。',
    cost: null,
    scope: 'estate',
    party: '物业公司',
    conclusion: '设置消防通道禁停标识和隔离桩，物业夜间巡查劝离。',
    vote: false,
    source: 'public_revenue',
  },
  {
    title: '增设休息座椅',
    description: '老人散步没地方歇脚，希望在小区步道旁加几张长椅。',
    cost: [2_000, 5_000],
    scope: 'estate',
    party: '社区居委会',
    conclusion: '社区微实事项目出资增设长椅8张。',
    vote: false,
    source: 'donation',
  },
  {
    title: '{b}雨棚破损漏雨',
    description: '单元门口雨棚破了，下雨天进出都淋湿，还滴到电表箱上。',
    cost: [3_000, 9_000],
    scope: 'building',
    party: '物业公司',
    conclusion: '更换单元雨棚，使用公共收益支付。',
    vote: false,
    source: 'public_revenue',
  },
];

export const DECLINE_REASONS = [
  '属于住户自家专有部分，不属于公共议事范围，已告知住户自行维修。',
  '该事项已纳入街道老旧小区改造计划统一实施，不再单独立项。',
  '经现场查看问题已由物业在日常维修中解决。',
];

export const MEETING_PLACES = ['社区党群服务中心议事厅', '小区物业服务中心会议室', '社区居民会客厅'];
