// Chinese names for messages: a row or column is named as the report printed
// it, else by its canonical meaning (standard-tables.md).

export const TABLE_LABEL: Record<string, string> = {
  T1: "表1", T2: "表2", T3: "表3", T4: "表4", T5: "表5", T6: "表6", T7: "表7", T8: "表8", T9: "表9",
};

export const ROW_MEANING: Record<string, string> = {
  total: "合计",
  fiscal: "财政拨款收入", fiscal_general: "一般公共预算财政拨款收入", fiscal_gov_fund: "政府性基金预算财政拨款收入",
  fiscal_state_capital: "国有资本经营预算财政拨款收入", upper_subsidy: "上级补助收入", business: "事业收入", operating: "经营收入",
  affiliate: "附属单位上缴收入", other: "其他收入", income_total: "本年收入合计", use_nonfiscal_surplus: "使用非财政拨款结余",
  carry_begin: "年初结转和结余", income_grand_total: "收入总计", expense_total: "本年支出合计", surplus_distribution: "结余分配",
  carry_end: "年末结转和结余", expense_grand_total: "支出总计", general: "一般公共预算财政拨款", gov_fund: "政府性基金预算财政拨款",
  state_capital: "国有资本经营预算财政拨款", carry_begin_general: "年初一般公共预算财政拨款结转和结余",
  carry_begin_gov_fund: "年初政府性基金预算财政拨款结转和结余", carry_begin_state_capital: "年初国有资本经营预算财政拨款结转和结余",
  personnel_total: "人员经费合计", public_total: "公用经费合计",
  other_donation: "其中：捐赠收入", education_business: "教育事业收入", research_business: "科研事业收入", other_business: "其他事业收入",
  education_fees: "其中：教育收费",
};

export const COL_MEANING: Record<string, string> = {
  amount: "金额", total: "合计", fiscal: "财政拨款收入", upper_subsidy: "上级补助收入", business: "事业收入", operating: "经营",
  affiliate: "附属单位上缴收入", other: "其他收入", basic: "基本支出", project: "项目支出", remit_upper: "上缴上级支出",
  affiliate_subsidy: "对附属单位补助支出", general: "一般公共预算财政拨款", gov_fund: "政府性基金预算财政拨款",
  state_capital: "国有资本经营预算财政拨款", carry_begin: "年初结转和结余", income: "本年收入", carry_end: "年末结转和结余",
  education_business: "教育事业收入", research_business: "科研事业收入", other_business: "其他事业收入", education_fees: "其中：教育收费",
  project_capital_construction: "其中：基本建设资金支出",
  budget_total: "预算数合计", budget_abroad: "预算数因公出国（境）费", budget_vehicle: "预算数公务用车购置及运行费",
  budget_vehicle_purchase: "预算数公务用车购置费", budget_vehicle_operation: "预算数公务用车运行费", budget_reception: "预算数公务接待费",
  actual_total: "决算数合计", actual_abroad: "决算数因公出国（境）费", actual_vehicle: "决算数公务用车购置及运行费",
  actual_vehicle_purchase: "决算数公务用车购置费", actual_vehicle_operation: "决算数公务用车运行费", actual_reception: "决算数公务接待费",
};
