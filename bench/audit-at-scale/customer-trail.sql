-- An auditor's first page of one customer's trail (AuditEntries with recordId): every month is searched.
\set customer random(1, :customers)
select id, chain, sequence, occurred_at, principal, client_id, roles, operation, record_id, via, request_id,
       source_address, purpose, changes, previous_hash, hash
from audit_entry where record_id = lpad(to_hex(:customer::bigint), 32, '0')::uuid
order by occurred_at, id limit 100 offset 0;
