-- A message counts as sent only when a provider accepted it. The provider's id for it is kept so an operator can
-- follow the message up with the provider. A development installation without a provider may only write SMS
-- messages to its log: such a message is 'logged', never 'sent', since the partner got nothing.
alter table partner_message add column provider_message_id varchar(200);

alter table partner_message add constraint partner_message_state_check
    check (state in ('pending', 'sent', 'logged', 'undeliverable'));
