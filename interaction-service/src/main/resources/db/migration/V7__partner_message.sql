-- Progress messages owed to partners, written in the transaction of the status change that causes them and
-- sent in the background on the partner's preferred contact medium.
create table partner_message (
    id              bigserial    primary key,
    interaction_id  uuid         not null references party_interaction (id),
    customer_id     varchar(100) not null,
    -- the status reached, or 'reminder' for an overdue or stalled interaction
    status          varchar(30)  not null,
    -- pending, sent, or undeliverable (no usable contact medium, no mail server, or the last try failed)
    state           varchar(20)  not null,
    attempts        integer      not null,
    next_attempt_at timestamptz  not null,
    created_at      timestamptz  not null,
    sent_at         timestamptz,
    channel         varchar(20),
    recipient       varchar(254),
    error           varchar(1000)
);

create index partner_message_due_idx on partner_message (next_attempt_at, id) where state = 'pending';
