-- An erasure takes the customer's personal data out of the audit's findings too: its own findings quote its
-- email addresses, phone numbers and names, and other customers' findings name it as their look-alike. Its own
-- go; the others lose the name, and an open one is resolved, since an erased record duplicates no one. What the
-- audit forgets of an erased customer, its birth-date block row included, is one function, called by the
-- erasure's trigger and once here for the customers erased before.
create index quality_finding_related_idx on quality_finding (related_customer_id)
    where related_customer_id is not null;

create function quality_forget_customer(erased uuid) returns void language sql as $$
    delete from quality_birth_block where customer_id = erased;
    delete from quality_finding where customer_id = erased;
    update quality_finding
    set message = 'was like customer ' || erased || ', since erased', version = version + 1,
        status = case when status = 'open' then 'resolved' else status end,
        status_reason = case when status = 'open' then 'the related customer was erased' else status_reason end,
        status_changed_by = case when status = 'open' then 'erasure' else status_changed_by end,
        status_changed_at = case when status = 'open' then now() else status_changed_at end
    where related_customer_id = erased;
$$;

-- Replaces the trigger that took the customer out of the birth-date blocks only.
drop trigger customer_erased_leaves_birth_block on customer;
drop function quality_birth_block_forget_erased();
create function quality_forget_erased() returns trigger language plpgsql as $$
begin
    perform quality_forget_customer(new.id);
    return null;
end
$$;
create trigger customer_erased_leaves_quality after update of erased_at on customer
    for each row when (new.erased_at is not null and old.erased_at is null)
    execute function quality_forget_erased();

select quality_forget_customer(id) from customer where erased_at is not null;
