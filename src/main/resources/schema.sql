create table if not exists duban_plan (
  code        varchar(40)  primary key,
  title       varchar(200) not null,
  source_text varchar(1000000) not null,
  imported_at timestamp    not null
);
