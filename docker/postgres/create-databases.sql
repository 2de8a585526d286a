-- Each service owns its database; the inventory's is created by POSTGRES_DB.
CREATE DATABASE interaction OWNER crm;
