-- The request budgets of rate limiting (org.crmbackoffice.support.ratelimit), shared by every instance: one row
-- per caller and budget, holding Bucket4j's serialised token bucket. A row whose bucket has refilled is deleted.
-- Unlogged: every request updates a row, and a budget is not worth a WAL flush per request; after a crash of the
-- database the table is empty, which gives every caller a full budget once.
create unlogged table if not exists rate_limit_bucket (
    id         text primary key,
    state      bytea,
    -- Epoch milliseconds after which the bucket is full again and the row can go.
    expires_at bigint
);
