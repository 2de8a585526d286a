-- A batch of ten customer reads recorded as the inventory records them: the access chain's head moves, and the
-- entries follow on from it in one statement (AuditChains).
\set customer random(1, :customers - 10)
with head as (
    update audit_chain set last_sequence = last_sequence + 10, last_hash = md5(random()::text) || md5(random()::text)
    where chain = 'access'
    returning chain, last_sequence)
insert into audit_entry (chain, sequence, occurred_at, principal, client_id, roles, operation, record_id,
                         previous_hash, hash)
select head.chain, head.last_sequence - 10 + i, now(), 'supervisor-bench', 'crm-frontend', 'supervisor',
       'customer.read', lpad(to_hex(:customer + i), 32, '0')::uuid, repeat('0', 64), repeat('1', 64)
from head, generate_series(1, 10) i;
