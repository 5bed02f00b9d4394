-- cost_by_payer: every charge dated by as_of of an episode admitted by then, as a full cube over the
-- charge's payer x the episode's level of care x cost category: amount (adjustments included),
-- charges, distinct episodes, and share_of_total = amount / the amount of the matching
-- ('all', level_of_care, cost_category) cell, null when that is 0.
WITH cells AS (
  SELECT CASE WHEN grouping(payer) = 1 THEN 'all' ELSE payer END AS payer,
         CASE WHEN grouping(level_of_care) = 1 THEN 'all' ELSE level_of_care END AS level_of_care,
         CASE WHEN grouping(cost_category) = 1 THEN 'all' ELSE cost_category END AS cost_category,
         sum(amount)::DECIMAL(18, 2) AS amount,
         count(*) AS charges,
         count(DISTINCT episode_id) AS episodes
  FROM charges
  GROUP BY CUBE (payer, level_of_care, cost_category))
SELECT payer, level_of_care, cost_category, amount, charges, episodes,
       amount::DOUBLE / nullif(max(CASE WHEN payer = 'all' THEN amount END)
         OVER (PARTITION BY level_of_care, cost_category), 0)::DOUBLE AS share_of_total
FROM cells
