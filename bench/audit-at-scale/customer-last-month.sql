-- One customer's reads of the last 30 days (AuditEntries with recordId and from): the months before are pruned.
\set customer random(1, :customers)
select id, chain, sequence, occurred_at, principal, client_id, roles, operation, record_id, via, request_id,
       source_address, purpose, changes, previous_hash, hash
from audit_entry where record_id = lpad(to_hex(:customer::bigint), 32, '0')::uuid and occurred_at >= now() - interval '30 days'
order by occurred_at, id limit 100 offset 0;
