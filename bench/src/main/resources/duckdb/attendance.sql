-- attendance: counts invitations (attendance rows of sessions dated by as_of), not episodes, as a full
-- cube over level of care x program component x payment source: a component's cells hold the
-- invitations to its sessions, the 'all' component every invitation. Scheduled: status not cancelled;
-- attended: status attended; missed: no_show + late_cancel; attended_hours = minutes_attended / 60.
-- No Wilson interval (invitations of one episode are not independent). Rates null when none scheduled.
-- Every group of episodes has its 'all'-component row, a group without invitations too (counts 0).
WITH cells AS (
  SELECT CASE WHEN grouping(level_of_care) = 1 THEN 'all' ELSE level_of_care END AS level_of_care,
         CASE WHEN grouping(program_component) = 1 THEN 'all' ELSE program_component END AS program_component,
         CASE WHEN grouping(payment_source) = 1 THEN 'all' ELSE payment_source END AS payment_source,
         count(*) FILTER (WHERE status <> 'cancelled') AS sessions_scheduled,
         count(*) FILTER (WHERE status = 'attended') AS sessions_attended,
         count(*) FILTER (WHERE status IN ('no_show', 'late_cancel')) AS sessions_missed,
         sum(minutes_attended) AS attended_minutes
  FROM invitations
  GROUP BY CUBE (level_of_care, program_component, payment_source)),
episode_groups AS (
  SELECT CASE WHEN grouping(level_of_care) = 1 THEN 'all' ELSE level_of_care END AS level_of_care,
         'all' AS program_component,
         CASE WHEN grouping(payment_source) = 1 THEN 'all' ELSE payment_source END AS payment_source
  FROM episode_outcomes
  GROUP BY CUBE (level_of_care, payment_source)),
every_cell AS (
  SELECT * FROM cells
  UNION ALL
  SELECT g.level_of_care, g.program_component, g.payment_source, 0, 0, 0, 0
  FROM episode_groups g ANTI JOIN cells c USING (level_of_care, program_component, payment_source))
SELECT level_of_care, program_component, payment_source,
       sessions_scheduled,
       sessions_attended,
       rate(sessions_attended, sessions_scheduled) AS attendance_rate,
       rate(sessions_missed, sessions_scheduled) AS missed_rate,
       attended_minutes::DOUBLE / 60 AS attended_hours
FROM every_cell
