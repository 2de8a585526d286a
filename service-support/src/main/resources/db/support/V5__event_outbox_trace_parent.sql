-- The W3C traceparent of the request that published the event, sent with each delivery so that a listener's work
-- joins the trace of the change it is told of.
alter table event_outbox add column if not exists trace_parent varchar(55);
