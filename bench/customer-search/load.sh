#!/usr/bin/env bash
# Loads customers into a database for the inventory's benchmarks: load.sh DATABASE [CUSTOMERS]. See README.md.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
export PGHOST="${PGHOST:-127.0.0.1}" PGPORT="${PGPORT:-5432}" PGUSER="${PGUSER:-postgres}"
. "$here/ids.sh"
db="$1"
customers="${2:-1000000}"

# BENCH_MIGRATE=0: the database exists with the schema already (e.g. migrated by the service itself at start-up).
if [ "${BENCH_MIGRATE:-1}" = 1 ]; then
  psql -qAt -d postgres -c "drop database if exists $db" -c "create database $db"
  echo "Applying the customer inventory's migrations"
  # The shared tables first (from service-support), then its own, as the service applies them.
  for migration in $(ls "$root"/service-support/src/main/resources/db/support/V*.sql | sort -V) \
      $(ls "$root"/customer-inventory-service/src/main/resources/db/migration/V*.sql | sort -V); do
    # One transaction per migration, as Flyway runs them.
    psql -q -1 -v ON_ERROR_STOP=1 -d "$db" -f "$migration"
  done
fi

echo "Loading $customers customers, each with an email address and a mobile number, every fifth with a postal address"
start=$(date +%s)
psql -q -v ON_ERROR_STOP=1 -d "$db" <<SQL
set synchronous_commit = off;
-- Load without the secondary indexes and build them afterwards from the migrations' own definitions, as a bulk
-- import would.
create temp table migrated_index as
select indexname, indexdef from pg_indexes
where schemaname = 'public' and tablename in ('party', 'customer', 'customer_contact_medium') and indexname not like '%pkey';
select format('drop index %I', indexname) from migrated_index \gexec

select setseed(0.42) \g /dev/null
-- Customers are numbered in the order they were created over five years, and their rows are written in that order,
-- as a database that grew by them holds them.
create temp table creation as
select n, 1 + floor(random() * 64)::int as f, 1 + floor(random() * 60)::int as l,
       timestamptz '2021-01-01' + (n - 1 + random()) / $customers * interval '5 years' as created, random() as r,
       date '1940-01-01' + (n::bigint * 7919 % 23000)::int as birth_date,
       (array['crm-frontend', 'crm-frontend', 'billing-migration', 'partner-portal'])[1 + n % 4] as data_source
from generate_series(1, $customers) n;
create temp table person as
select n, $(new_id created) as id, f, l, created, r, $(new_id created) as party_id, birth_date, data_source
from creation order by n;
drop table creation;

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

-- Each customer engages an individual that the inventory holds (TMF632), and refers to it.
insert into party (id, version, party_type, status, name, given_name, family_name, birth_date, document,
                   data_source, created_at, updated_at, created_by, updated_by)
select p.party_id, 0, 'Individual', 'initialized', first_name[p.f] || ' ' || last_name[p.l], first_name[p.f],
       last_name[p.l], p.birth_date,
       jsonb_build_object('@type', 'Individual', 'name', first_name[p.f] || ' ' || last_name[p.l],
                          'givenName', first_name[p.f], 'familyName', last_name[p.l],
                          'birthDate', to_char(p.birth_date, 'YYYY-MM-DD') || 'T00:00:00Z', 'status', 'initialized'),
       p.data_source, p.created, p.created, 'bench', 'bench'
from person p, names;

insert into customer (id, version, name, name_normalized, status, valid_from, valid_to, created_at, updated_at,
                      created_by, updated_by, engaged_party_type, engaged_party_referred_type, engaged_party_id,
                      engaged_party_href, engaged_party_name, party_id, data_source)
select p.id, 0, first_name[p.f] || ' ' || last_name[p.l], first_folded[p.f] || ' ' || last_folded[p.l],
       case when p.r < 0.7 then 'approved' when p.r < 0.8 then 'initialized' when p.r < 0.9 then 'suspended'
            else 'closed' end,
       p.created, case when p.r >= 0.9 then p.created + (p.r * 1000) * interval '1 day' end,
       p.created, p.created, 'bench', 'bench', 'PartyRef', 'Individual', p.party_id::text,
       '/tmf-api/partyManagement/v5/individual/' || p.party_id, first_name[p.f] || ' ' || last_name[p.l],
       p.party_id, p.data_source
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
select p.id, 2, 'postalAddress', (p.n / 5 % 300 + 1) || ' ' || (array['High Street', 'Station Road', 'Mill Lane',
       'Church Street', 'Park Avenue'])[1 + p.n / 1500 % 5],
       (array['Bristol', 'Lyon', 'Köln', 'Sevilla', 'Kraków'])[1 + p.n % 5],
       'BS' || (1 + p.n / 7500 % 40) || ' ' || (p.n % 10) || chr(65 + p.n / 10 % 26) || chr(65 + p.n / 260 % 26), 'GB'
from person p where p.n % 5 = 0;

select indexdef from migrated_index \gexec
vacuum analyze party;
vacuum analyze customer;
vacuum analyze customer_contact_medium;
SQL
echo "Loaded in $(( $(date +%s) - start )) s (rows, then secondary indexes):"
psql -qAt -d "$db" -c "select 'customer rows:         ' || count(*) from customer" \
  -c "select 'contact medium rows:   ' || count(*) from customer_contact_medium" \
  -c "select 'database size:         ' || pg_size_pretty(pg_database_size(current_database()))"

