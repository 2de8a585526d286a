-- One-time codes an agent tells a caller, who presents it signed in as a partner to prove that it is the
-- interaction's partner. At most one code per interaction can be used: a new one replaces the row. Only a bcrypt
-- hash of the code is kept; wrong attempts are counted so that a code cannot be guessed.
create table authentication_code (
    interaction_id  uuid         primary key references party_interaction (id),
    code_hash       varchar(100) not null,
    issued_by       varchar(200) not null,
    issued_at       timestamptz  not null,
    expires_at      timestamptz  not null,
    failed_attempts integer      not null,
    max_attempts    integer      not null,
    used_at         timestamptz,
    used_by         varchar(200)
);
