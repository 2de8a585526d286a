-- An erasure takes the customer's personal data out of the audit's findings too: its own findings quote its
-- email addresses, phone numbers and names, and other customers' findings name it as their look-alike. Its own
-- go; the others lose the name, and an open one is resolved, since an erased record duplicates no one.
create index quality_finding_related_idx on quality_finding (related_customer_id)
    where related_customer_id is not null;

create function quality_finding_forget_erased() returns trigger language plpgsql as $$
begin
    delete from quality_finding where customer_id = new.id;
    update quality_finding
    set message = 'was like customer ' || new.id || ', since erased', version = version + 1,
        status = case when status = 'open' then 'resolved' else status end,
        status_reason = case when status = 'open' then 'the related customer was erased' else status_reason end,
        status_changed_by = case when status = 'open' then 'erasure' else status_changed_by end,
        status_changed_at = case when status = 'open' then now() else status_changed_at end
    where related_customer_id = new.id;
    return null;
end
$$;
create trigger customer_erased_leaves_findings after update of erased_at on customer
    for each row when (new.erased_at is not null and old.erased_at is null)
    execute function quality_finding_forget_erased();

-- The customers erased before this migration.
delete from quality_finding f using customer c where c.id = f.customer_id and c.erased_at is not null;
update quality_finding f
set message = 'was like customer ' || c.id || ', since erased', version = f.version + 1,
    status = case when f.status = 'open' then 'resolved' else f.status end,
    status_reason = case when f.status = 'open' then 'the related customer was erased' else f.status_reason end,
    status_changed_by = case when f.status = 'open' then 'erasure' else f.status_changed_by end,
    status_changed_at = case when f.status = 'open' then now() else f.status_changed_at end
from customer c where c.id = f.related_customer_id and c.erased_at is not null;
