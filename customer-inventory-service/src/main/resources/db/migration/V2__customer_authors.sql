-- Who created and who last changed each customer record: the token subject (a user or a client).
alter table customer add column created_by varchar(200);
alter table customer add column updated_by varchar(200);
update customer set created_by = 'unknown', updated_by = 'unknown' where created_by is null;
alter table customer alter column created_by set not null;
alter table customer alter column updated_by set not null;
