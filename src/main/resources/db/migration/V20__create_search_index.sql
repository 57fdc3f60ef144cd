-- Site search: an inverted index from each word to the published stories that contain it, weighted by where it
-- appears (headline, tags, summary, body). A search reads the postings of its words by index and ranks them without
-- touching the story table, which it joins only for the ten stories on the page.
-- Portable SQL; on H2 the rows are kept up to date by triggers (news.gazette.search.H2SearchIndexTrigger).
-- PostgreSQL would replace this table with a tsvector column and a GIN index behind the same SearchRepository.

create table search_term (
    term          varchar(64) not null,
    story_id      bigint      not null references story (id) on delete cascade,
    weight        integer     not null,
    -- Copied from the story so that ranking by recency and hiding scheduled stories need no join.
    published_at  timestamp with time zone not null
);

-- The key, named so that the H2 search can ask for it: one story's entry for one term, for joining terms.
create unique index search_term_term_idx on search_term (term, story_id);
create index search_term_story_idx on search_term (story_id);
-- One term's stories in rank order, read from the index alone: a one-word search never sorts the table.
create index search_term_rank_idx on search_term (term, weight desc, published_at desc, story_id desc);
