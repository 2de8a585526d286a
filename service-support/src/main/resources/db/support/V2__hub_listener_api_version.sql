-- A service may serve its API in two versions (TMF v4 beside v5), each with its own hub; a listener receives the
-- events in the shape of the version whose hub it registered on.
alter table hub_listener add column if not exists api_version varchar(10) not null default 'v5';
