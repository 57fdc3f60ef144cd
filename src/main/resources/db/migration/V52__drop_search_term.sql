-- Site search moved to a Lucene index that each instance keeps in its own folder, derived from the stories and kept
-- current from site_change (news.gazette.search.SearchIndex); the hand-written term index of V20 is no longer read
-- or written. Its indexes go with the table.
drop table search_term;
