-- The system that fed each customer record (a client id such as crm-frontend or billing-migration), so that the
-- shortcomings data-quality audits find can be traced back to it. Records from before it was kept have none.
alter table customer add column data_source varchar(100);
