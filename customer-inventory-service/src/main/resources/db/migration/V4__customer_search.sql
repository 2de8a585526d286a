-- Search and filters of the customer list. The service writes the folded forms on every create and change
-- (SearchText: accents dropped, lower case, single spaces; PhoneNumbers: E.164); the indexes serve
-- substring search (pg_trgm) and exact filters (btree). See bench/customer-search.
create extension if not exists pg_trgm;

alter table customer add column name_normalized varchar(200);
alter table customer_contact_medium add column email_normalized varchar(254);
alter table customer_contact_medium add column phone_normalized varchar(32);

-- Folds existing rows the way SearchText does for the accented Latin letters (both cases, whatever the database's
-- ctype makes of lower()); SQL cannot parse phone numbers, so only those already written in E.164 (spaces, dots
-- and dashes aside) get their E.164 form now, the others with the customer's next change.
create function pg_temp.fold(text) returns text language sql immutable as $$
    select btrim(regexp_replace(translate(lower($1),
        'ÀÁÂÃÄÅÇÈÉÊËÌÍÎÏÑÒÓÔÕÖÙÚÛÜÝàáâãäåçèéêëìíîïñòóôõöùúûüýÿĀāĂăĄąĆćĈĉĊċČčĎďĒēĔĕĖėĘęĚěĜĝĞğĠġĢģĤĥĨĩĪīĬĭĮįİĴĵĶķĹĺĻļĽľŃńŅņŇňŌōŎŏŐőŔŕŖŗŘřŚśŜŝŞşŠšŢţŤťŨũŪūŬŭŮůŰűŲųŴŵŶŷŸŹźŻżŽžƠơƯưǍǎǏǐǑǒǓǔǕǖǗǘǙǚǛǜǞǟǠǡǦǧǨǩǪǫǬǭǰǴǵǸǹǺǻȀȁȂȃȄȅȆȇȈȉȊȋȌȍȎȏȐȑȒȓȔȕȖȗȘșȚțȞȟȦȧȨȩȪȫȬȭȮȯȰȱȲȳ',
        'aaaaaaceeeeiiiinooooouuuuyaaaaaaceeeeiiiinooooouuuuyyaaaaaaccccccccddeeeeeeeeeegggggggghhiiiiiiiiijjkkllllllnnnnnnoooooorrrrrrssssssssttttuuuuuuuuuuuuwwyyyzzzzzzoouuaaiioouuuuuuuuuuaaaaggkkoooojggnnaaaaaaeeeeiiiioooorrrruuuusstthhaaeeooooooooyy'), '\s+', ' ', 'g'))
$$;

update customer set name_normalized = pg_temp.fold(name);
update customer_contact_medium
   set email_normalized = pg_temp.fold(email_address),
       phone_normalized = case when regexp_replace(phone_number, '[ .-]', '', 'g') ~ '^\+[1-9][0-9]{6,14}$'
                               then regexp_replace(phone_number, '[ .-]', '', 'g') end;

alter table customer alter column name_normalized set not null;

-- q: substring search on names, email addresses and phone numbers.
create index customer_name_trgm_idx on customer using gin (name_normalized gin_trgm_ops);
create index customer_contact_medium_email_trgm_idx on customer_contact_medium
    using gin (email_normalized gin_trgm_ops) where email_normalized is not null;
create index customer_contact_medium_phone_trgm_idx on customer_contact_medium
    using gin (phone_normalized gin_trgm_ops) where phone_normalized is not null;

-- name=, contactMedium.emailAddress=, contactMedium.phoneNumber=: exact matches of the folded forms.
create index customer_name_normalized_idx on customer (name_normalized);
create index customer_contact_medium_email_idx on customer_contact_medium (email_normalized, customer_id)
    where email_normalized is not null;
create index customer_contact_medium_phone_idx on customer_contact_medium (phone_normalized, customer_id)
    where phone_normalized is not null;

-- status=... with a creation range, newest first: one index range in list order.
create index customer_status_created_at_idx on customer (status, created_at desc, id);
