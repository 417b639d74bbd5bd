/**
 * What patrol partners write about a hazard, what the rectification order asks, what the party
 * answers and what a failed re-inspection says, per hazard type. Invented, in the words of the
 * source reports (flying lines, e-bikes taken upstairs, blocked fire exits).
 */
export interface HazardText {
  title: string;
  /** `{place}` stands for the building or compound where it was found. */
  description: string;
  requirement: string;
  reply: string;
  stillThere: string;
}

const h = (title: string, description: string, requirement: string, reply: string, stillThere: string): HazardText => ({
  title,
  description,
  requirement,
  reply,
  stillThere,
});

export const HAZARD_TEXTS: Record<string, readonly HazardText[]> = {
  FIRE_EBIKE_CHARGING: [
    h(
      '电动车飞线充电',
      '巡查发现{place}有住户从窗口拉电线给楼下电动车充电。',
      '立即拆除飞线，电动车到集中充电棚充电，并在楼道张贴禁止飞线充电提示。',
      '已拆除飞线，上门告知住户到集中充电棚充电，楼道已张贴提示。',
      '复查时仍有飞线充电，住户晚上又拉了线。',
    ),
    h(
      '楼道内私拉电线充电',
      '巡查发现{place}一楼楼道插线板给电动车电瓶充电。',
      '清除楼道私拉电线，收回插线板，告知住户到集中充电点充电。',
      '已清除私拉电线，插线板已收回，住户承诺到充电棚充电。',
      '复查时楼道插线板仍在使用。',
    ),
  ],
  FIRE_EBIKE_INDOOR: [
    h(
      '电动车推入电梯上楼',
      '巡查发现{place}有住户将电动车推进电梯带回家中。',
      '劝导住户将电动车停放在非机动车棚，电梯加装电动车阻车系统。',
      '已劝导住户将电动车停放在车棚，电梯阻车系统已安装。',
      '复查时住户仍将电动车推回家中。',
    ),
    h(
      '电动车停放在楼道内',
      '巡查发现{place}楼梯间停放两辆电动车，堵住疏散通道。',
      '将楼道内电动车移至车棚，楼道保持畅通。',
      '楼道内电动车已移至车棚，楼道已清空。',
      '复查时楼道内仍停有电动车。',
    ),
  ],
  FIRE_EXIT_BLOCKED: [
    h(
      '消防通道被车辆占用',
      '巡查发现{place}旁的消防车通道停满私家车。',
      '清离占道车辆，施划消防通道标线并设置禁停标识。',
      '占道车辆已清离，已施划标线、设置禁停牌，安排保安巡查。',
      '复查时消防通道仍有车辆停放。',
    ),
    h(
      '安全出口堆放杂物',
      '巡查发现{place}安全出口堆满纸箱和旧家具，防火门被锁。',
      '清理安全出口杂物，打开防火门锁，保持疏散通道畅通。',
      '杂物已清理，防火门已恢复常闭可开启状态。',
      '复查时防火门仍被锁闭。',
    ),
  ],
  FIRE_EQUIPMENT: [
    h(
      '灭火器过期',
      '巡查发现{place}楼道灭火器压力表指针在红区，已过有效期。',
      '更换过期灭火器，逐层检查消防器材并登记。',
      '已更换全部过期灭火器，检查记录已张贴。',
      '复查时仍有两层楼的灭火器未更换。',
    ),
    h(
      '消火栓箱内无水带',
      '巡查发现{place}消火栓箱内水带、水枪缺失。',
      '补齐消火栓水带、水枪，测试供水压力。',
      '已补齐水带水枪，供水测试正常。',
      '复查时消火栓仍缺水枪。',
    ),
  ],
  FIRE_GAS: [
    h(
      '沿街餐馆液化气罐存放不规范',
      '巡查发现{place}底商餐馆后厨存放多个液化气罐，无报警装置。',
      '清理多余液化气罐，安装可燃气体报警器，改用管道燃气。',
      '多余气罐已清运，报警器已安装，正在办理管道燃气开户。',
      '复查时后厨仍存放多个气罐。',
    ),
    h(
      '燃气软管老化',
      '巡查发现{place}有住户燃气软管老化开裂。',
      '立即关阀，更换金属波纹燃气管，燃气公司上门检测。',
      '燃气公司已上门更换金属软管，检测无泄漏。',
      '复查时软管仍未更换。',
    ),
  ],
  ORDER_SAFETY: [
    h(
      '单元门禁损坏',
      '巡查发现{place}单元门禁损坏，夜间外来人员随意进出。',
      '修复单元门禁，夜间加强保安巡逻。',
      '门禁主板已更换，保安夜间巡逻已加密。',
      '复查时门禁仍无法关闭。',
    ),
    h(
      '围墙破损路灯不亮',
      '巡查发现{place}后侧围墙破洞，周边路灯不亮。',
      '修补围墙破洞，修复路灯照明。',
      '围墙已修补，路灯已修复。',
      '复查时围墙破洞仍未修补。',
    ),
  ],
  BUILD_OCCUPY: [
    h(
      '楼道堆放杂物',
      '巡查发现{place}楼道堆放旧家具、纸箱等可燃杂物。',
      '清理楼道可燃杂物，楼道保持畅通。',
      '楼道杂物已清理完毕。',
      '复查时楼道杂物仍未清理。',
    ),
  ],
};

export const REINSPECTION_NOTES = ['复查已整改到位', '现场复查，隐患已消除', '已整改，拍照留存', '联合复查确认整改完毕'];

export const SHOP_NAMES = [
  '老王便利店',
  '鑫鑫小吃店',
  '好运来快餐',
  '阿强五金店',
  '幸福理发店',
  '家家乐超市',
  '川味小炒',
  '明亮眼镜店',
];
export const TENANT_NAMES = ['恒达科技有限公司', '智远教育咨询', '青禾文化传媒', '诚信会计服务部'];
