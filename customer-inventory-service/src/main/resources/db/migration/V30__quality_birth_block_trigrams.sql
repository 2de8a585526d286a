-- The similar-name rule looks up, within a birth date's block, only the names that share enough trigrams with the
-- customer's, rather than comparing it with everyone born that day: at ten million customers a day's block holds
-- some 435 names. The GiST index narrows by run and birth date (btree_gist), then by name trigrams; a signature of
-- 256 bytes keeps a block's inner pages selective, where the default of 12 bytes is full after a few dozen names.
-- See bench/quality-audit.
create extension if not exists btree_gist;

drop index quality_birth_block_idx;
create index quality_birth_block_name_idx on quality_birth_block
    using gist (run_id, birth_date, name_normalized gist_trgm_ops (siglen = 256));
