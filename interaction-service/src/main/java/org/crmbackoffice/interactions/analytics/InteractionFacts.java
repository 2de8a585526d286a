package org.crmbackoffice.interactions.analytics;

import java.util.Collection;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Keeps the analytics' narrow copy of each interaction ({@code interaction_fact}) up to
 * date. Called in the transaction of every change, so the figures never disagree with the
 * log; each refresh is one upsert by primary key, cheap beside the change itself.
 */
@Component
public class InteractionFacts {

	private static final String REFRESH = """
			insert into interaction_fact (interaction_id, started_at, channel, channel_count, reason, direction, status,
			                              handling_seconds, waited, followed_up, csat, nps)
			select i.id, i.interaction_start,
			       (select coalesce(c.channel_name, c.channel_id) from party_interaction_channel c
			        where c.interaction_id = i.id order by c.position limit 1),
			       (select count(distinct coalesce(c.channel_name, c.channel_id)) from party_interaction_channel c
			        where c.interaction_id = i.id),
			       i.reason, i.direction, i.status,
			       case when i.status = 'COMPLETED'
			            then extract(epoch from coalesce(i.interaction_end, i.status_change_date) - i.interaction_start)
			       end,
			       i.status like 'WAITING%',
			       exists (select 1 from party_interaction_relationship r
			               where r.related_id = i.id::text and r.relationship_type = 'followUpOf'),
			       s.csat, s.nps
			from party_interaction i left join interaction_satisfaction s on s.interaction_id = i.id
			where i.id = ?
			on conflict (interaction_id) do update set
			    started_at = excluded.started_at, channel = excluded.channel, channel_count = excluded.channel_count,
			    reason = excluded.reason, direction = excluded.direction, status = excluded.status,
			    handling_seconds = excluded.handling_seconds, followed_up = excluded.followed_up,
			    csat = excluded.csat, nps = excluded.nps,
			    -- Sticky: an interaction that waited once was not resolved at first contact, whatever came after.
			    waited = interaction_fact.waited or excluded.waited""";

	private static final String FOLLOWED_UP = """
			update interaction_fact f set followed_up = exists (select 1 from party_interaction_relationship r
			    where r.related_id = f.interaction_id::text and r.relationship_type = 'followUpOf')
			where f.interaction_id = ?""";

	private final JdbcTemplate jdbc;

	InteractionFacts(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * @param followedUp interactions this one is, or was until this change, a follow-up
	 * of: whether they were followed up may have changed with it
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public void refresh(UUID interactionId, Collection<UUID> followedUp) {
		this.jdbc.update(REFRESH, interactionId);
		for (UUID earlier : followedUp) {
			this.jdbc.update(FOLLOWED_UP, earlier);
		}
	}

}
