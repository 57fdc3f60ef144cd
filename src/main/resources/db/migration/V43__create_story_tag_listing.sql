-- A tag's pages list its visible stories newest first. Walking the publication-time index and testing each story for
-- the tag reads every story the archive holds between the newest and the page, most of them not in the tag; this table
-- copies, for each of a story's tags, the columns of the visibility rule (status, published_at, deleted_at), so a
-- tag's page, its deep offsets and its count are a walk over that tag's own index entries only. StoryWriter keeps it in
-- each write's transaction (TagWriter.copyListing); rows written behind its back are copied at start-up.
-- Portable SQL: H2 2.x and PostgreSQL both accept every statement here.
create table story_tag_listing (
    tag_id        bigint      not null references tag (id) on delete cascade,
    story_id      bigint      not null references story (id) on delete cascade,
    status        varchar(16) not null,
    published_at  timestamp with time zone,
    deleted_at    timestamp with time zone,
    primary key (tag_id, story_id)
);

create index story_tag_listing_visible_idx
    on story_tag_listing (tag_id, status, published_at desc, story_id desc, deleted_at);
create index story_tag_listing_story_idx on story_tag_listing (story_id);

insert into story_tag_listing (tag_id, story_id, status, published_at, deleted_at)
select st.tag_id, st.story_id, s.status, s.published_at, s.deleted_at
from story_tag st join story s on s.id = st.story_id;
