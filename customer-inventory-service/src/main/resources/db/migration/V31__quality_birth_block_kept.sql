-- The birth-date blocks outlive their run: each run's planning brings them up to date with the customers by
-- difference (rows of customers renamed, reborn, closed, erased or gone out, rows of customers new to a block in),
-- instead of filling every open customer and its trigram index again, which was most of a run's planning. One run
-- plans at a time, so the table needs no run. See bench/quality-audit.
drop table quality_birth_block;
create table quality_birth_block (
    customer_id     uuid         primary key,
    birth_date      date         not null,
    name_normalized varchar(200) not null
);
create index quality_birth_block_name_idx on quality_birth_block
    using gist (birth_date, name_normalized gist_trgm_ops (siglen = 256));

-- An erased customer's name leaves the blocks with the erasure, not at the next run's planning.
create function quality_birth_block_forget_erased() returns trigger language plpgsql as $$
begin
    delete from quality_birth_block where customer_id = new.id;
    return null;
end
$$;
create trigger customer_erased_leaves_birth_block after update of erased_at on customer
    for each row when (new.erased_at is not null and old.erased_at is null)
    execute function quality_birth_block_forget_erased();
