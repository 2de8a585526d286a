#!/usr/bin/env bash
# The interaction log's most frequent statements at two sizes in one run: the same statements against 1 million and
# 100 million history entries, in the interaction service's own schema (its migrations). See README.md here.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
export PGHOST="${PGHOST:-127.0.0.1}" PGPORT="${PGPORT:-5432}" PGUSER="${PGUSER:-postgres}"
small="${BENCH_SMALL_INTERACTIONS:-100000}"
large="${BENCH_LARGE_INTERACTIONS:-10000000}"
seconds="${BENCH_SECONDS:-30}"
clients="${BENCH_CLIENTS:-8}"
shared_migrations="$root/service-support/src/main/resources/db/support"
migrations="$root/interaction-service/src/main/resources/db/migration"
sources="$root/interaction-service/src/main/java/org/crmbackoffice/interactions"
databases=(crm_bench_interaction_small crm_bench_interaction_large)
work="$(mktemp -d)"

cleanup() {
  rm -rf "$work"
  [ "${BENCH_KEEP:-0}" = 1 ] && return
  for db in "${databases[@]}"; do psql -qAt -d postgres -c "drop database if exists $db with (force)"; done
}
trap cleanup EXIT

# The statements the service keeps as SQL in its source are read from there, so that what is measured is what runs.
# text_block FILE PATTERN [N] prints the Nth Java text block whose opening line matches PATTERN.
text_block() {
  awk -v pattern="$2" -v wanted="${3:-1}" '
    !inside && $0 ~ pattern && /"""$/ { count++; inside = 1; next }
    inside {
      line = $0; sub(/^\t+/, "", line); closing = index(line, "\"\"\"")
      if (closing) line = substr(line, 1, closing - 1)
      if (count == wanted) print line
      if (closing) { inside = 0; if (count == wanted) exit }
    }' "$1"
}
statement() { # NAME FILE PATTERN N EXPECTED: a statement from the source, stopping the run if it is not found
  text_block "$2" "$3" "$4" >"$work/$1.source"
  grep -q "$5" "$work/$1.source" || { echo "No statement like '$5' for $1 in $2" >&2; exit 1; }
}
statement timelineOf "$sources/interaction/PartyInteractionRepository.java" '@Query' 1 'limit :limit offset :offset'
statement timelineLengthOf "$sources/interaction/PartyInteractionRepository.java" '@Query' 2 'count(distinct'
statement REFRESH "$sources/analytics/InteractionFacts.java" 'REFRESH =' 1 'insert into interaction_fact'
statement FOLLOWED_UP "$sources/analytics/InteractionFacts.java" 'FOLLOWED_UP =' 1 'update interaction_fact'
# Party k's id is a UUID derived from k, which the scripts work out from a random k in the database.
party_id="md5('customer-' || :party)::uuid::text"
for name in timelineOf timelineLengthOf; do
  sed "s/:partyId/$party_id/g; \$ s/\$/;/" "$work/$name.source" >"$work/$name.sql"
done
sed 's/?/:id/; $ s/$/;/' "$work/REFRESH.source" >"$work/REFRESH.sql"
sed 's/?/md5(:earlier::text)::uuid/; $ s/$/;/' "$work/FOLLOWED_UP.source" >"$work/FOLLOWED_UP.sql"
fill() { # a script with each line @NAME@ replaced by the statement NAME
  awk -v dir="$work" '/^@[A-Za-z_]+@$/ { file = dir "/" substr($0, 2, length($0) - 2) ".sql"
                                           while ((getline line < file) > 0) print line; close(file); next }
                      { print }' "$here/$1" >"$work/$1"
}
fill timeline-page.sql
fill create-interaction.sql
cp "$here/track-record.sql" "$work/"

# The service's schema as it migrates it: the shared tables first, then its own, each in version order. The event
# hub has two active listeners, so that every event has deliveries to write.
create_log() {
  local db=$1 migration
  psql -qAt -d postgres -c "drop database if exists $db with (force)" -c "create database $db"
  for migration in $(ls "$shared_migrations"/V*.sql | sort -V) $(ls "$migrations"/V*.sql | sort -V); do
    psql -q -1 -v ON_ERROR_STOP=1 -d "$db" -f "$migration" >/dev/null
  done
  psql -q -v ON_ERROR_STOP=1 -d "$db" <<'SQL'
insert into hub_listener (id, callback, query, secret, status, created_at, created_by, api_version)
values (md5('listener-1')::uuid, 'https://bi.example.com/events', null, 'secret-1', 'active', now(), 'integrator', 'v5'),
       (md5('listener-2')::uuid, 'https://care.example.com/hub', null, 'secret-2', 'active', now(), 'integrator', 'v5');
SQL
}

# The tables an interaction writes to, and the keys, references and indexes the migrations gave them: set aside
# during the load and built again from their own definitions afterwards (the references last).
loaded="'party_interaction', 'party_interaction_channel', 'party_interaction_related_party', 'party_interaction_note',
        'party_interaction_relationship', 'party_interaction_history', 'interaction_fact'"

# Interaction n of N starts at the beginning of the month a year before this one plus n/N of the time to an hour
# ago, and belongs to customer 1 + n % (N/100), so every customer has 100 interactions at either size, spread over
# the 13 months. Each has one channel, one note, and ten history entries five minutes apart, from its creation
# through notes, status changes and messages to the customer to its completion; one in ten follows up the
# customer's interaction before it. The entries are inserted in the order of their time, as the service writes
# them, so that one interaction's entries lie among those of the interactions started around it.
load_log() {
  local db=$1 interactions=$2
  local parties=$((interactions / 100))
  local definitions drops t0 span
  definitions="$(mktemp)"
  drops="$(mktemp)"
  read -r t0 span < <(psql -qAt -F ' ' -d "$db" -c "select extract(epoch from m), extract(epoch from now() - interval '1 hour' - m)
    from (select (date_trunc('month', now() at time zone 'UTC') - interval '12 months') at time zone 'UTC' as m) s")
  psql -qAt -d "$db" >"$definitions" <<SQL
select format('alter table %s add constraint %I %s;', conrelid::regclass, conname, pg_get_constraintdef(oid))
from pg_constraint where contype in ('p', 'u') and conrelid::regclass::text in ($loaded);
select pg_get_indexdef(indexrelid) || ';' from pg_index
where indrelid::regclass::text in ($loaded) and indexrelid not in (select conindid from pg_constraint);
select format('alter table %s add constraint %I %s;', conrelid::regclass, conname, pg_get_constraintdef(oid))
from pg_constraint where contype = 'f' and (conrelid::regclass::text in ($loaded) or confrelid::regclass::text in ($loaded));
select format('alter table %s enable trigger user;', t) from unnest(array[$loaded]) t;
SQL
  psql -qAt -d "$db" >"$drops" <<SQL
select format('alter table %s drop constraint %I;', conrelid::regclass, conname)
from pg_constraint where contype = 'f' and (conrelid::regclass::text in ($loaded) or confrelid::regclass::text in ($loaded));
select format('alter table %s drop constraint %I;', conrelid::regclass, conname)
from pg_constraint where contype in ('p', 'u') and conrelid::regclass::text in ($loaded);
select format('drop index %s;', indexrelid::regclass) from pg_index
where indrelid::regclass::text in ($loaded) and indexrelid not in (select conindid from pg_constraint);
-- The export marker's trigger is set aside too; the load sets the column as it would.
select format('alter table %s disable trigger user;', t) from unnest(array[$loaded]) t;
SQL
  psql -q -v ON_ERROR_STOP=1 -d "$db" -f "$drops"
  local start
  start=$(date +%s)
  # History entry s is 5 (s - 1) minutes, or offset(s) interactions, after its interaction's start: the mth group of
  # ten in the time-ordered sequence holds entry s of interaction m - offset(s).
  local per_entry="round(300 * (s - 1) * $interactions / $span)::bigint"
  local entries
  entries=$(psql -qAt -v ON_ERROR_STOP=1 -d "$db" -c "select $interactions + $per_entry from (select 10::bigint as s) e")
  # What interaction n is: one expression for every table, so that each row knows it alike.
  local details="select md5(n::text)::uuid as id, to_timestamp($t0 + $span * n / $interactions) as started,
    md5('customer-' || (1 + n % $parties))::uuid::text as customer, 'agent-' || n % 500 as agent,
    (array['phone', 'phone', 'phone', 'email', 'email', 'chat', 'webSelfService', 'sms', 'store'])[1 + n % 9] as channel,
    (array['billing enquiry', 'technical fault', 'contract change', 'complaint', 'moving house',
           'payment arrangement'])[1 + n % 6] as reason,
    (array['Asks why the last bill is higher than usual', 'Reports that the line drops several times a day',
           'Wants to move to the larger data plan from next month', 'Complains that the engineer did not come',
           'Moves house on the first and keeps the contract', 'Asks to pay the overdue amount in three parts'])
        [1 + n % 6] as description,
    case when n % 4 = 0 then 'outbound' else 'inbound' end as direction"
  local note="Checked the account with the customer; the back office confirms the amount by tomorrow."
  local half=$((interactions / 2)) entry_half=$((entries / 2)) part halves=()
  for part in "1 $half 1 $entry_half" "$((half + 1)) $interactions $((entry_half + 1)) $entries"; do
    set -- $part
    psql -q -v ON_ERROR_STOP=1 -d "$db" <<SQL &
set synchronous_commit = off;
insert into party_interaction (id, version, description, direction, reason, status, status_change_date,
                               interaction_start, interaction_end, created_at, updated_at, created_by, updated_by,
                               due_date, authentication_level, customer_check, change_xid)
select id, 6, 'Resolved: ' || description, direction, reason, 'COMPLETED', started + interval '40 minutes', started,
       started + interval '40 minutes', started, started + interval '40 minutes', agent, agent,
       started + interval '3 days', 'AUTHENTICATED', 'VERIFIED', pg_current_xact_id()
from generate_series($1::bigint, $2::bigint) n cross join lateral ($details) d;
insert into party_interaction_related_party (interaction_id, position, role, party_id, party_type, interaction_start,
                                             party_at_type)
select id, 0, 'customer', customer, 'Customer', started, 'PartyRoleRef'
from generate_series($1::bigint, $2::bigint) n cross join lateral ($details) d;
insert into party_interaction_channel (interaction_id, position, role, channel_id, channel_href, channel_name,
                                       channel_type)
select id, 0, 'contact', channel, '/interaction/v1/channel/' || channel, channel, 'Channel'
from generate_series($1::bigint, $2::bigint) n cross join lateral ($details) d;
insert into party_interaction_note (interaction_id, position, note_id, author, note_date, text)
select id, 0, md5('note-' || n)::uuid::text, agent, started + interval '10 minutes', '$note'
from generate_series($1::bigint, $2::bigint) n cross join lateral ($details) d;
insert into party_interaction_relationship (interaction_id, position, relationship_type, related_id)
select md5(n::text)::uuid, 0, 'followUpOf', md5((n - $parties)::text)::uuid::text
from generate_series($1::bigint, $2::bigint) n where n % 10 = 0 and n > $parties;
insert into interaction_fact (interaction_id, started_at, channel, channel_count, reason, direction, status,
                              handling_seconds, waited, followed_up)
select id, started, channel, 1, reason, direction, 'COMPLETED', 2400, true,
       (n + $parties) % 10 = 0 and n + $parties <= $interactions
from generate_series($1::bigint, $2::bigint) n cross join lateral ($details) d;

insert into party_interaction_history (interaction_id, sequence, changed_at, changed_by, client_id, channel, action,
                                       changes, change_xid)
select id, s, at, case when s in (7, 10) then 'interaction-service' else agent end,
       case when s in (7, 10) then null else 'crm-frontend' end,
       case when s in (7, 10) then 'email' else channel end,
       (array['created', 'statusChanged', 'noteAdded', 'statusChanged', 'updated', 'statusChanged', 'partnerNotified',
              'updated', 'statusChanged', 'partnerNotified'])[s],
       case s
         when 1 then '[{"field":"@schemaLocation","from":null,"to":"/interaction/v1/schema/PartyInteraction.schema.json"},'
           || '{"field":"description","from":null,"to":"' || description || '"},'
           || '{"field":"direction","from":null,"to":"' || direction || '"},'
           || '{"field":"reason","from":null,"to":"' || reason || '"},{"field":"status","from":null,"to":"opened"},'
           || '{"field":"interactionDate","from":null,"to":{"startDateTime":"'
           || to_char(started at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') || '"}},'
           || '{"field":"relatedChannel","from":null,"to":[{"role":"contact","channel":{"id":"' || channel
           || '","href":"/interaction/v1/channel/' || channel || '","name":"' || channel
           || '","@referredType":"Channel","@type":"ChannelRef"},"@type":"RelatedChannel"}]},'
           || '{"field":"relatedParty","from":null,"to":[{"role":"customer","partyOrPartyRole":{"id":"' || customer
           || '","@referredType":"Customer","@type":"PartyRoleRef"},"@type":"RelatedPartyOrPartyRole"}]},'
           || '{"field":"authenticationLevel","from":null,"to":"authenticated"},'
           || '{"field":"customerCheck","from":null,"to":"verified"}]'
         when 2 then '[{"field":"status","from":"opened","to":"inProgress"}]'
         when 3 then '[{"field":"note","from":[],"to":[{"id":"' || md5('note-' || n)::uuid || '","author":"' || agent
           || '","date":"' || to_char(at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') || '","text":"$note",'
           || '"@type":"Note"}]}]'
         when 4 then '[{"field":"status","from":"inProgress","to":"waitingForBackOffice"}]'
         when 5 then '[{"field":"dueDate","from":null,"to":"'
           || to_char((started + interval '3 days') at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') || '"}]'
         when 6 then '[{"field":"status","from":"waitingForBackOffice","to":"inProgress"}]'
         when 8 then '[{"field":"description","from":"' || description || '","to":"Resolved: ' || description || '"}]'
         when 9 then '[{"field":"status","from":"inProgress","to":"completed"}]'
         else '[{"field":"outboundNotification","from":null,"to":{"channel":"email","recipient":"'
           || substr(customer, 1, 8) || '@example.com","status":"'
           || case when s = 7 then 'inProgress' else 'completed' end
           || '","text":"Your request about ' || reason || ' is ' || case when s = 7 then 'being handled' else 'done' end
           || '.","providerMessageId":"' || md5('message-' || n || '-' || s) || '"}}]'
       end,
       pg_current_xact_id()
from generate_series($3::bigint * 10, $4::bigint * 10 + 9) k
cross join lateral (select k / 10 as m, k % 10 + 1 as s) o
cross join lateral (select m - $per_entry as n) e
cross join lateral ($details) d
cross join lateral (select started + (s - 1) * interval '5 minutes' as at) t
where n between 1 and $interactions;
SQL
    halves+=($!)
  done
  wait "${halves[0]}" && wait "${halves[1]}"
  local rows=$(( $(date +%s) - start ))
  start=$(date +%s)
  psql -q -v ON_ERROR_STOP=1 -d "$db" -c "set maintenance_work_mem = '1GB'" -f "$definitions"
  local keys=$(( $(date +%s) - start ))
  start=$(date +%s)
  psql -q -v ON_ERROR_STOP=1 -d "$db" -c "vacuum analyze"
  echo "$db: rows $rows s, keys and indexes $keys s, vacuum analyze $(( $(date +%s) - start )) s"
  rm -f "$definitions" "$drops"
}

if [ "${BENCH_LOAD:-1}" = 1 ]; then
  for db in "${databases[@]}"; do create_log "$db"; done
  echo "Loading $small interactions x 10 history entries into ${databases[0]} and $large into ${databases[1]}," \
    "over 13 months"
  start=$(date +%s)
  load_log "${databases[0]}" "$small"
  load_log "${databases[1]}" "$large"
  echo "Loaded in $(( $(date +%s) - start )) s"
fi
for i in 0 1; do
  interactions=$([ $i = 0 ] && echo "$small" || echo "$large")
  # The scripts pick customers and interactions by number: kept databases must hold the sizes asked for.
  held=$(psql -qAt -d "${databases[$i]}" -c "select reltuples::bigint from pg_class where relname = 'party_interaction'")
  [ $(( (held - interactions) * 10 / interactions )) = 0 ] \
    || { echo "${databases[$i]} holds about $held interactions, not $interactions" >&2; exit 1; }
  psql -qAt -d "${databases[$i]}" -c "select '${databases[$i]}: ' || pg_size_pretty(pg_database_size(current_database()))
    || ', $interactions interactions, $((interactions * 10)) history entries ('
    || pg_size_pretty(pg_total_relation_size('party_interaction_history')) || ' with their indexes)'"
done

# What a create run added is removed again, so that every run measures the log as loaded.
remove_created() {
  local db=$1 since=$2
  psql -q -v ON_ERROR_STOP=1 -d "$db" <<SQL
begin;
create temp table created on commit drop as select id from party_interaction where interaction_start >= '$since';
delete from event_delivery where event_created_at >= '$since';
delete from event_outbox where created_at >= '$since';
delete from interaction_fact where interaction_id in (select id from created);
delete from party_interaction_history where interaction_id in (select id from created);
delete from party_interaction where id in (select id from created);
commit;
SQL
  psql -q -v ON_ERROR_STOP=1 -d "$db" -c "vacuum party_interaction, party_interaction_channel,
    party_interaction_related_party, party_interaction_relationship, party_interaction_history, interaction_fact,
    event_outbox, event_delivery"
}

echo
echo "== Each statement for ${seconds} s, $clients clients, prepared, first on ${databases[0]}, then on ${databases[1]}"
declare -A tps
# Logging interactions goes last, and what it adds is removed after each database's run.
for script in timeline-page.sql track-record.sql create-interaction.sql; do
  for i in 0 1; do
    interactions=$([ $i = 0 ] && echo "$small" || echo "$large")
    db=${databases[$i]}
    since=$(psql -qAt -d "$db" -c "select now()")
    if ! pgbench -n -M prepared -c "$clients" -j 2 -T "$seconds" -D interactions="$interactions" \
         -D parties=$((interactions / 100)) -f "$work/$script" "$db" >"$work/pgbench.out" 2>"$work/pgbench.err"; then
      cat "$work/pgbench.out" "$work/pgbench.err" >&2
      exit 1
    fi
    out=$(cat "$work/pgbench.out")
    tps[$script.$i]=$(awk '/^tps/ {print $3}' <<<"$out")
    latency=$(awk '/latency average/ {print $4}' <<<"$out")
    done_count=$(awk -F': ' '/actually processed/ {print $2}' <<<"$out" | cut -d/ -f1)
    failed=$(awk '/number of failed transactions/ {print $5}' <<<"$out")
    printf "%-24s %-28s %9.0f tps %8.3f ms  (%s transactions, %s failed)\n" "$script" "$db" "${tps[$script.$i]}" \
      "$latency" "$done_count" "${failed:-0}"
    if [ "$script" = create-interaction.sql ]; then
      read -r logged entries follow_ups events deliveries < <(psql -qAt -F ' ' -d "$db" -c "
        select (select count(*) from party_interaction where interaction_start >= '$since'),
               (select count(*) from party_interaction_history h join party_interaction i on i.id = h.interaction_id
                where i.interaction_start >= '$since'),
               (select count(*) from party_interaction_relationship r join party_interaction i on i.id = r.interaction_id
                where i.interaction_start >= '$since'),
               (select count(*) from event_outbox where created_at >= '$since'),
               (select count(*) from event_delivery where event_created_at >= '$since')")
      printf "%-53s logged %s interactions: %s history entries, %s follow-ups, %s events, %s deliveries\n" "" \
        "$logged" "$entries" "$follow_ups" "$events" "$deliveries"
      [ "$logged" = "$done_count" ] && [ "$entries" = "$logged" ] && [ "$events" = "$logged" ] \
        && [ "$deliveries" = $((2 * logged)) ] || { echo "Not every transaction left what it should" >&2; exit 1; }
      remove_created "$db" "$since"
    fi
  done
  awk -v a="${tps[$script.0]}" -v b="${tps[$script.1]}" -v s="$script" -v large="$((large * 10))" \
    -v small="$((small * 10))" \
    'BEGIN {printf "%-24s time per transaction at %s entries / at %s: %.2f\n", s, large, small, a / b}'
done

# The plans as the service's prepared statements reach them: each statement runs five times first, after which
# PostgreSQL may settle on a generic plan. Inside a transaction that is rolled back, for the fact refresh writes.
as_prepared() { sed -e 's/:partyId/$1/g; s/:limit/$2/g; s/:offset/$3/g; s/?/$1/' "$work/$1.source"; }
explain() { # DB NAME TYPES ARGUMENTS SQL
  local i
  {
    echo "begin;"
    echo "prepare $2($3) as $5;"
    echo '\o /dev/null'
    for i in 1 2 3 4 5; do echo "execute $2($4);"; done
    echo '\o'
    echo "explain (analyze, buffers, costs off) execute $2($4);"
    echo "rollback;"
  } | psql -qAt -v ON_ERROR_STOP=1 -d "$1" -f - | sed 's/^/    /'
}
for i in 0 1; do
  db=${databases[$i]}
  interactions=$([ $i = 0 ] && echo "$small" || echo "$large")
  party=$(psql -qAt -d "$db" -c "select md5('customer-' || 42)::uuid")
  n=$((interactions / 3))
  echo
  echo "== Plans on $db, for customer 42 and interaction $n"
  echo "  -- the first page (PartyInteractionRepository.timelineOf)"
  explain "$db" page "varchar, int, bigint" "'$party', 20, 0" "$(as_prepared timelineOf)"
  echo "  -- its length (timelineLengthOf)"
  explain "$db" length "varchar" "'$party'" "$(as_prepared timelineLengthOf)"
  echo "  -- the track record (HistoryRepository.findAllOf)"
  explain "$db" history "uuid" "md5('$n')::uuid" \
    "select interaction_id, sequence, action, changed_at, changed_by, channel, changes, client_id
     from party_interaction_history where interaction_id = \$1 order by sequence"
  echo "  -- the fact refresh of every change (InteractionFacts.refresh), rolled back"
  explain "$db" refresh "uuid" "md5('$n')::uuid" "$(as_prepared REFRESH)"
done
