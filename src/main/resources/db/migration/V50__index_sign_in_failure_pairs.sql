-- Sign-in throttling counts failures per name and address together, and a successful sign-in forgets that pair's.
-- The indexes of V3 find a name's or an address's failures; this one finds a pair's without reading either list.
create index sign_in_failure_pair_idx on sign_in_failure (username, ip, failed_at);
