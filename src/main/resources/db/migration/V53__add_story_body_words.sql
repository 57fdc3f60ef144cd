-- The number of words in a story's body as readers see it, counted when the story is saved, so that an article's
-- reading time costs a view nothing (counting meant parsing the body's HTML on every cache miss). Null until counted:
-- rows written before this column or without the newsroom are counted at start-up (news.gazette.admin.StoryBackfill).
-- Portable SQL: H2 2.x and PostgreSQL both accept it.
alter table story add column body_words integer;
