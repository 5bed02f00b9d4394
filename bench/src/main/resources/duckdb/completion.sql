-- completion: over episodes discharged by as_of, per cube cell of level of care x program component x
-- payment source ('all' where rolled up; program_component already carries its own 'all' rows).
-- completion_rate = completed / discharged and dropout_rate = (dropped_out or terminated_by_facility)
-- / discharged, each with its 95% Wilson interval. A cell has a row when it holds a discharged episode.
WITH cells AS (
  SELECT CASE WHEN grouping(level_of_care) = 1 THEN 'all' ELSE level_of_care END AS level_of_care,
         program_component,
         CASE WHEN grouping(payment_source) = 1 THEN 'all' ELSE payment_source END AS payment_source,
         count(*) AS episodes_discharged,
         count(*) FILTER (WHERE completed) AS episodes_completed,
         count(*) FILTER (WHERE dropped_out) AS episodes_dropped_out,
         count(*) FILTER (WHERE transferred) AS episodes_transferred
  FROM episode_groups
  WHERE discharged
  GROUP BY program_component, CUBE (level_of_care, payment_source))
SELECT level_of_care, program_component, payment_source,
       episodes_discharged,
       episodes_completed,
       rate(episodes_completed, episodes_discharged) AS completion_rate,
       wilson_low(episodes_completed, episodes_discharged) AS completion_rate_ci_low,
       wilson_high(episodes_completed, episodes_discharged) AS completion_rate_ci_high,
       episodes_dropped_out,
       rate(episodes_dropped_out, episodes_discharged) AS dropout_rate,
       episodes_transferred,
       wilson_low(episodes_dropped_out, episodes_discharged) AS dropout_rate_ci_low,
       wilson_high(episodes_dropped_out, episodes_discharged) AS dropout_rate_ci_high
FROM cells
