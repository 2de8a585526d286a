-- A principal that read far more customer records in a day than it usually does; raised once per principal and day.
create table access_anomaly (
    day                 date             not null,
    principal           varchar(200)     not null,
    records_read        bigint           not null,
    usual_daily_records double precision not null,
    factor              double precision not null,
    detected_at         timestamptz      not null,
    primary key (day, principal)
);
