-- cost_per_outcome: over episodes discharged by as_of (a closed cohort), per cube cell of level of care
-- x program component x payment source. For a component: the cost attributed to it and the minutes of
-- its sessions; for 'all': every charge and every attended minute. Retained at 90 days: completed or
-- los_days >= 90. Costs per X are rounded half-up to cents and null when X is 0;
-- cost_per_attended_hour = total_cost * 60 / attended minutes. Cost per episode, per completion and per
-- 90-day retention carry their 95% delta-method interval (money_ci), from exact sums in cents.
WITH cells AS (
  SELECT CASE WHEN grouping(level_of_care) = 1 THEN 'all' ELSE level_of_care END AS level_of_care,
         program_component,
         CASE WHEN grouping(payment_source) = 1 THEN 'all' ELSE payment_source END AS payment_source,
         count(*) AS episodes_discharged,
         sum(group_cost)::DECIMAL(18, 2) AS total_cost,
         count(*) FILTER (WHERE completed) AS episodes_completed,
         count(*) FILTER (WHERE completed OR los_days >= 90) AS episodes_retained_90,
         sum(group_attended_minutes)::BIGINT AS attended_minutes,
         sum(group_cost * 100)::HUGEINT AS cost_cents,
         sum((group_cost * 100)::HUGEINT * (group_cost * 100)::HUGEINT) AS cost_squared_cents,
         sum(CASE WHEN completed THEN (group_cost * 100)::HUGEINT ELSE 0 END) AS cost_of_completed_cents,
         sum(CASE WHEN completed OR los_days >= 90 THEN (group_cost * 100)::HUGEINT ELSE 0 END)
           AS cost_of_retained_90_cents
  FROM episode_groups
  WHERE discharged
  GROUP BY program_component, CUBE (level_of_care, payment_source))
SELECT level_of_care, program_component, payment_source,
       episodes_discharged,
       total_cost,
       money_per(total_cost, episodes_discharged) AS cost_per_episode,
       episodes_completed,
       money_per(total_cost, episodes_completed) AS cost_per_completion,
       episodes_retained_90,
       money_per(total_cost, episodes_retained_90) AS cost_per_retained_90,
       attended_minutes::DOUBLE / 60 AS attended_hours,
       money_per(total_cost * 60, attended_minutes) AS cost_per_attended_hour,
       money_ci(episodes_discharged, cost_cents, cost_squared_cents, episodes_discharged, cost_cents, -1)
         AS cost_per_episode_ci_low,
       money_ci(episodes_discharged, cost_cents, cost_squared_cents, episodes_discharged, cost_cents, 1)
         AS cost_per_episode_ci_high,
       money_ci(episodes_discharged, cost_cents, cost_squared_cents, episodes_completed, cost_of_completed_cents, -1)
         AS cost_per_completion_ci_low,
       money_ci(episodes_discharged, cost_cents, cost_squared_cents, episodes_completed, cost_of_completed_cents, 1)
         AS cost_per_completion_ci_high,
       money_ci(episodes_discharged, cost_cents, cost_squared_cents, episodes_retained_90, cost_of_retained_90_cents, -1)
         AS cost_per_retained_90_ci_low,
       money_ci(episodes_discharged, cost_cents, cost_squared_cents, episodes_retained_90, cost_of_retained_90_cents, 1)
         AS cost_per_retained_90_ci_high
FROM cells
