// Function classes (类) with their names by fiscal year, and the 表1/表4
// class line list of each template and year. Source:
// shared/spec/catalogue/function_classes_by_year.csv (switch years there are
// partly from memory; see its confidence column) and variants.md §3/§9.

export interface Named {
  readonly code: string;
  readonly name: string;
  /** First and last fiscal year the name applies to (inclusive). */
  readonly from?: number;
  readonly to?: number;
}

export const CLASS_NAMES: readonly Named[] = [
  { code: "201", name: "一般公共服务支出" },
  { code: "202", name: "外交支出" },
  { code: "203", name: "国防支出" },
  { code: "204", name: "公共安全支出" },
  { code: "205", name: "教育支出" },
  { code: "206", name: "科学技术支出" },
  { code: "207", name: "文化体育与传媒支出", to: 2018 },
  { code: "207", name: "文化旅游体育与传媒支出", from: 2019 },
  { code: "208", name: "社会保障和就业支出" },
  { code: "210", name: "医疗卫生与计划生育支出", to: 2017 },
  { code: "210", name: "卫生健康支出", from: 2018 },
  { code: "211", name: "节能环保支出" },
  { code: "212", name: "城乡社区支出" },
  { code: "213", name: "农林水支出" },
  { code: "214", name: "交通运输支出" },
  { code: "215", name: "资源勘探信息等支出", to: 2018 },
  { code: "215", name: "资源勘探工业信息等支出", from: 2019 },
  { code: "216", name: "商业服务业等支出" },
  { code: "217", name: "金融支出" },
  { code: "219", name: "援助其他地区支出" },
  { code: "220", name: "国土海洋气象等支出", to: 2018 },
  { code: "220", name: "自然资源海洋气象等支出", from: 2019 },
  { code: "221", name: "住房保障支出" },
  { code: "222", name: "粮油物资储备支出" },
  { code: "223", name: "国有资本经营预算支出" },
  { code: "224", name: "灾害防治及应急管理支出", from: 2019 },
  { code: "229", name: "其他支出" },
  { code: "231", name: "债务还本支出" },
  { code: "232", name: "债务付息支出" },
  { code: "234", name: "抗疫特别国债安排的支出", from: 2020 },
];

const BASE = ["201", "202", "203", "204", "205", "206", "207", "208", "210", "211", "212", "213", "214", "215", "216", "217", "219", "220", "221", "222", "223"];

/**
 * The class lines of 表1/表4, in print order. National: 224 from FY2019 and
 * 234 from FY2020 (kept in later years, as the 2024 samples show), 债务还本/付息
 * after 其他. Shanghai 2024 template: 24 lines, 债务 rows dropped, 234 kept.
 */
export function classLines(template: "national" | "shanghai", year: number): string[] {
  const lines = [...BASE];
  if (year >= 2019) lines.push("224");
  lines.push("229");
  if (template === "national") lines.push("231", "232");
  if (year >= 2020) lines.push("234");
  return lines;
}

export function nameIn(list: readonly Named[], code: string, year: number): string | undefined {
  return list.find((n) => n.code === code && (n.from ?? 0) <= year && year <= (n.to ?? 9999))?.name;
}

export function className(code: string, year: number): string {
  const name = nameIn(CLASS_NAMES, code, year);
  if (!name) throw new Error(`Expected class ${code} to exist in FY${year}`);
  return name;
}

const CN = ["", "一", "二", "三", "四", "五", "六", "七", "八", "九"];

/** 1 -> 一, 12 -> 十二, 26 -> 二十六. */
export function chineseNumber(n: number): string {
  if (n < 10) return CN[n] ?? "";
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  return `${tens === 1 ? "" : (CN[tens] ?? "")}十${CN[ones] ?? ""}`;
}
