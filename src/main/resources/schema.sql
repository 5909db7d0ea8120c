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

-- 佐证材料 (evidence): the files live in the database, so a backup of it holds them. One row per file; the content
-- in chunks (bytea: PostgreSQL's binary type, which H2 reads as binary varying). The file's display name is never a path.
create table if not exists duban_evidence (
  id                  varchar(36)  primary key,
  process_instance_id varchar(64)  not null,
  business_key        varchar(80),
  task_id             varchar(64)  not null,
  task_key            varchar(64)  not null,
  task_name           varchar(300),
  round_no            integer      not null,
  unit_code           varchar(40)  not null,
  uploaded_by         varchar(64)  not null,
  uploaded_at         timestamp    not null,
  name                varchar(300) not null,
  kind                varchar(10)  not null,
  size_bytes          bigint       not null,
  sha256              varchar(64)  not null
);
create index if not exists duban_evidence_process on duban_evidence (process_instance_id);
create table if not exists duban_evidence_chunk (
  evidence_id varchar(36) not null references duban_evidence (id) on delete cascade,
  seq         integer     not null,
  data        bytea       not null,
  primary key (evidence_id, seq)
);
