-- A run's customers split into chunks of id ranges up front, so that several threads and instances work through
-- one run at once, each chunk claimed by one of them at a time and committed once.
create table quality_chunk (
    run_id     uuid         not null references quality_run (id) on delete cascade,
    -- The chunk's customers: ids after after_id, up to and including upto_id.
    after_id   uuid         not null,
    upto_id    uuid         not null,
    -- Who works the chunk and since when: a claim older than crm.quality.stale-after, on a chunk not done, is
    -- taken over, as its instance stopped.
    owner      varchar(100),
    claimed_at timestamptz,
    done_at    timestamptz,
    primary key (run_id, upto_id)
);
create index quality_chunk_open_idx on quality_chunk (run_id, upto_id) where done_at is null;

-- The open customers born on each day, with their names, as the run found them when it started: the blocks in
-- which the similar-name rule compares names, read in birth-date order instead of customer by customer.
create table quality_birth_block (
    run_id          uuid         not null references quality_run (id) on delete cascade,
    birth_date      date         not null,
    customer_id     uuid         not null,
    name_normalized varchar(200) not null
);
create index quality_birth_block_idx on quality_birth_block (run_id, birth_date) include (customer_id, name_normalized);
