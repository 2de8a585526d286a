# The SQL expression of a new customer or party id created at the time $1, as the service makes them: time-ordered
# (UUID version 7, the creation time in milliseconds, then random bits). BENCH_IDS=random: random ids (version 4),
# as records created before ids were time-ordered keep.
new_id() {
  if [ "${BENCH_IDS:-time-ordered}" = random ]; then
    echo "gen_random_uuid()"
  else
    echo "(lpad(to_hex((extract(epoch from $1) * 1000)::bigint), 12, '0') || '7'
           || substr(replace(gen_random_uuid()::text, '-', ''), 14))::uuid"
  fi
}
