// The long gap report (SPEC §5) computed by DuckDB in SQL from the same CSV files the CLI reads:
// an independent implementation of SPEC §3 rules 1–4 that the benchmark compares with `gapmap report`.
// Run alone: node --import tsx tests/bench/duckdbGapReport.ts DATA_DIR AS_OF OUT_FILE
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { join, resolve } from 'node:path';

const sqlString = (value: string) => `'${value.replace(/'/g, "''")}'`;

function readCsv(dataDir: string, kind: string): string {
  // Every column as text, exactly as written: the SQL converts what it needs, as the importer does.
  return `read_csv(${sqlString(join(dataDir, `${kind}.csv`))}, header = true, all_varchar = true, delim = ',', quote = '"', escape = '"')`;
}

/** Loads the CSV files into tables (the same columns `gapmap generate` writes). */
export async function loadTables(connection: DuckDBConnection, dataDir: string): Promise<void> {
  for (const kind of ['employees', 'skills', 'roles', 'catalog', 'awards', 'assessments']) {
    await connection.run(`CREATE OR REPLACE TABLE raw_${kind} AS SELECT * FROM ${readCsv(dataDir, kind)}`);
  }
}

/**
 * SPEC §3 rules 1–4 in SQL. Rule 2's nested stacks are a fixpoint: add the stacks whose every
 * component is held until no row is added (exact for any nesting depth).
 */
export async function computeGapReport(connection: DuckDBConnection, asOf: string): Promise<void> {
  const day = `DATE ${sqlString(asOf)}`;
  await connection.run(`
    CREATE OR REPLACE TABLE credential AS
    SELECT credential_id AS id,
           max(NULLIF(trim(validity_months), ''))::INTEGER AS validity_months,
           max(NULLIF(trim(components), '')) AS components
    FROM raw_catalog GROUP BY credential_id`);
  await connection.run(`
    CREATE OR REPLACE TABLE grant_level AS
    SELECT credential_id, skill, max(level::INTEGER) AS level
    FROM raw_catalog WHERE NULLIF(trim(skill), '') IS NOT NULL GROUP BY credential_id, skill`);
  await connection.run(`
    CREATE OR REPLACE TABLE stack_part AS
    SELECT DISTINCT id AS stack, trim(part) AS part
    FROM (SELECT id, unnest(string_split(components, ';')) AS part FROM credential WHERE components IS NOT NULL)
    WHERE trim(part) <> ''`);
  await connection.run(`
    CREATE OR REPLACE TABLE stack_size AS SELECT stack, count(*) AS parts FROM stack_part GROUP BY stack`);
  // Rule 1: current when issuedOn ≤ D ≤ expiresOn; a missing expiresOn is issuedOn + validity months,
  // clamped to the month's end (DuckDB's month arithmetic clamps: 2026-01-31 + 1 month = 2026-02-28).
  await connection.run(`
    CREATE OR REPLACE TABLE held AS
    SELECT DISTINCT a.employee_id, a.credential_id
    FROM raw_awards a JOIN credential c ON c.id = a.credential_id
    WHERE a.issued_on::DATE <= ${day}
      AND ${day} <= COALESCE(
            NULLIF(trim(a.expires_on), '')::DATE,
            CASE WHEN c.validity_months IS NOT NULL THEN (a.issued_on::DATE + to_months(c.validity_months))::DATE END,
            DATE '9999-12-31')`);
  // Rule 2: implied stacks, nested, to a fixpoint.
  for (let round = 0; round < 64; round++) {
    const result = await connection.run(`
      INSERT INTO held
      SELECT h.employee_id, p.stack
      FROM held h
      JOIN stack_part p ON p.part = h.credential_id
      JOIN stack_size s ON s.stack = p.stack
      WHERE NOT EXISTS (SELECT 1 FROM held x WHERE x.employee_id = h.employee_id AND x.credential_id = p.stack)
      GROUP BY h.employee_id, p.stack, s.parts
      HAVING count(DISTINCT p.part) = s.parts`);
    if (result.rowsChanged === 0) break;
  }
  // Rule 3: verified = best grant of any held credential; assessed = latest on or before D
  // (ties: highest; undated older than any dated one); effective = max. Rule 4: required, gap.
  await connection.run(`
    CREATE OR REPLACE TABLE gap_report AS
    WITH verified AS (
      SELECT h.employee_id, g.skill, max(g.level) AS level
      FROM held h JOIN grant_level g ON g.credential_id = h.credential_id
      GROUP BY h.employee_id, g.skill
    ),
    assessed AS (
      SELECT employee_id, skill, level FROM (
        SELECT employee_id, skill, level::INTEGER AS level,
               row_number() OVER (
                 PARTITION BY employee_id, skill
                 ORDER BY NULLIF(trim(assessed_on), '')::DATE DESC NULLS LAST, level::INTEGER DESC) AS rank
        FROM raw_assessments
        WHERE NULLIF(trim(assessed_on), '') IS NULL OR assessed_on::DATE <= ${day}
      ) WHERE rank = 1
    ),
    requirement AS (
      SELECT role, skill, max(level::INTEGER) AS level, any_value(COALESCE(NULLIF(trim(weight), ''), 'important')) AS weight
      FROM raw_roles WHERE NULLIF(trim(skill), '') IS NOT NULL GROUP BY role, skill
    ),
    levels AS (
      SELECT e.employee_id, e.name AS employee_name, e.team, e.role,
             r.skill AS skill_id, COALESCE(s.name, r.skill) AS skill_name, r.weight,
             r.level AS required_level,
             COALESCE(v.level, 0) AS verified_level,
             COALESCE(a.level, 0) AS assessed_level,
             greatest(COALESCE(v.level, 0), COALESCE(a.level, 0)) AS effective_level
      FROM raw_employees e
      JOIN requirement r ON r.role = e.role
      LEFT JOIN raw_skills s ON s.skill_id = r.skill
      LEFT JOIN verified v ON v.employee_id = e.employee_id AND v.skill = r.skill
      LEFT JOIN assessed a ON a.employee_id = e.employee_id AND a.skill = r.skill
    )
    SELECT *, greatest(0, required_level - effective_level) AS gap,
           CASE WHEN effective_level >= required_level THEN 'met' ELSE 'gap' END AS status
    FROM levels`);
}

/** Writes the report sorted as SPEC §5 says (team, employee_id, skill_id; byte order = ordinal here). */
export async function writeGapReport(connection: DuckDBConnection, outFile: string): Promise<void> {
  await connection.run(`
    COPY (SELECT * FROM gap_report ORDER BY team COLLATE "binary", employee_id COLLATE "binary", skill_id COLLATE "binary")
    TO ${sqlString(outFile)} (HEADER, DELIMITER ',')`);
}

export async function duckdbGapReport(dataDir: string, asOf: string, outFile: string): Promise<void> {
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  await loadTables(connection, dataDir);
  await computeGapReport(connection, asOf);
  await writeGapReport(connection, outFile);
  connection.closeSync();
}

if (process.argv[1] !== undefined && resolve(process.argv[1]) === resolve(import.meta.filename)) {
  const [dataDir, asOf, outFile] = process.argv.slice(2);
  if (dataDir === undefined || asOf === undefined || outFile === undefined) {
    process.stderr.write('usage: duckdbGapReport.ts DATA_DIR AS_OF OUT_FILE\n');
    process.exitCode = 2;
  } else {
    await duckdbGapReport(dataDir, asOf, outFile);
    if (process.env.GAPMAP_REPORT_RSS === '1') {
      process.stderr.write(`duckdb: peak RSS ${(process.resourceUsage().maxRSS / 1024).toFixed(1)} MB\n`);
    }
  }
}
