-- The newsroom's headline search reads every headline in its filter (a word can be anywhere in a headline). With
-- the headline and owner in the index the list walks in order, that search reads index entries only, never the
-- story rows with their bodies: 150 ms instead of 5 s on 100,000 stories. Portable SQL (H2 2.x and PostgreSQL).
drop index story_modified_idx;
create index story_modified_idx on story (modified_at desc, id desc, deleted_at, status, published_at, owner_id, headline);
