// The synthetic units: departments, 街道, schools, a hospital and 事业单位
// of several provinces. Each line is one 项 the unit spends on, with its
// share of the unit's spending and how that money is split; the builder
// turns these shares into exact figures. Names are realistic but invented.

export type UnitKind = "admin" | "subdistrict" | "school" | "hospital" | "institution";
export type Fund = "general" | "gov_fund" | "state_capital";
/** Where the basic part of a line lands in 表6. */
export type T6Kind = "salary" | "pension" | "annuity" | "medical" | "housing" | "housing_sub" | "retire";

export interface LineSpec {
  /** 7-digit 项 code, or "medical" for the staff medical 项 of the year (21005xx before FY2018, 21011xx after). */
  readonly code: string;
  readonly fund?: Fund;
  /** Share of the unit's yearly spending. */
  readonly w: number;
  /** Share of the line that is 基本支出 (the rest is 项目支出). */
  readonly basic: number;
  readonly t6?: T6Kind;
  /** Share paid from non-fiscal income (事业/经营/其他收入): in 表3, not in 表5. */
  readonly nf?: number;
  /** Part of the non-fiscal share is 经营支出. */
  readonly operating?: boolean;
  readonly from?: number;
  readonly to?: number;
}

export interface UnitSpec {
  readonly id: string;
  readonly name: string;
  readonly province: string;
  readonly kind: UnitKind;
  /** Spending in 万元 around FY2017. */
  readonly scale: number;
  readonly staff: number;
  /** Has 三公 spending (else 表7 is declared empty). */
  readonly sangong: boolean;
  /** Fiscal carry-over between years (年初/年末结转和结余). */
  readonly carry?: boolean;
  /** 事业单位 with 结余分配 and 使用非财政拨款结余 lines in 表1. */
  readonly surplus?: boolean;
  readonly years?: readonly [number, number];
  readonly lines: readonly LineSpec[];
  /** Functions, for the 部门主要职能 paragraph. */
  readonly duties: readonly string[];
}

/** Staff-cost lines every unit has, paid from the general budget as 基本支出. */
export function staffLines(kind: UnitKind): LineSpec[] {
  const admin = kind === "admin" || kind === "subdistrict";
  return [
    { code: "2080505", w: 0.06, basic: 1, t6: "pension" },
    { code: "2080506", w: 0.02, basic: 1, t6: "annuity" },
    { code: "medical", w: 0.035, basic: 1, t6: "medical" },
    { code: "2210201", w: 0.05, basic: 1, t6: "housing" },
    ...(admin ? [{ code: "2210202", w: 0.01, basic: 1, t6: "housing_sub" as const }] : []),
  ];
}

export const UNITS: readonly UnitSpec[] = [
  {
    id: "wh-hongshan-czj", name: "武汉市洪山区财政局", province: "湖北", kind: "admin", scale: 2600, staff: 86, sangong: true,
    duties: ["贯彻执行财政、税收方针政策，拟订全区财政发展规划", "负责区级预算编制和执行", "负责政府采购和国有资产管理有关工作"],
    lines: [
      { code: "2010601", w: 0.45, basic: 1 },
      { code: "2010602", w: 0.12, basic: 0.2 },
      { code: "2010607", w: 0.08, basic: 0 },
      { code: "2010608", w: 0.1, basic: 0 },
      { code: "2080501", w: 0.04, basic: 1, t6: "retire" },
    ],
  },
  {
    id: "wh-jianghan-minzu", name: "武汉市江汉区民族街道办事处", province: "湖北", kind: "subdistrict", scale: 3800, staff: 120, sangong: true,
    duties: ["负责辖区党的建设和社区治理", "负责辖区城市管理、环境卫生和安全生产", "承办区委、区政府交办的其他事项"],
    lines: [
      { code: "2010301", w: 0.35, basic: 1 },
      { code: "2010302", w: 0.1, basic: 0.1 },
      { code: "2080208", w: 0.1, basic: 0 },
      { code: "2080705", w: 0.06, basic: 0 },
      { code: "2120104", w: 0.08, basic: 0.3 },
      { code: "2120501", w: 0.1, basic: 0 },
      { code: "2240106", w: 0.03, basic: 0, from: 2019 },
      { code: "2340299", fund: "gov_fund", w: 0.04, basic: 0, from: 2020, to: 2021 },
    ],
  },
  {
    id: "gz-yuexiu-no7", name: "广州市越秀区第七中学", province: "广东", kind: "school", scale: 4200, staff: 210, sangong: false,
    duties: ["实施初中、高中学历教育", "开展教育教学研究和德育工作"],
    lines: [
      { code: "2050203", w: 0.45, basic: 0.85 },
      { code: "2050204", w: 0.25, basic: 0.8, nf: 0.15 },
      { code: "2050999", w: 0.05, basic: 0 },
      { code: "2080502", w: 0.04, basic: 1, t6: "retire" },
    ],
  },
  {
    id: "cd-wuhou-mzq", name: "成都市武侯区磨子桥小学", province: "四川", kind: "school", scale: 2100, staff: 130, sangong: false,
    duties: ["实施小学义务教育", "开展学生素质教育和课后服务"],
    lines: [
      { code: "2050202", w: 0.7, basic: 0.9 },
      { code: "2050999", w: 0.04, basic: 0 },
    ],
  },
  {
    id: "lz-longmatan-hospital", name: "泸州市龙马潭区人民医院", province: "四川", kind: "hospital", scale: 9000, staff: 640, sangong: true, surplus: true,
    duties: ["承担辖区医疗救治和急诊急救任务", "承担基本公共卫生服务和突发公共卫生事件处置"],
    lines: [
      { code: "2100201", w: 0.6, basic: 0.5, nf: 0.55, operating: true },
      { code: "2100408", w: 0.08, basic: 0 },
      { code: "2340101", fund: "gov_fund", w: 0.05, basic: 0, from: 2020, to: 2021 },
      { code: "2080502", w: 0.03, basic: 1, t6: "retire" },
    ],
  },
  {
    id: "nj-jiangning-nongji", name: "南京市江宁区农业技术推广中心", province: "江苏", kind: "institution", scale: 1200, staff: 48, sangong: true,
    duties: ["承担农业新技术、新品种的试验示范和推广", "开展农业技术培训和咨询服务"],
    lines: [
      { code: "2130104", w: 0.5, basic: 0.95, nf: 0.2, operating: true },
      { code: "2130199", w: 0.2, basic: 0, nf: 0.1 },
      { code: "2080502", w: 0.03, basic: 1, t6: "retire" },
    ],
  },
  {
    id: "cs-yuelu-zjj", name: "长沙市岳麓区住房和城乡建设局", province: "湖南", kind: "admin", scale: 6000, staff: 95, sangong: true, carry: true,
    duties: ["负责全区住房保障和城乡建设管理", "负责城市基础设施建设和建筑市场监管"],
    lines: [
      { code: "2120101", w: 0.2, basic: 1 },
      { code: "2120102", w: 0.08, basic: 0 },
      { code: "2120803", fund: "gov_fund", w: 0.35, basic: 0 },
      { code: "2121301", fund: "gov_fund", w: 0.15, basic: 0 },
    ],
  },
  {
    id: "xa-beilin-rsj", name: "西安市碑林区人力资源和社会保障局", province: "陕西", kind: "admin", scale: 2400, staff: 70, sangong: true,
    duties: ["负责全区就业和社会保险工作", "负责企业退休人员社会化管理服务"],
    lines: [
      { code: "2080101", w: 0.35, basic: 1 },
      { code: "2080199", w: 0.12, basic: 0 },
      { code: "2080705", w: 0.1, basic: 0 },
      { code: "2230105", fund: "state_capital", w: 0.2, basic: 0 },
    ],
  },
  {
    id: "sh-putuo-shiquan", name: "上海市普陀区石泉路街道办事处", province: "上海", kind: "subdistrict", scale: 15000, staff: 160, sangong: true,
    duties: ["负责辖区党的建设、社区治理和公共服务", "负责辖区市容环境、综合执法和平安建设"],
    lines: [
      { code: "2013202", w: 0.08, basic: 0.2 },
      { code: "2070109", w: 0.05, basic: 0 },
      { code: "2080705", w: 0.08, basic: 0 },
      { code: "2081002", w: 0.05, basic: 0 },
      { code: "2120101", w: 0.3, basic: 1 },
      { code: "2120501", w: 0.12, basic: 0 },
      { code: "2240299", w: 0.02, basic: 0, from: 2019 },
      { code: "2340299", fund: "gov_fund", w: 0.03, basic: 0, from: 2020, to: 2021 },
    ],
  },
  {
    id: "sh-putuo-sthj", name: "上海市普陀区生态环境局", province: "上海", kind: "admin", scale: 4300, staff: 75, sangong: true,
    duties: ["负责全区生态环境保护的统一监督管理", "负责大气、水体等污染防治的监督管理"],
    lines: [
      { code: "2110101", w: 0.3, basic: 1 },
      { code: "2110104", w: 0.05, basic: 0 },
      { code: "2110301", w: 0.15, basic: 0 },
      { code: "2110302", w: 0.15, basic: 0 },
    ],
  },
  {
    id: "sh-putuo-mzj", name: "上海市普陀区民政局", province: "上海", kind: "admin", scale: 8000, staff: 90, sangong: true, carry: true,
    duties: ["负责全区养老服务和社会福利工作", "负责基层政权建设和社区治理"],
    lines: [
      { code: "2080201", w: 0.2, basic: 1 },
      { code: "2080208", w: 0.2, basic: 0 },
      { code: "2081002", w: 0.25, basic: 0 },
      { code: "2296002", fund: "gov_fund", w: 0.1, basic: 0 },
    ],
  },
  {
    id: "zj-zwfw", name: "湛江市人民政府行政服务中心", province: "广东", kind: "institution", scale: 900, staff: 40, sangong: true,
    duties: ["负责市政务服务大厅的运行管理", "推进政务服务标准化和一网通办"],
    lines: [
      { code: "2010350", w: 0.5, basic: 1 },
      { code: "2010399", w: 0.25, basic: 0 },
    ],
  },
  {
    id: "zs-shenji", name: "柞水县审计局", province: "陕西", kind: "admin", scale: 420, staff: 22, sangong: true,
    duties: ["负责全县审计工作", "对县级预算执行和其他财政收支情况进行审计监督"],
    lines: [
      { code: "2010801", w: 0.6, basic: 1 },
      { code: "2010804", w: 0.15, basic: 0 },
    ],
  },
  {
    id: "wlmq-tianshan-yjj", name: "乌鲁木齐市天山区应急管理局", province: "新疆", kind: "admin", scale: 1500, staff: 45, sangong: true, years: [2019, 2024],
    duties: ["负责全区应急管理和安全生产综合监督管理", "组织指导自然灾害防治和应急救援"],
    lines: [
      { code: "2240101", w: 0.4, basic: 1 },
      { code: "2240106", w: 0.25, basic: 0 },
    ],
  },
  {
    id: "hhht-saihan-sfj", name: "呼和浩特市赛罕区司法局", province: "内蒙古", kind: "admin", scale: 1100, staff: 52, sangong: true,
    duties: ["负责全区法治宣传教育和人民调解工作", "指导基层司法所和公共法律服务体系建设"],
    lines: [
      { code: "2040601", w: 0.45, basic: 1 },
      { code: "2040604", w: 0.2, basic: 0 },
    ],
  },
];

/**
 * Universities (高等学校), printed in the university template only. Kept out of
 * UNITS, whose order the planned corpus's slots follow.
 */
export const UNIVERSITIES: readonly UnitSpec[] = [
  {
    id: "cq-jialing-univ", name: "重庆嘉陵理工大学", province: "重庆", kind: "institution", scale: 52000, staff: 2300, sangong: true, surplus: true,
    duties: ["实施本科和研究生教育", "开展科学研究和社会服务", "推进学科建设和对外交流合作"],
    lines: [
      { code: "2050205", w: 0.62, basic: 0.7, nf: 0.45, operating: true },
      { code: "2050803", w: 0.02, basic: 0, nf: 0.5 },
      { code: "2060201", w: 0.06, basic: 0.6, nf: 0.55 },
      { code: "2060203", w: 0.05, basic: 0, nf: 0.3 },
      { code: "2060301", w: 0.03, basic: 0.5, nf: 0.6 },
      { code: "2080502", w: 0.05, basic: 1, t6: "retire" },
    ],
  },
  {
    id: "hn-xiangjiang-normal", name: "湖南湘江师范学院", province: "湖南", kind: "institution", scale: 21000, staff: 980, sangong: true, carry: true,
    duties: ["实施本科教育，培养中小学师资", "开展教育科学研究和教师培训"],
    lines: [
      { code: "2050205", w: 0.68, basic: 0.75, nf: 0.35 },
      { code: "2050803", w: 0.04, basic: 0, nf: 0.4 },
      { code: "2060201", w: 0.05, basic: 0.6, nf: 0.5 },
      { code: "2060203", w: 0.03, basic: 0, nf: 0.2 },
      { code: "2080502", w: 0.05, basic: 1, t6: "retire" },
    ],
  },
];

export function unitById(id: string): UnitSpec {
  const u = UNITS.find((x) => x.id === id) ?? UNIVERSITIES.find((x) => x.id === id);
  if (!u) throw new Error(`Expected a unit with id ${id}`);
  return u;
}
