-- Every list a reader sees is "visible stories, newest first" (JdbcStoryRepository.VISIBLE: published, time come, not
-- in the trash), and the newsroom's list is "stories by last save". These indexes hold every column those conditions
-- and orders read, so a page's ids, a deep page's skipped rows and the newsroom's counts come from the index alone: no
-- story row (with its body) is read for a story that is not shown. They replace the V1 and V41 indexes, which lacked
-- deleted_at (the trash) and so read every row they walked past.
-- Portable SQL: H2 2.x and PostgreSQL both accept every statement here.
drop index story_published_idx;
create index story_visible_idx on story (status, published_at desc, id desc, deleted_at);

drop index story_author_idx;
create index story_author_visible_idx on story (author_id, status, published_at desc, id desc, deleted_at);

drop index story_modified_idx;
create index story_modified_idx on story (modified_at desc, id desc, deleted_at, status, published_at);
-- The newsroom's lists filtered by status (drafts, published), each by last save.
create index story_status_modified_idx on story (status, modified_at desc, id desc, deleted_at, published_at);
