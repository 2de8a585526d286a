-- A customer's characteristic keeps the TMF v5 @type its client gave (StringCharacteristic, ...).
alter table customer_characteristic add column at_type varchar(100);
