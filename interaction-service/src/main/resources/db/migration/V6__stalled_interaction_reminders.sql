-- When the enterprise was last told about an interaction that is overdue or has stalled, so it is told once per
-- occasion: once past its due date, and once per stretch without progress (stall_notified_for holds the
-- last-update time the reminder was about).
alter table party_interaction add column overdue_notified_at timestamptz;
alter table party_interaction add column stall_notified_for timestamptz;

-- Open interactions by due date and by last progress, for the watcher.
create index party_interaction_open_due_idx on party_interaction (due_date)
    where status not in ('COMPLETED', 'CANCELLED') and due_date is not null;
create index party_interaction_open_progress_idx on party_interaction (updated_at)
    where status not in ('COMPLETED', 'CANCELLED');
