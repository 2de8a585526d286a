-- Each run writes every finding it finds again: its last run and when it was last found. With an index on neither
-- and room left on each page, PostgreSQL writes the new row version beside the old one (a heap-only update) instead
-- of adding it to each of the table's five indexes; at a million customers a run finds some 950,000. Half of a page
-- is left free, as a run rewrites all of a page's findings at once; pages filled before this take the room as their
-- findings move. The findings of one run (lastRunId) are then listed by reading the table, as the unfiltered list,
-- sorted by last_found_at, already is. See bench/quality-audit.
drop index quality_finding_run_idx;
alter table quality_finding set (fillfactor = 50);
