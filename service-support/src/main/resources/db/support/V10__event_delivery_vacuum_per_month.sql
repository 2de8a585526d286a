-- Each delivery leaves two dead row versions within seconds of its event (its lease and its outcome), and the
-- dispatchers walk the due index past their entries until a vacuum removes them. By default a table is vacuumed
-- once a fifth of its rows are dead: in a month of tens of millions of deliveries, millions of dead entries to walk
-- on every claim. Each month is vacuumed after a fixed number of dead rows instead. The months the service creates
-- from now on get the same settings (HubConfiguration); a partitioned table holds none to pass on.
do $$
declare
    month regclass;
begin
    for month in select inhrelid::regclass from pg_inherits where inhparent = 'event_delivery'::regclass loop
        execute format('alter table %s set (autovacuum_vacuum_scale_factor = 0, autovacuum_vacuum_threshold = 10000)',
                       month);
    end loop;
end $$;
