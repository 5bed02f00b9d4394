-- retention: for each window D of 30, 60, 90 and 180 days, over episodes admitted by as_of, per cube
-- cell of level of care x program component x payment source. Eligible: discharged, or
-- as_of - admission_date >= D. Retained: eligible and (completed or los_days >= D). retention_rate
-- with its 95% Wilson interval, null when none is eligible. Four rows per cell holding an episode.
WITH windows (window_days) AS (VALUES (30), (60), (90), (180)),
judged AS (
  SELECT g.level_of_care, g.program_component, g.payment_source, w.window_days,
         g.discharged OR g.days_observed >= w.window_days AS eligible,
         (g.discharged OR g.days_observed >= w.window_days)
           AND (g.completed OR g.los_days >= w.window_days) AS retained
  FROM episode_groups g CROSS JOIN windows w),
cells AS (
  SELECT CASE WHEN grouping(level_of_care) = 1 THEN 'all' ELSE level_of_care END AS level_of_care,
         program_component,
         CASE WHEN grouping(payment_source) = 1 THEN 'all' ELSE payment_source END AS payment_source,
         window_days,
         count(*) FILTER (WHERE eligible) AS episodes_eligible,
         count(*) FILTER (WHERE retained) AS episodes_retained
  FROM judged
  GROUP BY program_component, window_days, CUBE (level_of_care, payment_source))
SELECT level_of_care, program_component, payment_source, window_days,
       episodes_eligible,
       episodes_retained,
       rate(episodes_retained, episodes_eligible) AS retention_rate,
       wilson_low(episodes_retained, episodes_eligible) AS retention_rate_ci_low,
       wilson_high(episodes_retained, episodes_eligible) AS retention_rate_ci_high
FROM cells
