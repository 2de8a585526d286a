#!/usr/bin/env bash
# Customer list search benchmark: see README.md beside this file.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
export PGHOST="${PGHOST:-127.0.0.1}" PGPORT="${PGPORT:-5432}" PGUSER="${PGUSER:-postgres}"
db=crm_bench_customer_search
customers="${BENCH_CUSTOMERS:-1000000}"
seconds="${BENCH_SECONDS:-10}"

psql -qAt -d postgres -c "drop database if exists $db" -c "create database $db"
cleanup() { [ "${BENCH_KEEP:-0}" = 1 ] || psql -qAt -d postgres -c "drop database if exists $db with (force)"; }
trap cleanup EXIT

echo "Applying the customer inventory's migrations"
for migration in $(ls "$root"/customer-inventory-service/src/main/resources/db/migration/V*.sql | sort -V); do
  psql -q -v ON_ERROR_STOP=1 -d "$db" -f "$migration"
done

echo "Loading $customers customers, each with an email address and a mobile number, every fifth with a postal address"
start=$(date +%s)
psql -q -v ON_ERROR_STOP=1 -d "$db" <<SQL
set synchronous_commit = off;
-- Load without the secondary indexes and build them afterwards from the migrations' own definitions, as a bulk
-- import would.
create temp table migrated_index as
select indexname, indexdef from pg_indexes
where schemaname = 'public' and tablename in ('customer', 'customer_contact_medium') and indexname not like '%pkey';
select format('drop index %I', indexname) from migrated_index \gexec

select setseed(0.42) \g /dev/null
create temp table person as
select n, gen_random_uuid() as id, 1 + floor(random() * 64)::int as f, 1 + floor(random() * 60)::int as l,
       timestamptz '2021-01-01' + random() * interval '5 years' as created, random() as r
from generate_series(1, $customers) n;

-- First and last names as written, as SearchText folds them, and as they appear in email addresses.
create temp table names (first_name text[], first_folded text[], first_ascii text[],
                         last_name text[], last_folded text[], last_ascii text[]);
insert into names
select array['Zoë','José','François','Łukasz','Søren','Chloé','Zoé','Inès','Noémie','Hélène','Jürgen','Björn','Ágnes','Márton','Ákos','Dóra','Renée','Mélanie','Anaïs','Thérèse','Günther','Jörg','Maël','Léa','Iñaki','Begoña','Joaquín','Martín','Lucía','Sofía','Ramón','Ángel','Çağlar','Şebnem','Dženana','Miloš','Tomáš','Jiří','Zdeněk','Ştefan','Oana','Alice','Mohammed','Olivia','Amelia','Oliver','George','Harry','Isla','Ava','Noah','Leo','Arthur','Muhammad','Freya','Grace','Jack','Emily','Ella','Jessica','Priya','Aarav','Wei','Yuki'],
       array['zoe','jose','francois','łukasz','søren','chloe','zoe','ines','noemie','helene','jurgen','bjorn','agnes','marton','akos','dora','renee','melanie','anais','therese','gunther','jorg','mael','lea','inaki','begona','joaquin','martin','lucia','sofia','ramon','angel','caglar','sebnem','dzenana','milos','tomas','jiri','zdenek','stefan','oana','alice','mohammed','olivia','amelia','oliver','george','harry','isla','ava','noah','leo','arthur','muhammad','freya','grace','jack','emily','ella','jessica','priya','aarav','wei','yuki'],
       array['zoe','jose','francois','lukasz','soren','chloe','zoe','ines','noemie','helene','jurgen','bjorn','agnes','marton','akos','dora','renee','melanie','anais','therese','gunther','jorg','mael','lea','inaki','begona','joaquin','martin','lucia','sofia','ramon','angel','caglar','sebnem','dzenana','milos','tomas','jiri','zdenek','stefan','oana','alice','mohammed','olivia','amelia','oliver','george','harry','isla','ava','noah','leo','arthur','muhammad','freya','grace','jack','emily','ella','jessica','priya','aarav','wei','yuki'],
       array['Núñez','García','Müller','Martin','Dubois','Lefèvre','Gonçalves','Sørensen','Kowalski','Wiśniewski','Dvořák','Novák','Nagy','Szabó','Horváth','Öztürk','Yılmaz','Çelik','Şahin','Jónsdóttir','Guðmundsson','Björk','Åberg','Ångström','Løvland','Fernández','Rodríguez','López','Pérez','Sánchez','Muñoz','Peña','Ibáñez','Ortíz','Gómez','Dupré','Rousseau','Bérénice','Lévêque','Château','Schröder','Schäfer','Krüger','Weiß','Groß','Smith','Jones','Taylor','Brown','Williams','Wilson','Johnson','Davies','Patel','Khan','Evans','Thomas','Roberts','O''Brien','Murphy'],
       array['nunez','garcia','muller','martin','dubois','lefevre','goncalves','sørensen','kowalski','wisniewski','dvorak','novak','nagy','szabo','horvath','ozturk','yılmaz','celik','sahin','jonsdottir','guðmundsson','bjork','aberg','angstrom','løvland','fernandez','rodriguez','lopez','perez','sanchez','munoz','pena','ibanez','ortiz','gomez','dupre','rousseau','berenice','leveque','chateau','schroder','schafer','kruger','weiß','groß','smith','jones','taylor','brown','williams','wilson','johnson','davies','patel','khan','evans','thomas','roberts','o''brien','murphy'],
       array['nunez','garcia','muller','martin','dubois','lefevre','goncalves','sorensen','kowalski','wisniewski','dvorak','novak','nagy','szabo','horvath','ozturk','yilmaz','celik','sahin','jonsdottir','gudmundsson','bjork','aberg','angstrom','lovland','fernandez','rodriguez','lopez','perez','sanchez','munoz','pena','ibanez','ortiz','gomez','dupre','rousseau','berenice','leveque','chateau','schroder','schafer','kruger','weiss','gross','smith','jones','taylor','brown','williams','wilson','johnson','davies','patel','khan','evans','thomas','roberts','obrien','murphy'];

insert into customer (id, version, name, name_normalized, status, valid_from, valid_to, created_at, updated_at,
                      created_by, updated_by)
select p.id, 0, first_name[p.f] || ' ' || last_name[p.l], first_folded[p.f] || ' ' || last_folded[p.l],
       case when p.r < 0.7 then 'approved' when p.r < 0.8 then 'initialized' when p.r < 0.9 then 'suspended'
            else 'closed' end,
       p.created, case when p.r >= 0.9 then p.created + (p.r * 1000) * interval '1 day' end,
       p.created, p.created, 'bench', 'bench'
from person p, names;

-- Email addresses as clients send them (some capitalised); the folded form is what the service stores beside.
insert into customer_contact_medium (customer_id, position, medium_type, preferred, email_address, email_normalized)
select id, 0, 'email', true, case when n % 4 = 0 then initcap(address) else address end, address
from (select p.id, p.n, first_ascii[p.f] || '.' || last_ascii[p.l] || p.n || '@'
             || (array['example.org', 'example.com', 'mail.example.net', 'post.example.fr', 'example.de'])[1 + p.n % 5]
             as address
      from person p, names) a;

-- Mobile numbers in E.164, as the service stores them: British, French and German.
insert into customer_contact_medium (customer_id, position, medium_type, preferred, phone_number, phone_normalized)
select id, 1, 'mobile', false, number, number
from (select p.id, case p.n % 3
                     when 0 then '+447' || lpad(((p.n::bigint * 48271) % 1000000000)::text, 9, '0')
                     when 1 then '+336' || lpad(((p.n::bigint * 69621) % 100000000)::text, 8, '0')
                     else '+4917' || lpad(((p.n::bigint * 16807) % 100000000)::text, 8, '0') end as number
      from person p) m;

insert into customer_contact_medium (customer_id, position, medium_type, street1, city, post_code, country)
select p.id, 2, 'postalAddress', (p.n % 200 + 1) || ' High Street',
       (array['Bristol', 'Lyon', 'Köln', 'Sevilla', 'Kraków'])[1 + p.n % 5], 'BS' || (p.n % 40), 'GB'
from person p where p.n % 5 = 0;

select indexdef from migrated_index \gexec
vacuum analyze customer;
vacuum analyze customer_contact_medium;
SQL
echo "Loaded in $(( $(date +%s) - start )) s (rows, then secondary indexes):"
psql -qAt -d "$db" -c "select 'customer rows:         ' || count(*) from customer" \
  -c "select 'contact medium rows:   ' || count(*) from customer_contact_medium" \
  -c "select 'database size:         ' || pg_size_pretty(pg_database_size(current_database()))"

# Real values to look for: one customer's email address and one British mobile number.
email=$(psql -qAt -d "$db" -c "select email_address from customer_contact_medium
                                where position = 0 order by customer_id offset 4242 limit 1")
mobile=$(psql -qAt -d "$db" -c "select phone_number from customer_contact_medium
                                 where phone_number like '+447%' order by customer_id offset 4242 limit 1")
email_fragment="${email%%@*}"
# The number as a person in Britain types it: 07xxx xxxxxx.
typed_mobile="0${mobile:3:4} ${mobile:7}"

# The statements are those CustomerQuery builds (logged by the service with
# logging.level.org.springframework.jdbc.core.JdbcTemplate=DEBUG); the service binds the values, here they are
# literals. Page size 20, first page.
plain_page="select c.id from customer c
order by c.created_at desc, c.id
limit 20 offset 0"
plain_count="select count(*) from customer c"
status_range_where="
where c.status in (:p0) and c.created_at >= :p1 and c.created_at < :p2"
name_where="
where c.name_normalized = :p0"
email_where="
where c.id in (select m.customer_id from customer_contact_medium m where m.email_normalized = :p0)"
phone_where="
where c.id in (select m.customer_id from customer_contact_medium m where m.phone_normalized = :p0)"
search_with="with hit (id, score) as (
    select n.id, similarity(n.name_normalized, :term) from customer n where n.name_normalized like :pattern
    union all
    select m.customer_id, similarity(m.email_normalized, :term) from customer_contact_medium m
    where m.email_normalized like :pattern
), match as (select id, max(score) as relevance from hit group by id)
"
phone_search_with="with hit (id, score) as (
    select n.id, similarity(n.name_normalized, :term) from customer n where n.name_normalized like :pattern
    union all
    select m.customer_id, similarity(m.email_normalized, :term) from customer_contact_medium m
    where m.email_normalized like :pattern
    union all
    select m.customer_id, similarity(m.phone_normalized, :phoneTerm) from customer_contact_medium m
    where m.phone_normalized like :phoneDigits or m.phone_normalized = :phoneNumber
), match as (select id, max(score) as relevance from hit group by id)
"
search_page="select c.id from customer c join match on match.id = c.id
order by match.relevance desc, c.created_at desc, c.id
limit 20 offset 0"
search_count="select count(*) from match"
filtered_page() { printf '%s\n%s' "select c.id from customer c$1" "order by c.created_at desc, c.id
limit 20 offset 0"; }
filtered_count() { printf '%s' "select count(*) from customer c$1"; }

# Puts quoted literals in place of :name parameters: bind NAME VALUE ... < sql
bind() {
  local sql; sql=$(cat)
  while [ $# -gt 0 ]; do sql="${sql//:$1/\'${2//\'/\'\'}\'}"; shift 2; done
  printf '%s' "$sql"
}

declare -a names=() statements=()
add() { names+=("$1"); statements+=("$2"); }
add "list, first page (no filter)" "$plain_page"
add "list, count (no filter)" "$plain_count"
add "status=suspended + creationDate 2024-01..03, page" "$(filtered_page "$status_range_where" \
  | bind p0 suspended p1 2024-01-01T00:00:00Z p2 2024-04-01T00:00:00Z)"
add "status=suspended + creationDate 2024-01..03, count" "$(filtered_count "$status_range_where" \
  | bind p0 suspended p1 2024-01-01T00:00:00Z p2 2024-04-01T00:00:00Z)"
add "name=zoe nunez, page" "$(filtered_page "$name_where" | bind p0 'zoe nunez')"
add "contactMedium.emailAddress=$email, page" "$(filtered_page "$email_where" | bind p0 "${email,,}")"
add "contactMedium.phoneNumber=$typed_mobile, page" "$(filtered_page "$phone_where" | bind p0 "$mobile")"
add "q=Núñez, page" "$(printf '%s%s' "$search_with" "$search_page" | bind term nunez pattern %nunez%)"
add "q=Núñez, count" "$(printf '%s%s' "$search_with" "$search_count" | bind term nunez pattern %nunez%)"
add "q=Zoë Núñez, page" "$(printf '%s%s' "$search_with" "$search_page" | bind term 'zoe nunez' pattern '%zoe nunez%')"
add "q=Zoë Núñez, count" "$(printf '%s%s' "$search_with" "$search_count" \
  | bind term 'zoe nunez' pattern '%zoe nunez%')"
add "q=$email_fragment, page" "$(printf '%s%s' "$search_with" "$search_page" \
  | bind term "${email_fragment,,}" pattern "%${email_fragment,,}%")"
add "q=$typed_mobile, page" "$(printf '%s%s' "$phone_search_with" "$search_page" \
  | bind term "$typed_mobile" pattern "%$typed_mobile%" phoneTerm "$mobile" phoneNumber "$mobile" \
         phoneDigits "%${mobile:3}%")"
add "q=$typed_mobile, count" "$(printf '%s%s' "$phone_search_with" "$search_count" \
  | bind term "$typed_mobile" pattern "%$typed_mobile%" phoneTerm "$mobile" phoneNumber "$mobile" \
         phoneDigits "%${mobile:3}%")"

# The baseline: the same statements with the planner kept from every index.
no_indexes="-c enable_indexscan=off -c enable_bitmapscan=off -c enable_indexonlyscan=off"

for i in "${!names[@]}"; do
  echo; echo "== Plan: ${names[$i]}"
  psql -qAt -d "$db" -c "explain (analyze, buffers, costs off) ${statements[$i]}"
  echo "-- baseline, without indexes:"
  PGOPTIONS="$no_indexes" psql -qAt -d "$db" -c "explain (analyze, buffers, costs off) ${statements[$i]}" \
    | grep -E "Scan|Sort Method|Execution Time" | sed 's/^/   /'
done

latency() {
  local script; script=$(mktemp)
  printf '%s;\n' "$2" > "$script"
  PGOPTIONS="$1" pgbench -n -f "$script" -T "$seconds" -c 1 -j 1 "$db" 2>/dev/null \
    | awk '/latency average/ {print $4}'
  rm -f "$script"
}
echo; echo "== Latency (pgbench, 1 client, $seconds s per statement and mode), ms"
printf '%-62s %12s %12s %9s\n' "statement" "indexes" "baseline" "ratio"
for i in "${!names[@]}"; do
  with=$(latency "" "${statements[$i]}")
  without=$(latency "$no_indexes" "${statements[$i]}")
  printf '%-62s %12s %12s %9s\n' "${names[$i]}" "$with" "$without" \
    "$(awk -v a="$with" -v b="$without" 'BEGIN { if (a > 0) printf "%.1fx", b / a; else print "-" }')"
done
