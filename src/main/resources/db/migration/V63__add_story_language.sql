-- A story's own language (a BCP 47 tag such as ja or pt-BR); null means the site's (--language).
alter table story add column language varchar(35);
alter table story_pending_change add column language varchar(35);
alter table story_revision add column language varchar(35);
