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

-- Notice delivery (issue 21). Each recipient of a notice: a unit or role ("unit:jrj") or the responsible person
-- named at 签收 ("person:…", with the address given there), and the digest that carried the notice to it.
create table if not exists duban_notice_target (
  notice_id           varchar(64)   not null,
  recipient           varchar(300)  not null,
  kind                varchar(20)   not null,
  copy_only           boolean       not null,
  person_name         varchar(60),
  email               varchar(200),
  phone               varchar(30),
  deliver_after       timestamp     not null,
  created_at          timestamp     not null,
  digest_id           varchar(64),
  primary key (notice_id, recipient)
);
create index if not exists duban_notice_target_open on duban_notice_target (digest_id, deliver_after);
-- One 督办通知单 to one recipient: the notices of one rung gathered in one delivery round (or one notice, where the
-- rung is sent per task). status: PENDING until every channel carried it, then SENT; LOGGED with no channel.
create table if not exists duban_digest (
  id                  varchar(64)   primary key,
  recipient           varchar(300)  not null,
  kind                varchar(20)   not null,
  tasks               integer       not null,
  subject             varchar(300)  not null,
  body                varchar(200000) not null,
  created_at          timestamp     not null,
  status              varchar(12)   not null
);
-- One message of a digest on one channel: mail to an address list, a unit's robot, an SMS to one phone.
create table if not exists duban_dispatch (
  id                  varchar(64)   primary key,
  digest_id           varchar(64)   not null,
  channel             varchar(10)   not null,
  destination         varchar(1000) not null,
  seq                 bigint        not null,
  status              varchar(12)   not null,
  next_attempt        timestamp     not null,
  attempts            integer       not null,
  failures            integer       not null,
  claimed_at          timestamp,
  last_error          varchar(1000),
  incident            boolean       not null,
  sent_at             timestamp
);
create index if not exists duban_dispatch_due on duban_dispatch (status, next_attempt);
-- Robot pacing shared by all nodes: a row per robot to lock, and the sends of its current window.
create table if not exists duban_robot_pace (
  robot               varchar(200)  primary key,
  blocked_until       timestamp
);
create table if not exists duban_robot_send (
  robot               varchar(200)  not null,
  sent_at             timestamp     not null
);
create index if not exists duban_robot_send_window on duban_robot_send (robot, sent_at);
-- what a digest lists of a notice's task (issue 21); older rows lack them and are listed by their subject
alter table duban_notice add column if not exists task_number integer;
alter table duban_notice add column if not exists task_title varchar(500);
alter table duban_notice add column if not exists due_date date;
alter table duban_notice add column if not exists situation varchar(500);

-- Settings the office changes at run time and that outlive restarts and new process versions.
create table if not exists duban_setting (
  name_  varchar(100) primary key,
  value_ varchar(1000) not null
);
