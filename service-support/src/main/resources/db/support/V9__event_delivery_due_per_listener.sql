-- Dispatchers claim each listener's due deliveries separately, up to what that listener may still take at once, so
-- that a slow listener's backlog never fills a claim that other listeners' deliveries wait behind. The index serves
-- that per-listener walk in due order; the instance-wide one it replaces served a walk that no longer happens.
create index event_delivery_listener_due_idx on event_delivery (listener_id, next_attempt_at, id)
    where status = 'pending';
drop index event_delivery_due_idx;
