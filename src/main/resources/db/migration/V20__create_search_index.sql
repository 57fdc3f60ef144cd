-- Site search: an inverted index from each word to the stories that contain it, weighted by where it appears
-- (headline, tags, summary, body). A search looks words up by primary key instead of scanning every story.
-- Portable SQL; on H2 the rows are kept up to date by triggers (news.gazette.search.H2SearchIndexTrigger).
-- PostgreSQL would replace this table with a tsvector column and a GIN index behind the same SearchRepository.

create table search_term (
    term      varchar(64) not null,
    story_id  bigint      not null references story (id) on delete cascade,
    weight    integer     not null,
    primary key (term, story_id)
);

create index search_term_story_idx on search_term (story_id);
