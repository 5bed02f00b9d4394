-- The world at the cut-off, from the input batches: typed input rows, then the episode facts every
-- gold table is computed from (metrics.md, "The cut-off" and "Episode facts"; docs/decisions.md).
--
-- Filled in before it runs:
--   ${input_files}  VALUES ('<file>', <batch number>), ...: every input file and the batch it belongs to
--   ${<entity>_csv} read_csv(<the entity's files>, columns = {<the contract's columns and types>}, ...)
--   ${as_of}        the cut-off date, or NULL for the default (the latest date in the batches)
-- The input is contract-valid (nothing to quarantine): codes are only trimmed and lower-cased.

-- Shared functions -------------------------------------------------------------------------------

-- 95% Wilson score interval of x successes in n trials (null when n = 0); exactly 0 at x = 0 and
-- exactly 1 at x = n, as the pipeline gives them.
CREATE OR REPLACE TEMP MACRO wilson_centre(x, n) AS
  (x::DOUBLE / n + 1.959963984540054 * 1.959963984540054 / (2.0 * n))
  / (1 + 1.959963984540054 * 1.959963984540054 / n);
CREATE OR REPLACE TEMP MACRO wilson_half(x, n) AS
  1.959963984540054 * sqrt((x::DOUBLE / n) * (1 - x::DOUBLE / n) / n
    + 1.959963984540054 * 1.959963984540054 / (4.0 * n * n))
  / (1 + 1.959963984540054 * 1.959963984540054 / n);
CREATE OR REPLACE TEMP MACRO wilson_low(x, n) AS
  CASE WHEN n > 0 THEN CASE WHEN x = 0 THEN 0.0 ELSE greatest(0.0, wilson_centre(x, n) - wilson_half(x, n)) END END;
CREATE OR REPLACE TEMP MACRO wilson_high(x, n) AS
  CASE WHEN n > 0 THEN CASE WHEN x = n THEN 1.0 ELSE least(1.0, wilson_centre(x, n) + wilson_half(x, n)) END END;

-- x / n as a double, null when n = 0.
CREATE OR REPLACE TEMP MACRO rate(x, n) AS CASE WHEN n > 0 THEN x::DOUBLE / n END;

-- money / units rounded half-up (away from zero on a tie) to cents, exactly: in whole cents,
-- round(c / u) = floor((2|c| + u) / 2u) with the sign of c. Null when units = 0.
CREATE OR REPLACE TEMP MACRO money_per(money, units) AS
  CASE WHEN units > 0 THEN
    CAST(sign(CAST(money * 100 AS HUGEINT))
      * ((abs(CAST(money * 100 AS HUGEINT)) * 2 + units) // (2 * units)) AS DECIMAL(20, 0)) * 0.01
  END::DECIMAL(18, 2);

-- The 95% delta-method interval of a cost per outcome Σy / Σx over n episodes, x being 1 for an
-- episode with the outcome (docs/decisions.md; stats/RatioInterval in the jobs): side -1 gives the
-- lower bound, +1 the upper. The residual sum Σx·Σ(y − R x)² = Σx·Σy² − 2 Σy·Σxy + (Σy)² is exact in
-- cents², then doubles in the pipeline's order of operations, rounded to cents. Null when Σx = 0 or
-- n < 2. y_cents, yy_cents and xy_cents are the sums Σy, Σy² and Σxy in whole cents (HUGEINT).
CREATE OR REPLACE TEMP MACRO money_ci(n, y_cents, yy_cents, x, xy_cents, side) AS
  CASE WHEN x > 0 AND n >= 2 THEN
    round((y_cents::DOUBLE / x + side * 1.959963984540054 * sqrt(
        n * greatest(0.0, (x * yy_cents - 2 * y_cents * xy_cents + y_cents * y_cents)::DOUBLE)
        / ((n - 1) * pow(x, 3)))) / 100, 2)::DECIMAL(18, 2)
  END;

-- Typed input rows, every batch ---------------------------------------------------------------------

CREATE OR REPLACE TEMP TABLE input_file (file VARCHAR, batch_no INTEGER);
INSERT INTO input_file ${input_files};

CREATE OR REPLACE TEMP TABLE episodes AS
SELECT trim(r.episode_id) AS episode_id,
       lower(trim(r.level_of_care)) AS level_of_care,
       r.admission_date,
       r.discharge_date,
       lower(nullif(trim(r.discharge_reason), '')) AS discharge_reason,
       lower(trim(r.payment_source)) AS payment_source,
       f.batch_no
FROM ${episodes_csv} r JOIN input_file f ON r.filename = f.file;

CREATE OR REPLACE TEMP TABLE sessions AS
SELECT trim(r.session_id) AS session_id,
       lower(trim(r.program_component)) AS program_component,
       r.session_date,
       f.batch_no
FROM ${sessions_csv} r JOIN input_file f ON r.filename = f.file;

CREATE OR REPLACE TEMP TABLE attendance AS
SELECT trim(r.session_id) AS session_id,
       trim(r.episode_id) AS episode_id,
       lower(trim(r.status)) AS status,
       r.minutes_attended,
       f.batch_no
FROM ${attendance_csv} r JOIN input_file f ON r.filename = f.file;

CREATE OR REPLACE TEMP TABLE costs AS
SELECT trim(r.cost_id) AS cost_id,
       trim(r.episode_id) AS episode_id,
       nullif(trim(r.session_id), '') AS session_id,
       r.service_date,
       lower(trim(r.cost_category)) AS cost_category,
       r.amount,
       lower(trim(r.payer)) AS payer,
       f.batch_no
FROM ${costs_csv} r JOIN input_file f ON r.filename = f.file;

-- A later batch corrects an earlier one: of the rows sharing a key, the last batch's is kept.
-- (With one batch nothing is later, and these delete nothing.)
DELETE FROM episodes e USING (
  SELECT episode_id, max(batch_no) AS last_batch FROM episodes WHERE batch_no > 1 GROUP BY episode_id) later
WHERE e.episode_id = later.episode_id AND e.batch_no < later.last_batch;
DELETE FROM sessions s USING (
  SELECT session_id, max(batch_no) AS last_batch FROM sessions WHERE batch_no > 1 GROUP BY session_id) later
WHERE s.session_id = later.session_id AND s.batch_no < later.last_batch;
DELETE FROM attendance a USING (
  SELECT session_id, episode_id, max(batch_no) AS last_batch FROM attendance WHERE batch_no > 1
  GROUP BY session_id, episode_id) later
WHERE a.session_id = later.session_id AND a.episode_id = later.episode_id AND a.batch_no < later.last_batch;
DELETE FROM costs c USING (
  SELECT cost_id, max(batch_no) AS last_batch FROM costs WHERE batch_no > 1 GROUP BY cost_id) later
WHERE c.cost_id = later.cost_id AND c.batch_no < later.last_batch;

-- The cut-off --------------------------------------------------------------------------------------

-- Default: the latest admission, discharge, session or service date of the batches.
CREATE OR REPLACE TEMP TABLE cut_off AS
SELECT coalesce(${as_of}, (
  SELECT max(d) FROM (
    SELECT max(admission_date) AS d FROM episodes
    UNION ALL SELECT max(discharge_date) FROM episodes
    UNION ALL SELECT max(session_date) FROM sessions
    UNION ALL SELECT max(service_date) FROM costs))) AS as_of;

-- Episodes admitted by as_of, with their outcome at as_of. A discharge after as_of is still in care.
CREATE OR REPLACE TEMP TABLE episode_outcomes AS
WITH dated AS (
  SELECT e.*, c.as_of, coalesce(e.discharge_date <= c.as_of, false) AS discharged
  FROM episodes e, cut_off c
  WHERE e.admission_date <= c.as_of)
SELECT episode_id, level_of_care, payment_source, discharged,
       CASE WHEN discharged THEN discharge_date ELSE as_of END - admission_date AS los_days,
       discharged AND discharge_reason = 'completed' AS completed,
       discharged AND discharge_reason IN ('dropped_out', 'terminated_by_facility') AS dropped_out,
       discharged AND discharge_reason = 'transferred' AS transferred,
       as_of - admission_date AS days_observed
FROM dated;

-- Sessions dated after as_of are not in the world: their attendance is not counted, and a charge
-- naming one is attributed to no component.
CREATE OR REPLACE TEMP TABLE sessions_in_world AS
SELECT s.session_id, s.program_component
FROM sessions s, cut_off c
WHERE s.session_date <= c.as_of;

-- Invitations: attendance rows of sessions and episodes in the world.
CREATE OR REPLACE TEMP TABLE invitations AS
SELECT a.episode_id, e.level_of_care, e.payment_source, s.program_component, a.status,
       coalesce(a.minutes_attended, 0) AS minutes_attended
FROM attendance a
JOIN sessions_in_world s USING (session_id)
JOIN episode_outcomes e USING (episode_id);

-- Charges dated by as_of of episodes in the world, with the component of the charge's session.
CREATE OR REPLACE TEMP TABLE charges AS
SELECT k.cost_id, k.episode_id, e.level_of_care, k.payer, k.cost_category, k.amount, s.program_component
FROM costs k
JOIN cut_off c ON k.service_date <= c.as_of
JOIN episode_outcomes e USING (episode_id)
LEFT JOIN sessions_in_world s ON k.session_id = s.session_id;

-- Per episode and component: attended minutes, attributed cost, and exposure (an attended session).
CREATE OR REPLACE TEMP TABLE component_activity AS
WITH attended AS (
  SELECT episode_id, program_component,
         count(*) FILTER (WHERE status = 'attended') AS sessions_attended,
         sum(minutes_attended) AS attended_minutes
  FROM invitations GROUP BY episode_id, program_component),
attributed AS (
  SELECT episode_id, program_component, sum(amount) AS cost
  FROM charges WHERE program_component IS NOT NULL GROUP BY episode_id, program_component)
SELECT episode_id, program_component,
       coalesce(attended_minutes, 0) AS attended_minutes,
       coalesce(cost, 0)::DECIMAL(18, 2) AS cost,
       coalesce(sessions_attended, 0) > 0 AS exposed
FROM attended FULL JOIN attributed USING (episode_id, program_component);

-- The program_component dimension: every episode once as 'all' (all its cost and minutes), and once
-- more per component it was exposed to (that component's cost and minutes).
CREATE OR REPLACE TEMP TABLE episode_groups AS
WITH total_cost AS (SELECT episode_id, sum(amount) AS cost FROM charges GROUP BY episode_id),
total_minutes AS (SELECT episode_id, sum(minutes_attended) AS minutes FROM invitations GROUP BY episode_id)
SELECT e.*, 'all' AS program_component,
       coalesce(t.cost, 0)::DECIMAL(18, 2) AS group_cost,
       coalesce(m.minutes, 0)::BIGINT AS group_attended_minutes
FROM episode_outcomes e
LEFT JOIN total_cost t USING (episode_id)
LEFT JOIN total_minutes m USING (episode_id)
UNION ALL
SELECT e.*, a.program_component, a.cost, a.attended_minutes::BIGINT
FROM episode_outcomes e
JOIN component_activity a USING (episode_id)
WHERE a.exposed;
