-- The researcher's views (schema version 5): figures per unit and year without
-- the joins. Amounts in 万元. A cell printed empty counts as 0; a figure
-- whose table or line was not read is NULL. `unit` is the unit's fullest
-- spelling (units.name) when the report is linked to one, else as printed.

-- One row per report read (status ok): its totals.
CREATE VIEW report_totals AS
SELECT r.id AS report_id, r.file, r.unit_id, coalesce(u.name, r.unit) AS unit, r.unit AS printed_name,
  u.province, u.city, u.district, r.year,
  max(CASE WHEN t.table_id = 'T1' AND w.key = 'income_total' THEN coalesce(c.value, 0) END) AS income,
  max(CASE WHEN t.table_id = 'T1' AND w.key = 'expense_total' THEN coalesce(c.value, 0) END) AS expenditure,
  max(CASE WHEN t.table_id = 'T3' AND w.key = 'total' AND c.col_key = 'basic' THEN coalesce(c.value, 0) END) AS basic,
  max(CASE WHEN t.table_id = 'T3' AND w.key = 'total' AND c.col_key = 'project' THEN coalesce(c.value, 0) END) AS project,
  max(CASE WHEN t.table_id = 'T6' AND w.key = 'personnel_total' THEN coalesce(c.value, 0) END) AS personnel,
  max(CASE WHEN t.table_id = 'T6' AND w.key = 'public_total' THEN coalesce(c.value, 0) END) AS public,
  max(CASE WHEN t.table_id = 'T7' AND c.col_key = 'budget_total' THEN coalesce(c.value, 0) END) AS sangong_budget,
  max(CASE WHEN t.table_id = 'T7' AND c.col_key = 'actual_total' THEN coalesce(c.value, 0) END) AS sangong_actual,
  max(CASE WHEN t.table_id = 'T1' AND w.key = 'carry_begin' THEN coalesce(c.value, 0) END) AS carry_begin,
  max(CASE WHEN t.table_id = 'T1' AND w.key = 'carry_end' THEN coalesce(c.value, 0) END) AS carry_end
FROM reports r
LEFT JOIN units u ON u.id = r.unit_id
LEFT JOIN tables t ON t.report_id = r.id AND t.table_id IN ('T1', 'T3', 'T6', 'T7')
LEFT JOIN rows w ON w.table_ref = t.id
  AND w.key IN ('income_total', 'expense_total', 'carry_begin', 'carry_end', 'total', 'personnel_total', 'public_total')
LEFT JOIN cells c ON c.row_ref = w.id
WHERE r.status = 'ok'
GROUP BY r.id;

-- One row per function code (类, 款, 项) of every report's 支出决算表 (T3):
-- spending of all funds, with the code's name normalized across years.
CREATE VIEW function_spending AS
SELECT r.id AS report_id, r.file, r.unit_id, coalesce(u.name, r.unit) AS unit,
  u.province, u.city, u.district, r.year,
  w.key AS code, CASE length(w.key) WHEN 3 THEN 1 WHEN 5 THEN 2 ELSE 3 END AS level,
  coalesce(n.name, w.name) AS name, w.name AS printed_name,
  max(CASE WHEN c.col_key = 'total' THEN coalesce(c.value, 0) END) AS total,
  max(CASE WHEN c.col_key = 'basic' THEN coalesce(c.value, 0) END) AS basic,
  max(CASE WHEN c.col_key = 'project' THEN coalesce(c.value, 0) END) AS project
FROM reports r
JOIN tables t ON t.report_id = r.id AND t.table_id = 'T3'
JOIN rows w ON w.table_ref = t.id AND w.key GLOB '[0-9][0-9][0-9]*'
LEFT JOIN cells c ON c.row_ref = w.id
LEFT JOIN units u ON u.id = r.unit_id
LEFT JOIN function_names n ON n.code = w.key
WHERE r.status = 'ok'
GROUP BY w.id;

-- One row per finding, with its report, unit and (cross-year findings) the
-- prior year's report it was compared with.
CREATE VIEW report_findings AS
SELECT r.id AS report_id, r.file, r.unit_id, coalesce(u.name, r.unit) AS unit, r.year,
  f.rule, f.identity, f.severity, f.within_rounding, f.table_id, f.row_key, f.col_key, f.page,
  f.expected, f.actual, round(abs(f.actual - f.expected), 6) AS gap, f.message, p.file AS prior_file
FROM findings f
JOIN reports r ON r.id = f.report_id
LEFT JOIN units u ON u.id = r.unit_id
LEFT JOIN reports p ON p.id = f.prior_report_id;

-- One row per report, failed ones too: for a spreadsheet.
CREATE VIEW report_wide AS
SELECT r.id AS report_id, r.file, r.status, r.error, r.kind, coalesce(u.name, r.unit) AS unit, r.unit AS printed_name,
  r.unit_match, u.province, u.city, u.district, r.year, r.printed_unit, r.page_count,
  (SELECT group_concat(table_id, ' ') FROM (SELECT table_id FROM tables WHERE report_id = r.id ORDER BY ord)) AS tables,
  s.income, s.expenditure, s.basic, s.project, s.personnel, s.public, s.sangong_budget, s.sangong_actual, s.carry_begin, s.carry_end,
  (SELECT count(*) FROM findings f WHERE f.report_id = r.id AND f.severity = 'error') AS errors,
  (SELECT count(*) FROM findings f WHERE f.report_id = r.id AND f.severity = 'warning') AS warnings,
  (SELECT count(*) FROM findings f WHERE f.report_id = r.id AND f.within_rounding = 1) AS rounding,
  (SELECT count(*) FROM findings f WHERE f.report_id = r.id AND f.rule GLOB 'year.*' AND f.within_rounding = 0) AS year_breaks,
  r.sha256, r.ingested_at
FROM reports r
LEFT JOIN units u ON u.id = r.unit_id
LEFT JOIN report_totals s ON s.report_id = r.id;
