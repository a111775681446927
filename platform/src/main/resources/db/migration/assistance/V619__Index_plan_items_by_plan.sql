-- An assistance plan's items are read by plan on every assistance page; without an index each read scanned every
-- item of every plan (found by listing foreign keys without an index on a 100,000-case installation).
create index if not exists plan_item_plan on assistance.plan_item (plan_id, created_at);
