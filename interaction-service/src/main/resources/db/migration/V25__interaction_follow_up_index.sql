-- Every change of an interaction refreshes its analytics facts (InteractionFacts), which ask whether another
-- interaction follows it up. Nothing indexed that question, so it read the whole relationship table: at 10 million
-- interactions (bench/interaction-at-scale) 161 ms of every create and change. Only follow-ups are asked for.
create index party_interaction_relationship_follow_up_idx on party_interaction_relationship (related_id)
    where relationship_type = 'followUpOf';
