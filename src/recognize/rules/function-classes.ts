// 支出功能分类 类 (function classes): code and the names they have been
// printed under across years (../shared/spec/catalogue/function_classes_by_year.csv).
// T1/T4 key their expenditure lines by these codes. Match by name here; codes
// printed in a table always win.
export interface FunctionClass {
  readonly code: string;
  /** Name stems without the 支出 suffix; the first is the current name. */
  readonly names: readonly string[];
}

export const FUNCTION_CLASSES: readonly FunctionClass[] = [
  { code: "201", names: ["一般公共服务"] },
  { code: "202", names: ["外交"] },
  { code: "203", names: ["国防"] },
  { code: "204", names: ["公共安全"] },
  { code: "205", names: ["教育"] },
  { code: "206", names: ["科学技术"] },
  { code: "207", names: ["文化旅游体育与传媒", "文化体育与传媒"] },
  { code: "208", names: ["社会保障和就业"] },
  { code: "209", names: ["社会保险基金"] },
  { code: "210", names: ["卫生健康", "医疗卫生与计划生育", "医疗卫生"] },
  { code: "211", names: ["节能环保", "环境保护"] },
  { code: "212", names: ["城乡社区", "城乡社区事务"] },
  { code: "213", names: ["农林水", "农林水事务"] },
  { code: "214", names: ["交通运输"] },
  { code: "215", names: ["资源勘探工业信息等", "资源勘探信息等", "资源勘探电力信息等事务", "资源勘探电力信息等"] },
  { code: "216", names: ["商业服务业等", "商业服务业等事务"] },
  { code: "217", names: ["金融", "金融监管等事务"] },
  { code: "219", names: ["援助其他地区"] },
  { code: "220", names: ["自然资源海洋气象等", "国土海洋气象等", "国土资源气象等事务", "国土资源气象等"] },
  { code: "221", names: ["住房保障"] },
  { code: "222", names: ["粮油物资储备", "粮油物资储备事务", "粮油物资管理事务"] },
  { code: "223", names: ["国有资本经营预算"] },
  { code: "224", names: ["灾害防治及应急管理"] },
  { code: "227", names: ["预备费"] },
  { code: "229", names: ["其他"] },
  { code: "230", names: ["转移性"] },
  { code: "231", names: ["债务还本"] },
  { code: "232", names: ["债务付息"] },
  { code: "233", names: ["债务发行费用"] },
  { code: "234", names: ["抗疫特别国债安排的", "抗疫特别国债安排"] },
];

const BY_NAME = new Map<string, string>();
for (const c of FUNCTION_CLASSES) for (const n of c.names) BY_NAME.set(n, c.code);

/** "一般公共服务支出", "一般公共服务（类）支出" -> "201"; null if not a class line. */
export function functionClassCode(name: string): string | null {
  const stem = name.replace(/[（(]类[)）]/g, "").replace(/支出$/, "");
  const exact = BY_NAME.get(stem);
  if (exact) return exact;
  // A one-character misprint ("抗役特别国债") still names its class, if only one.
  if (stem.length < 4) return null;
  const near = [...BY_NAME.entries()].filter(([n]) => n.length >= 4 && withinOneEdit(n, stem));
  const codes = new Set(near.map(([, code]) => code));
  return codes.size === 1 ? [...codes][0]! : null;
}

function withinOneEdit(a: string, b: string): boolean {
  if (Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  let j = 0;
  let edits = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      i++;
      j++;
      continue;
    }
    if (++edits > 1) return false;
    if (a.length > b.length) i++;
    else if (b.length > a.length) j++;
    else {
      i++;
      j++;
    }
  }
  return edits + (a.length - i) + (b.length - j) <= 1;
}
