-- Each service owns its database; the inventory's is created by POSTGRES_DB (as docker/postgres/create-databases.sql).
CREATE DATABASE interaction OWNER crm;
