-- Every field a reader can see goes into each revision, so the diff shows all of them and any revision can be
-- restored whole. Null in revisions saved before this migration: they did not record them.
alter table story_revision add column author varchar(200);
alter table story_revision add column developing boolean;
alter table story_revision add column image_url varchar(500);
alter table story_revision add column image_alt varchar(500);
alter table story_revision add column image_caption varchar(1000);
alter table story_revision add column update_note varchar(2000);
alter table story_revision add column correction varchar(4100);
