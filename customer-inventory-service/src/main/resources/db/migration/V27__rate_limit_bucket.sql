-- The request budgets of rate limiting (org.crmbackoffice.support.ratelimit), shared by every instance: one row
-- per caller and budget, holding Bucket4j's serialised token bucket. A row whose bucket has refilled is deleted.
create table rate_limit_bucket (
    id         text primary key,
    state      bytea,
    -- Epoch milliseconds after which the bucket is full again and the row can go.
    expires_at bigint
);
