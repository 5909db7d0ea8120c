create table if not exists duban_plan (
  code        varchar(40)  primary key,
  title       varchar(200) not null,
  source_text varchar(1000000) not null,
  imported_at timestamp    not null
);

create table if not exists duban_notice (
  id                  varchar(64)   primary key,
  dedupe_key          varchar(300)  not null unique,
  kind                varchar(20)   not null,
  business_key        varchar(80)   not null,
  process_instance_id varchar(64)   not null,
  to_units            varchar(2000) not null,
  cc_units            varchar(2000) not null,
  subject             varchar(300)  not null,
  body                varchar(4000) not null,
  deliver_after       timestamp     not null,
  created_at          timestamp     not null,
  status              varchar(12)   not null,
  attempts            integer       not null,
  last_error          varchar(1000),
  sent_at             timestamp,
  claimed_at          timestamp,
  channels            varchar(1000)
);
-- channels: the channels that already carried a notice (",mail,hook:kx,"); tables created before it existed get it here
alter table duban_notice add column if not exists channels varchar(1000);
create index if not exists duban_notice_pending on duban_notice (process_instance_id, status);

-- Working-day calendar: days administrators added or overrode (they win over seeds/holidays.yaml).
-- "day" is quoted because DAY is a keyword in H2 2.x; PostgreSQL stores the same lower-case name.
create table if not exists duban_calendar_day (
  "day" date         primary key,
  type  varchar(10)  not null,
  name  varchar(100)
);

-- Settings the office changes at run time and that outlive restarts and new process versions.
create table if not exists duban_setting (
  name_  varchar(100) primary key,
  value_ varchar(1000) not null
);
