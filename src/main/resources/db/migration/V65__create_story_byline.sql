-- Several bylines per story, in order, and author pages worth reading: a desk or a person, a short bio, a photo and
-- links. story.author_id stays the lead byline (position 0). story_byline copies, for each byline, the columns of the
-- visibility rule (as story_tag_listing does for tags, V43), so an author's page, its deep offsets and its count are a
-- walk over that author's own index entries, co-written stories included. StoryWriter keeps it in each write's
-- transaction (BylineWriter); rows written behind its back are copied at start-up.
-- Portable SQL: H2 2.x and PostgreSQL both accept every statement here.
alter table author add column kind varchar(16) default 'person' not null;
alter table author add column photo_url varchar(500);
-- Up to five addresses, one per line.
alter table author add column links varchar(2000) default '' not null;

update author set kind = 'organization'
where lower(name) like '% desk' or lower(name) like '% staff' or lower(name) like '% team'
   or lower(name) like '% bureau' or lower(name) like '% newsroom' or lower(name) like '% editors';

create table story_byline (
    story_id      bigint      not null references story (id) on delete cascade,
    position      int         not null,
    author_id     bigint      not null references author (id),
    status        varchar(16) not null,
    published_at  timestamp with time zone,
    deleted_at    timestamp with time zone,
    primary key (story_id, position)
);

create index story_byline_visible_idx
    on story_byline (author_id, status, published_at desc, story_id desc, deleted_at);

insert into story_byline (story_id, position, author_id, status, published_at, deleted_at)
select s.id, 0, s.author_id, s.status, s.published_at, s.deleted_at from story s;
