-- A scheduled run remembers the tick of the schedule it was started for: every instance's scheduler fires on the
-- same tick, and one run per tick is started, even when the first has finished before a later instance fires.
alter table quality_run add column scheduled_for timestamptz;
create unique index quality_run_once_per_tick on quality_run (scheduled_for);
