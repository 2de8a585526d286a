-- Who logged and who last changed each interaction: the token subject (a user or a client).
alter table party_interaction add column created_by varchar(200);
alter table party_interaction add column updated_by varchar(200);
update party_interaction set created_by = 'unknown', updated_by = 'unknown' where created_by is null;
alter table party_interaction alter column created_by set not null;
alter table party_interaction alter column updated_by set not null;
