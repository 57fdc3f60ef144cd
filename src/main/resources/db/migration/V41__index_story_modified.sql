-- The newsroom's story list is ordered by the last save; without this index every page of it sorted the whole
-- archive. Portable SQL: H2 2.x and PostgreSQL both accept it.
create index story_modified_idx on story (modified_at desc, id desc);
