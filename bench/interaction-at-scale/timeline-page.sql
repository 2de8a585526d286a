-- A party's first page of its timeline, most recent first, and the timeline's length, as the service answers
-- GET /tmf-api/partyInteraction/v5/partyInteraction?relatedParty.partyOrPartyRole.id=... (PartyInteractionService
-- .list). The two statements are PartyInteractionRepository's own: run.sh puts them in place of the lines naming
-- them, with the party's id for :partyId.
\set party random(1, :parties)
\set limit 20
\set offset 0
@timelineOf@
@timelineLengthOf@
